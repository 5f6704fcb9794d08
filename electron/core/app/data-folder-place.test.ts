import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { openDatabase } from '../db/connection';
import { takeAppLock } from '../lock';
import { fileLogger } from '../log';
import { openCore } from '../open';
import { databaseFileName } from '../db/file-name';
import { failure, value } from '../testing/expect-result';
import { makeTempDir, openTempCore, snapshot, type TempCore } from '../testing/temp-core';

// Issue 19, H2, H4 and M1: a folder chosen as the data folder is checked before it is trusted — none of
// the app's own files a link, not in or around the folder in use, not a backup, and a database there
// tried on a throw-away copy — and retention never deletes what is not a backup of its own.

let t: TempCore;
let clock = new Date('2026-11-25T08:00:00');
const used: string[] = [];
let sandbox: { dir: string; remove: () => void };
let home = '';
let victim = '';
beforeEach(() => {
  used.length = 0;
  clock = new Date('2026-11-25T08:00:00');
  t = openTempCore({
    now: () => clock,
    platform: { ...chromiumPlatform(), useDataFolder: async (path) => void used.push(path) },
  });
  sandbox = makeTempDir('cadre-place-');
  home = join(sandbox.dir, 'home');
  mkdirSync(home);
  victim = join(home, '.bashrc');
  writeFileSync(victim, 'export PATH=/usr/bin\n');
});
afterEach(() => {
  t.dispose();
  sandbox.remove();
});

const choose = (folder: string) => t.grant(folder, 'dataFolder');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const homeIsAsItWas = () => {
  expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
  expect(readdirSync(home)).toEqual(['.bashrc']);
};

// A data folder of this version's, closed: what a prepared folder starts from.
const dataFolder = (name: string) => {
  const dir = join(sandbox.dir, name);
  openCore({ dataDir: dir }).close();
  return dir;
};

// A folder prepared by someone else: this program's data, with its lock and log pointing at the
// person's own files, its name a command for the shell the log was appended to.
const prepared = () => {
  const dir = dataFolder('培训数据$(id>~PWNED)');
  symlinkSync(victim, join(dir, 'app.lock'));
  rmSync(join(dir, 'logs'), { recursive: true, force: true });
  mkdirSync(join(dir, 'logs'));
  symlinkSync(victim, join(dir, 'logs', 'cadre.log'));
  return dir;
};

