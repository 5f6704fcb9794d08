import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { standardRoster } from '../core/testing/roster-files';
import { makeTempDir } from '../core/testing/temp-core';

const temp = makeTempDir('cadre-drill-');
afterAll(() => temp.remove());

// The real command line, one process per step, as an administrator (or a support call) would run it.
const cadre = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      env: { ...process.env, CADRE_DATA_DIR: join(temp.dir, 'data') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

describe('the backup → damage → restore drill', { timeout: 120_000 }, () => {
  it('brings back every class and trainee after the database file is damaged', async () => {
    expect(
      (
        await cadre(
          'class',
          'create',
          '--name',
          '2019年市管干部培训班',
          '--start',
          '2019-06-03',
          '--end',
          '2019-06-14',
          '--category',
          '市管干部培训班',
        )
      ).code,
    ).toBe(0);
    expect((await cadre('roster', 'import', '--class', '2019-001', standardRoster(temp.dir, 200))).stdout).toContain(
      '新增 200 人',
    );
    const backup = await cadre('backup', '--json');
    expect(backup.code).toBe(0);
    const info = JSON.parse(backup.stdout) as { path: string; counts: { classes: number; trainees: number } };
    expect(info.counts).toMatchObject({ classes: 1, trainees: 200 });
    expect((await cadre('check')).stdout).toContain('数据检查通过');

    // A bad sector: a page of the live database overwritten.
    const file = join(temp.dir, 'data', 'cadre.sqlite3');
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096 * 3, 4096 * 5);
    writeFileSync(file, bytes);
    const refused = await cadre('class', 'list');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('数据库文件已损坏');
    expect(refused.stderr).toContain('restore');

    // First the restore shows what it would bring back, then it does it.
    const shown = await cadre('restore', info.path);
    expect(shown.stdout).toContain('1 个班次，200 名学员');
    expect(shown.stdout).toContain('--yes');
    const restored = await cadre('restore', info.path, '--yes');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/损坏的数据库已移到 .*damaged-/);

    expect((await cadre('roster', 'list', '--class', '2019-001')).stdout).toContain('共 200 人');
    const check = await cadre('check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('1 个班次，200 名学员，200 条名册记录');
  });
});
