import { describe, expect, it } from 'vitest';
import { filesContract } from '../../../shared/files/contract';
import { nameProblem } from '../../../shared/files/names';
import { initI18n } from '../i18n';
import { problemListFileName } from './problem-list-name';

describe("the problem list's offered file name", () => {
  it('is a safe name the save dialog takes, whatever the imported file was called', async () => {
    const i18n = await initI18n('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(problemListFileName(t, '2019年名单.xlsx')).toBe('2019年名单的问题清单.xlsx');
    for (const crafted of [
      `${'a'.repeat(250)}.xlsx`,
      '名单\u202Exslx.exe.xlsx',
      '..\\..\\名单.xlsx',
      'CON.xlsx',
      '名\n单.xlsx',
    ]) {
      const name = problemListFileName(t, crafted);
      expect(nameProblem(name), JSON.stringify(crafted)).toBeUndefined();
      expect(name.endsWith('.xlsx')).toBe(true);
      expect(
        filesContract['files.chooseSave'].input.safeParse({ purpose: 'export', defaultName: name, format: 'xlsx' }).success,
      ).toBe(true);
    }
  });
});
