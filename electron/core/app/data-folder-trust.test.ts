import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { openCore } from '../open';
import { databaseFileName } from '../db/file-name';
import { tamper, tampering } from '../testing/crafted-database';
import { failure, value } from '../testing/expect-result';
import { makeTempDir, openTempCore, snapshot, type TempCore } from '../testing/temp-core';

// Issue 19, H3, through app.useDataFolder: a chosen folder's database is judged by its schema before the
// folder is remembered, so that a crafted one never becomes the data folder of the next start.

let t: TempCore;
const used: string[] = [];
const temps: { remove: () => void }[] = [];
beforeEach(() => {
  used.length = 0;
  t = openTempCore({ platform: { ...chromiumPlatform(), useDataFolder: async (path) => void used.push(path) } });
});
afterEach(() => {
  t.dispose();
  temps.splice(0).forEach((temp) => temp.remove());
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// Another data folder with the sample data, as this version leaves it.
const otherFolder = async () => {
  const temp = makeTempDir();
  temps.push(temp);
  const opened = openCore({ dataDir: temp.dir });
  value(await opened.router.call('app.loadSample', {}));
  opened.close();
  return { dir: temp.dir, file: join(temp.dir, databaseFileName) };
};

const choose = (folder: string) => t.grant(folder, 'dataFolder');

describe('a chosen data folder whose database is not as this program made it', () => {
  it.each([
    ['a trigger copying each new 身份证号 into 职务', tampering.idIntoPosition, 'trainees_normalise'],
    ['a trigger deleting the export, reveal and print lines of the audit log', tampering.auditErased, 'audit_log_compact'],
  ])('is refused when it carries %s, before it is remembered; nothing changes here or there', async (_, sql, trigger) => {
    const other = await otherFolder();
    tamper(other.file, sql);
    const before = { here: snapshot(t.core.db), there: sha256(other.file) };
    const error = failure(await t.router.call('app.useDataFolder', { folder: choose(other.dir) }), 'DATABASE_FOREIGN');
    expect(error.message).toMatch(/^这个数据库不是本程序创建的，或已被改动（.*(多出|缺少|被改动).*）$/);
    // Named for the person and whoever they call: what was added, not what it does.
    expect(error.message).toContain(`多出触发器“${trigger}”`);
    expect(error.details?.['differences']).toEqual(expect.arrayContaining([{ change: 'extra', type: 'trigger', name: trigger }]));
    expect(used).toEqual([]);
    expect(snapshot(t.core.db)).toBe(before.here);
    expect(sha256(other.file)).toBe(before.there);
  });

  it('is refused when its database is another program’s SQLite file (version 0, with tables)', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const db = new Database(join(temp.dir, databaseFileName));
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    failure(await t.router.call('app.useDataFolder', { folder: choose(temp.dir) }), 'DATABASE_FOREIGN');
    expect(used).toEqual([]);
  });

  it('is taken when untouched', async () => {
    const other = await otherFolder();
    expect(value(await t.router.call('app.useDataFolder', { folder: choose(other.dir) }))).toEqual({
      path: other.dir,
      existing: true,
    });
    expect(used).toEqual([other.dir]);
  });
});
