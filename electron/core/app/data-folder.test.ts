import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../db/connection';
import { databaseFileName } from '../db/file-name';
import { dataDirOf, forgetSavedDataDir, readSavedDataDir, resolveDataDir, saveDataDir } from '../paths';
import { noDialogs } from '../platform';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { failure, value } from '../testing/expect-result';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
const used: string[] = [];
beforeEach(() => {
  used.length = 0;
  // Main's side: remembers the folder (the restart is Electron's).
  t = openTempCore({ platform: { ...chromiumPlatform(), useDataFolder: async (path) => void used.push(path) } });
});
afterEach(() => t.dispose());

const choose = (folder: string) => t.grant(folder, 'dataFolder');
const logged = () =>
  t.core.db.prepare(`SELECT summary FROM audit_log WHERE entity = 'data' AND action = 'update'`).pluck().all() as string[];

describe('another data folder', () => {
  it('takes a new empty folder, or one with this version’s data, and says which; the data here stays', async () => {
    value(await t.router.call('app.loadSample', {}));
    const empty = join(t.dir, '..', `cadre-new-${Date.now()}`);
    mkdirSync(empty);
    expect(value(await t.router.call('app.useDataFolder', { folder: choose(empty) }))).toEqual({ path: empty, existing: false });
    // Another school's data folder, made by this version.
    const other = openTempCore();
    try {
      expect(value(await t.router.call('app.useDataFolder', { folder: choose(other.dir) }))).toEqual({
        path: other.dir,
        existing: true,
      });
      expect(used).toEqual([empty, other.dir]);
    } finally {
      other.dispose();
      rmSync(empty, { recursive: true, force: true });
    }
    expect(logged()).toEqual([
      `数据文件夹改为 ${empty}（新的空文件夹），下次启动时生效`,
      expect.stringMatching(/（使用其中已有的数据），下次启动时生效$/),
    ]);
    expect(value(await t.router.call('classes.list', {})).items).toHaveLength(3);
  });

  it('refuses the folder in use, a database of a newer version, and a folder it cannot write — nothing changed', async () => {
    const newer = join(t.dir, '..', `cadre-newer-${Date.now()}`);
    mkdirSync(newer);
    const db = new Database(join(newer, databaseFileName));
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    const damaged = join(t.dir, '..', `cadre-damaged-${Date.now()}`);
    mkdirSync(damaged);
    writeFileSync(join(damaged, databaseFileName), 'not a database at all, but long enough to look like a file'.repeat(100));
    const before = snapshot(t.core.db);
    expect(failure(await t.router.call('app.useDataFolder', { folder: choose(t.dir) }), 'INVALID_INPUT').message).toBe(
      '这就是正在使用的数据文件夹',
    );
    expect(failure(await t.router.call('app.useDataFolder', { folder: choose(newer) }), 'DATABASE_TOO_NEW').message).toMatch(
      /新/,
    );
    failure(await t.router.call('app.useDataFolder', { folder: choose(damaged) }), 'DATABASE_DAMAGED');
    expect(
      failure(await t.router.call('app.useDataFolder', { folder: choose(join(newer, 'missing', 'deeper')) }), 'INVALID_INPUT')
        .message,
    ).toMatch(/^无法在“.*deeper”中写入/);
    expect(used).toEqual([]);
    expect(snapshot(t.core.db)).toBe(before);
    for (const dir of [newer, damaged]) rmSync(dir, { recursive: true, force: true });
  });

  it('is not for the command line, which names its folder with --data-dir', async () => {
    const cli = openTempCore({ platform: { ...chromiumPlatform(), ...noDialogs } });
    try {
      const folder = join(cli.dir, '..', `cadre-cli-${Date.now()}`);
      mkdirSync(folder);
      failure(await cli.router.call('app.useDataFolder', { folder: cli.grant(folder, 'dataFolder') }), 'INVALID_STATE');
      rmSync(folder, { recursive: true, force: true });
    } finally {
      cli.dispose();
    }
  });

  it('is found again at the next start (and says where it came from), unless --data-dir or CADRE_DATA_DIR says otherwise', () => {
    const file = join(t.dir, 'settings', 'data-folder.json');
    expect(readSavedDataDir(file)).toBeUndefined();
    saveDataDir(file, '/srv/training');
    expect(readSavedDataDir(file)).toBe('/srv/training');
    expect(resolveDataDir(['app'], {}, readSavedDataDir(file))).toBe('/srv/training');
    expect(resolveDataDir(['app', '--data-dir', '/mnt/x'], {}, '/srv/training')).toBe('/mnt/x');
    expect(resolveDataDir(['app'], { CADRE_DATA_DIR: '/mnt/y' }, '/srv/training')).toBe('/mnt/y');
    expect(dataDirOf(['app'], {}, '/srv/training').source).toBe('saved');
    expect(dataDirOf(['app', '--data-dir=/mnt/x'], {}, '/srv/training').source).toBe('argument');
    expect(dataDirOf(['app'], { CADRE_DATA_DIR: '/mnt/y' }).source).toBe('environment');
    expect(dataDirOf(['app'], {}).source).toBe('default');
    forgetSavedDataDir(file);
    expect(readSavedDataDir(file)).toBeUndefined();
    writeFileSync(file, '{"dataDir": "relative/path"}');
    expect(readSavedDataDir(file)).toBeUndefined();
    writeFileSync(file, 'garbage');
    expect(readSavedDataDir(file)).toBeUndefined();
  });
});