describe('a chosen data folder with links among the app’s own files (H2)', () => {
  it('is refused before anything is written, and never remembered', async () => {
    const dir = prepared();
    const before = snapshot(t.core.db);
    const refused = failure(await t.router.call('app.useDataFolder', { folder: choose(dir) }), 'INVALID_INPUT');
    expect(refused.message).toMatch(/app\.lock.*链接|链接/);
    expect(refused.message).toContain('app.lock');
    expect(used).toEqual([]);
    expect(snapshot(t.core.db)).toBe(before);
    homeIsAsItWas();
    // A logs/ folder that is itself a link to the home folder: the same.
    const other = dataFolder('other');
    rmSync(join(other, 'logs'), { recursive: true, force: true });
    symlinkSync(home, join(other, 'logs'));
    expect(failure(await t.router.call('app.useDataFolder', { folder: choose(other) }), 'INVALID_INPUT').message).toContain(
      'logs',
    );
    homeIsAsItWas();
  });

  it('is refused at start too, and the lock and the log never write through a link', () => {
    const dir = prepared();
    expect(() => openCore({ dataDir: dir })).toThrow(/链接/);
    homeIsAsItWas();
    // Had it been opened: the lock is renamed over the link, the log line refused.
    const release = takeAppLock(dir);
    fileLogger(dir).info(`started 0.1.0, data in ${dir}`);
    homeIsAsItWas();
    expect(JSON.parse(readFileSync(join(dir, 'app.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(join(dir, 'app.lock'))).toBe(false);
    homeIsAsItWas();
  });

  it('is refused when a file of the app’s is a hard link to the person’s, or not a file at all', async () => {
    for (const [name, make] of [
      ['cadre.sqlite3-wal', (path: string) => linkSync(victim, path)],
      [join('logs', 'cadre.log'), (path: string) => linkSync(victim, path)],
      ['app.lock', (path: string) => mkdirSync(path)],
    ] as const) {
      const dir = dataFolder(`hard-${name.replaceAll(/[\\/.]/g, '-')}`);
      rmSync(join(dir, name), { force: true });
      mkdirSync(join(dir, name, '..'), { recursive: true });
      make(join(dir, name));
      expect(failure(await t.router.call('app.useDataFolder', { folder: choose(dir) }), 'INVALID_INPUT').message).toContain(
        name.replaceAll('\\', '/'),
      );
      expect(() => openCore({ dataDir: dir })).toThrow(/不能安全使用/);
    }
    expect(used).toEqual([]);
    expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
  });

  it('is probed for writing under a fresh name of its own, never one a link could wait at', async () => {
    const dir = dataFolder('probe');
    // The name the probe used to have: the app wrote '' through it, emptying ~/.bashrc.
    symlinkSync(victim, join(dir, `.cadre-write-test-${process.pid}`));
    value(await t.router.call('app.useDataFolder', { folder: choose(dir) }));
    homeIsAsItWas();
    expect(used).toEqual([dir]);
  });
});

describe('a chosen folder that holds the person’s own files', () => {
  // D:\ itself, or 我的文档: a tmp\, an open\, a files\ of theirs must never be taken for the program's.
  const theirs = () => {
    const dir = join(sandbox.dir, '我的文档');
    for (const [path, text] of [
      ['tmp/笔记.txt', '周一开会'],
      ['open/个人/简历.docx', 'x'],
      ['incoming/a.txt', 'y'],
      ['files/工作/总结.docx', 'z'],
      ['files/ab/notahash.txt', 'w'],
    ] as const) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };
  const theirsAsTheyWere = (dir: string) => {
    expect(readFileSync(join(dir, 'tmp/笔记.txt'), 'utf8')).toBe('周一开会');
    expect(readFileSync(join(dir, 'open/个人/简历.docx'), 'utf8')).toBe('x');
    expect(readFileSync(join(dir, 'incoming/a.txt'), 'utf8')).toBe('y');
    expect(readFileSync(join(dir, 'files/工作/总结.docx'), 'utf8')).toBe('z');
    expect(readFileSync(join(dir, 'files/ab/notahash.txt'), 'utf8')).toBe('w');
  };

  it('keeps the data in a folder of the program’s own inside it, and leaves their files alone', async () => {
    const dir = theirs();
    expect(value(await t.router.call('app.useDataFolder', { folder: choose(dir) }))).toEqual({
      path: join(dir, 'CadreTrainingDesk'),
      existing: false,
    });
    expect(used).toEqual([join(dir, 'CadreTrainingDesk')]);
    // The next start there, a day of work, the data check's clean-up.
    const opened = openCore({ dataDir: used[0] ?? '' });
    value(await opened.router.call('check.clean', {}));
    opened.close();
    theirsAsTheyWere(dir);
  });

  it('named as the data folder itself (--data-dir): sweeps and clean-up take only what the program made', async () => {
    const dir = theirs();
    const opened = openCore({ dataDir: dir });
    value(await opened.router.call('check.clean', {}));
    opened.close();
    openCore({ dataDir: dir }).close();
    theirsAsTheyWere(dir);
  });
});

describe('a chosen data folder in a backup, or in or around the one in use (H4)', () => {
  it('is refused: a backup by its name, by its manifest, a folder inside one, the backup folder, the data folder’s own', async () => {
    // Backups kept on a USB disk, as the settings allow: outside the data folder.
    const usb = join(sandbox.dir, 'U盘备份');
    mkdirSync(usb);
    value(await t.router.call('backup.setFolder', { grant: t.grant(usb, 'backupFolder') }));
    const backup = value(await t.router.call('backup.create', {}));
    const renamed = join(sandbox.dir, '旧数据');
    cpSync(backup.path, renamed, { recursive: true });
    const inside = join(renamed, '第一组');
    mkdirSync(inside);
    mkdirSync(join(t.dir, 'incoming'));
    const before = snapshot(t.core.db);
    const refusal = async (folder: string) =>
      failure(await t.router.call('app.useDataFolder', { folder: choose(folder) }), 'INVALID_INPUT').message;
    for (const folder of [backup.path, renamed, inside, usb]) expect(await refusal(folder), folder).toContain('是一份备份');
    expect(await refusal(join(t.dir, 'incoming'))).toContain('在正在使用的数据文件夹之内');
    expect(used).toEqual([]);
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('is never deleted by retention, with the default rules, once work has been done in it', async () => {
    value(await t.router.call('app.loadSample', {}));
    const first = value(await t.router.call('backup.create', {}));
    // As an earlier version allowed (or --data-dir names): the backup used as a data folder, and work done there.
    const elsewhere = openCore({ dataDir: first.path });
    value(
      await elsewhere.router.call('classes.create', {
        category: '主体班',
        name: '2020年新录用公务员培训班',
        startDate: '2020-03-02',
        endDate: '2020-03-13',
      }),
    );
    const release = takeAppLock(first.path);
    elsewhere.close();
    // Back here: a day of backups, more than the default rules keep of one day (the last 10, one a day).
    for (let i = 0; i < 12; i += 1) {
      clock = new Date(clock.getTime() + 10 * 60_000);
      value(await t.router.call('backup.create', {}));
    }
    const listed = value(await t.router.call('backup.list', {}));
    expect(listed.items.some((item) => item.path === first.path && item.keptBy?.length === 0)).toBe(true);
    // Retention passed it by: it holds app.lock and a log, it is not a backup any more.
    expect(existsSync(join(first.path, databaseFileName))).toBe(true);
    const db = new Database(join(first.path, databaseFileName), { readonly: true });
    expect(db.prepare('SELECT name FROM classes WHERE name = ?').pluck().get('2020年新录用公务员培训班')).toBe(
      '2020年新录用公务员培训班',
    );
    db.close();
    release();
    // A backup left as it was made goes, as the rules say.
    const plain = value(await t.router.call('backup.list', {})).items.filter(
      (item) => item.keptBy?.length === 0 && item.path !== first.path,
    );
    for (const item of plain) expect(existsSync(item.path)).toBe(false);
  });
});

describe('a remembered data folder at the next start', () => {
  it('is not made again when it is missing (a USB disk not plugged in): the start says so, in words', () => {
    const usb = join(sandbox.dir, 'KINGSTON', '培训数据');
    expect(() => openCore({ dataDir: usb, dataDirMustExist: true })).toThrow(/“.*培训数据”不存在（移动硬盘或 U 盘没有插上/);
    expect(existsSync(join(sandbox.dir, 'KINGSTON'))).toBe(false);
    // Named on the command line or the default: made, as before.
    openCore({ dataDir: usb }).close();
    expect(existsSync(join(usb, databaseFileName))).toBe(true);
  });
});

describe('a chosen data folder whose database cannot be used (M1)', () => {
  it('is refused when the database is another program’s or half-built; a whole older one is accepted, untouched', async () => {
    const foreign = join(sandbox.dir, 'foreign');
    mkdirSync(foreign);
    const other = new Database(join(foreign, databaseFileName));
    other.exec("CREATE TABLE 学员 (姓名 TEXT, 单位 TEXT); INSERT INTO 学员 VALUES ('张三', '辽源市');");
    other.close();
    failure(await t.router.call('app.useDataFolder', { folder: choose(foreign) }), 'DATABASE_FOREIGN');

    const half = join(sandbox.dir, 'half');
    mkdirSync(half);
    openDatabase(join(half, databaseFileName), { targetVersion: 5 }).close();
    const broken = new Database(join(half, databaseFileName));
    broken.exec('DROP TABLE attendance');
    broken.close();
    failure(await t.router.call('app.useDataFolder', { folder: choose(half) }), 'DATABASE_FOREIGN');
    expect(used).toEqual([]);

    const older = join(sandbox.dir, 'older');
    mkdirSync(older);
    openDatabase(join(older, databaseFileName), { targetVersion: 5 }).close();
    const hash = sha256(join(older, databaseFileName));
    expect(value(await t.router.call('app.useDataFolder', { folder: choose(older) }))).toEqual({ path: older, existing: true });
    // Tried on a copy: the folder's database is still at version 5, byte for byte, and the copy is gone.
    expect(sha256(join(older, databaseFileName))).toBe(hash);
    // (A read-only look at a WAL database may leave SQLite's own -wal and -shm beside it, empty of data.)
    expect(readdirSync(older).filter((name) => !name.endsWith('-shm') && !name.endsWith('-wal'))).toEqual([databaseFileName]);
    expect(existsSync(join(t.dir, 'tmp')) ? readdirSync(join(t.dir, 'tmp')) : []).toEqual([]);
    expect(used).toEqual([older]);
    renameSync(older, join(sandbox.dir, 'older-done'));
  });
});
