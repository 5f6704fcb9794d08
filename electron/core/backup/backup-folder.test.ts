import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../open';
import { failure, value } from '../testing/expect-result';
import { makeTempDir, openTempCore, snapshot, type TempCore } from '../testing/temp-core';

// Issue 19, intruder 04: backup.setFolder took any folder, also one the app itself empties. Backups in
// <data>/tmp/备份 were deleted at the next start (the scratch sweep), in <data>/files/备份 by 清理; a
// folder inside a backup goes when retention deletes that backup. Such a folder is refused, in words
// that name the folder in the way.

let t: TempCore;
let sandbox: { dir: string; remove: () => void };
beforeEach(async () => {
  t = openTempCore({ now: () => new Date('2026-11-25T08:00:00Z') });
  sandbox = makeTempDir('cadre-backup-folder-');
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => {
  t.dispose();
  sandbox.remove();
});

const folder = (...parts: string[]) => {
  const path = join(...parts);
  mkdirSync(path, { recursive: true });
  return path;
};
const setFolder = (path: string) => t.router.call('backup.setFolder', { grant: t.grant(path, 'backupFolder') });
const backupDirSetting = async () => value(await t.router.call('settings.get', {})).backupDir;

describe('the backup folder', () => {
  it('is refused inside the data folder — its tmp/, its files/, itself — naming the data folder', async () => {
    const chosen = folder(sandbox.dir, '备份');
    value(await setFolder(chosen));
    const before = snapshot(t.core.db);
    for (const path of [folder(t.dir, 'tmp', '备份'), folder(t.dir, 'files', '备份'), t.dir, folder(t.dir, '备份')]) {
      const error = failure(await setFolder(path), 'INVALID_INPUT');
      expect(error.message).toContain(`数据文件夹“${t.dir}”`);
      expect(error.message).toMatch(/^不能把备份放在/);
    }
    // Nothing changed: the folder chosen before is still the one.
    expect(snapshot(t.core.db)).toBe(before);
    expect(await backupDirSetting()).toBe(chosen);
  });

  it('is refused inside a backup, or inside another data folder, and through a link into the data folder', async () => {
    const elsewhere = folder(sandbox.dir, '移动硬盘');
    const backup = value(await t.router.call('backup.create', { folder: t.grant(elsewhere, 'backupFolder') }));
    const insideBackup = failure(await setFolder(folder(backup.path, '再备份')), 'INVALID_INPUT');
    expect(insideBackup.message).toContain(`备份“${backup.path}”`);
    // A copy of a backup under a name of the person's: its manifest says what it is.
    const copy = join(sandbox.dir, '留底');
    cpSync(backup.path, copy, { recursive: true });
    expect(failure(await setFolder(folder(copy, '子文件夹')), 'INVALID_INPUT').message).toContain(`备份“${copy}”`);

    const other = openCore({ dataDir: join(sandbox.dir, '另一个数据文件夹') });
    other.close();
    const insideOther = failure(await setFolder(folder(sandbox.dir, '另一个数据文件夹', 'tmp', '备份')), 'INVALID_INPUT');
    expect(insideOther.message).toContain(`数据文件夹“${join(sandbox.dir, '另一个数据文件夹')}”`);

    const link = join(sandbox.dir, '看起来在外面');
    symlinkSync(folder(t.dir, 'tmp', '备份'), link);
    expect(failure(await setFolder(link), 'INVALID_INPUT').message).toContain(`数据文件夹“${t.dir}”`);
    expect(await backupDirSetting()).toBe('');
  });

  it('may be the data folder’s own backups/ (kept as the default) or any folder outside', async () => {
    const outside = folder(sandbox.dir, '党校备份');
    expect(value(await setFolder(outside)).dir).toBe(outside);
    expect(await backupDirSetting()).toBe(outside);
    expect(value(await setFolder(folder(t.dir, 'backups'))).dir).toBe(join(t.dir, 'backups'));
    expect(await backupDirSetting()).toBe('');
  });

  it('read from a settings row naming a folder the app empties, is the data folder’s backups/ instead', async () => {
    const scratch = join(t.dir, 'tmp', '备份');
    t.core.db
      .prepare("INSERT INTO settings (key, value) VALUES ('backupDir', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(scratch));
    expect(value(await t.router.call('backup.list', {})).dir).toBe(join(t.dir, 'backups'));
    const made = value(await t.router.call('backup.create', {}));
    expect(made.path.startsWith(join(t.dir, 'backups'))).toBe(true);
    expect(existsSync(scratch)).toBe(false);
    // And it survives the next start's sweep of the scratch folders.
    t.close();
    const next = openCore({ dataDir: t.dir });
    try {
      expect(value(await next.router.call('backup.list', {})).items.map((b) => b.name)).toEqual([made.name]);
    } finally {
      next.close();
    }
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([made.name]);
  });

  it('on a USB disk not plugged in: no backup, said in words, never made again on the local disk', async () => {
    const usb = folder(sandbox.dir, 'KINGSTON');
    const chosen = folder(usb, '党校备份');
    value(await setFolder(chosen));
    const first = value(await t.router.call('backup.create', {}));
    // The disk taken out: the whole of it gone from the machine.
    rmSync(usb, { recursive: true, force: true });
    const refused = failure(await t.router.call('backup.create', {}), 'INVALID_STATE');
    expect(refused.message).toBe(
      `备份文件夹“${chosen}”不可用：U 盘或移动硬盘没有插上，或文件夹已改名、移走。插上后再备份，或在“数据与备份”中改用其他文件夹`,
    );
    expect(existsSync(usb)).toBe(false);
    // The list says why it is empty; plugged in again, the backups are there.
    expect(value(await t.router.call('backup.list', {}))).toMatchObject({ dir: chosen, items: [], folderMissing: true });
    mkdirSync(chosen, { recursive: true });
    expect(value(await t.router.call('backup.list', {})).folderMissing).toBe(false);
    expect(first.path.startsWith(chosen)).toBe(true);
  });

  it('chosen for a restore as the folder that holds the backups: says which to open, not "not a backup"', async () => {
    const chosen = folder(sandbox.dir, '党校备份');
    value(await setFolder(chosen));
    const newest = value(await t.router.call('backup.create', {}));
    const refused = failure(await t.router.call('backup.inspect', { grant: t.grant(chosen, 'restoreFrom') }), 'INVALID_INPUT');
    expect(refused.message).toContain(`这个文件夹里有 1 份备份（最新的是“${newest.name}”）`);
  });
});
