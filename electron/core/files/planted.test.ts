import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quotedPath } from '../log';
import { openCore } from '../open';
import { databaseFileName } from '../db/file-name';
import { failure, value } from '../testing/expect-result';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { sha256Of, storedPath, storeFile } from './store';

// What someone who could write into the data folder once (a prepared folder, a shared disk) leaves for
// the program to trip over later, and what the person can pick in a save dialog by mistake.

let t: TempCore;
beforeEach(() => {
  t = openTempCore();
});
afterEach(() => t.dispose());

describe('things left in the data folder', () => {
  it('a wrong file under a stored file’s name is written over when those bytes are stored, not trusted', async () => {
    const bytes = Buffer.from('关于朝阳村的调研\n真正的报告。');
    const sha256 = sha256Of(bytes);
    mkdirSync(join(t.dir, 'files', sha256.slice(0, 2)), { recursive: true });
    writeFileSync(storedPath(t.dir, sha256), '别人放进来的内容');
    t.core.db.transaction(() => storeFile(t.core, bytes, '调研报告.txt'))();
    expect(sha256Of(readFileSync(storedPath(t.dir, sha256)))).toBe(sha256);
    // And every backup after it works: the file is what its name says.
    value(await t.router.call('backup.create', {}));
  });

  it('a FIFO where the database or the lock belongs is refused at start, without waiting on it', () => {
    for (const name of [databaseFileName, 'app.lock']) {
      const dir = join(t.dir, `fifo-${name}`);
      mkdirSync(dir);
      try {
        execFileSync('mkfifo', [join(dir, name)]);
      } catch {
        console.log('mkfifo is not on this machine: the FIFO case is not tried');
        return;
      }
      expect(() => openCore({ dataDir: dir })).toThrow(/不是普通文件/);
      rmSync(dir, { recursive: true });
    }
  });

  it('a path named with a shell command stays inert in the log', () => {
    const line = `data in ${quotedPath('D:\\培训数据$(id>~/PWNED)`reboot`')}`;
    expect(line).not.toContain('$(');
    expect(line).not.toContain('`');
    expect(JSON.parse(line.slice('data in '.length))).toBe('D:\\培训数据$(id>~/PWNED)`reboot`');
  });
});

describe('an export saved by mistake', () => {
  it('over the program’s own files is refused, and they stay as they were', async () => {
    value(await t.router.call('app.loadSample', {}));
    const classId = value(await t.router.call('classes.list', {})).items[0]?.id ?? 0;
    const before = { database: readFileSync(join(t.dir, databaseFileName)).length, rows: snapshot(t.core.db) };
    mkdirSync(join(t.dir, 'backups'), { recursive: true });
    for (const path of [join(t.dir, databaseFileName), join(t.dir, 'app.lock'), join(t.dir, 'backups', '名册.csv')]) {
      const refused = failure(
        await t.router.call('roster.export', {
          classId,
          grant: t.grant(path, 'export'),
          document: 'roster',
          format: 'csv',
        }),
        'INVALID_INPUT',
      );
      expect(refused.message).toContain('程序自己的数据文件');
    }
    expect(readFileSync(join(t.dir, databaseFileName)).length).toBe(before.database);
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([]);
    // Beside them, in the data folder, a document harms nothing and is written.
    value(
      await t.router.call('roster.export', {
        classId,
        grant: t.grant(join(t.dir, '名册.csv'), 'export'),
        document: 'roster',
        format: 'csv',
      }),
    );
    expect(snapshot(t.core.db)).not.toBe('');
  });
});
