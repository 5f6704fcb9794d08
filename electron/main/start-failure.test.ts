import { describe, expect, it } from 'vitest';
import { startFailure } from './start-failure';

const missing = {
  code: 'INVALID_STATE',
  message: '文件夹“D:\\培训数据”不存在（移动硬盘或 U 盘没有插上，或文件夹已改名、移走？）',
} as const;

describe('a data folder that cannot be opened at start', () => {
  it('offers the default folder when the folder was chosen in the app and remembered (issue 19, M1)', () => {
    const failure = startFailure(missing, 'D:\\培训数据', 'saved', 'C:\\Users\\a\\AppData\\Roaming\\CadreTrainingDesk');
    expect(failure).toMatchObject({ kind: 'offerDefault', buttons: ['改用默认数据文件夹', '退出'] });
    expect(failure.kind === 'offerDefault' && failure.detail).toContain('D:\\培训数据');
    expect(failure.kind === 'offerDefault' && failure.detail).toContain('U 盘没有插上');
    expect(failure.kind === 'offerDefault' && failure.detail).toContain('AppData\\Roaming\\CadreTrainingDesk');
  });

  it('explains, without offering, a folder named on the command line or in the environment, or the default itself', () => {
    for (const source of ['argument', 'environment', 'default'] as const)
      expect(startFailure(missing, '/srv/data', source, '/home/a/.config/CadreTrainingDesk').kind).toBe('explain');
    expect(startFailure(missing, '/home/a/.config/CadreTrainingDesk', 'saved', '/home/a/.config/CadreTrainingDesk').kind).toBe(
      'explain',
    );
  });

  it('says nothing more about a damaged or altered database: the recovery dialog has asked already', () => {
    expect(startFailure({ code: 'DATABASE_DAMAGED', message: '' }, '/srv/data', 'saved', '/x').kind).toBe('none');
    expect(startFailure({ code: 'DATABASE_FOREIGN', message: '' }, '/srv/data', 'saved', '/x').kind).toBe('none');
  });
});
