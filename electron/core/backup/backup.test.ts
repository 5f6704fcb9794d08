import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../db/connection';
import { storedPath, storeFile } from '../files/store';
import { failure, value } from '../testing/expect-result';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
let clock = new Date('2026-11-25T08:00:00Z');
beforeEach(async () => {
  clock = new Date('2026-11-25T08:00:00Z');
  t = openTempCore({ now: () => clock });
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

describe('backups', () => {
  it('copies the database with the online backup API, verifies it and describes what it holds', async () => {
    const info = value(await t.router.call('backup.create', {}));
    // The sample: three classes, forty trainees, the five reports' files.
    expect(info).toMatchObject({
      reason: 'manual',
      counts: { classes: 3, trainees: 40, files: 5 },
      schemaVersion: latestVersion,
    });
    expect(readdirSync(info.path).sort()).toEqual(['cadre.sqlite3', 'files', 'manifest.json']);
    expect(value(await t.router.call('backup.list', {})).items.map((b) => b.name)).toEqual([info.name]);
    expect(value(await t.router.call('settings.get', {})).lastBackupAt).toBe(info.createdAt);
    expect(value(await t.router.call('backup.inspect', { backup: info.name })).counts.classes).toBe(3);
    // A backup elsewhere, chosen in the folder dialog: the folder, or the manifest inside it.
    expect(value(await t.router.call('backup.inspect', { grant: t.grant(info.path, 'restoreFrom') })).name).toBe(info.name);
    expect(
      value(await t.router.call('backup.inspect', { grant: t.grant(join(info.path, 'manifest.json'), 'restoreFrom') })).name,
    ).toBe(info.name);
  });

  it('keeps the newest N, and only after the new one is verified', async () => {
    value(await t.router.call('settings.update', { backupKeep: 3 }));
    for (let i = 0; i < 5; i += 1) {
      later(60);
      value(await t.router.call('backup.create', {}));
    }
    const kept = value(await t.router.call('backup.list', {})).items;
    expect(kept).toHaveLength(3);
    expect(kept[0]?.createdAt).toBe(clock.toISOString());
  });

  it('refuses a backup whose database was damaged', async () => {
    const info = value(await t.router.call('backup.create', {}));
    const file = join(info.path, 'cadre.sqlite3');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, 8192);
    writeFileSync(file, bytes);
    const before = snapshot(t.core.db);
    const error = failure(await t.router.call('backup.restore', { backup: info.name }), 'INVALID_INPUT');
    expect(error.message).toMatch(/^备份“.*”无法使用/);
    expect(snapshot(t.core.db)).toBe(before);
    failure(
      await t.router.call('backup.inspect', { grant: t.grant(join(t.dir, 'nothing-here'), 'restoreFrom') }),
      'INVALID_INPUT',
    );
  });

  it('restores a backup after backing up what is there now', async () => {
    const good = value(await t.router.call('backup.create', {}));
    later(5);
    const { items } = value(await t.router.call('classes.list', {}));
    for (const c of items) value(await t.router.call('classes.remove', { id: c.id }));
    expect(value(await t.router.call('classes.list', {})).items).toHaveLength(0);

    later(5);
    const result = value(await t.router.call('backup.restore', { backup: good.name }));
    expect(result.restored.name).toBe(good.name);
    expect(result.safety).toMatchObject({ reason: 'before-restore', counts: { classes: 0 } });
    expect(value(await t.router.call('classes.list', {})).items).toHaveLength(3);
    // The restore is in the restored database's log, after the history since the backup (the
    // deletions that made it necessary), and the emptied state survives as a backup.
    const log = value(await t.router.call('audit.list', { limit: 30 })).items.map((e) => e.summary);
    expect(log[0]).toContain(good.name);
    expect(log).toContain('删除班次“2019年青年干部培训班”');
    expect(log.filter((line) => line.startsWith('备份数据'))).toHaveLength(1);
    expect(existsSync(result.safety.path)).toBe(true);
  });

  it('is due once a day when automatic backups are on', async () => {
    const { backupIsDue } = await import('./service');
    expect(backupIsDue(t.core)).toBe(true);
    value(await t.router.call('backup.create', {}));
    later(60 * 23);
    expect(backupIsDue(t.core)).toBe(false);
    later(61);
    expect(backupIsDue(t.core)).toBe(true);
    value(await t.router.call('settings.update', { autoBackup: false }));
    expect(backupIsDue(t.core)).toBe(false);
  });
});

describe('the data check', () => {
  it('passes on a healthy folder and finds every kind of file problem', async () => {
    expect(value(await t.router.call('check.run', {}))).toMatchObject({ ok: true, integrity: [], foreignKeys: [] });
    const hashes = t.core.db.transaction(() =>
      ['甲', '乙', '丙'].map((text) => storeFile(t.core, Buffer.from(`报告${text}`), `${text}.docx`)),
    )();
    // Stored files travel with backups and are checked on the way. (Into a folder chosen for once:
    // nothing refers to these three, and a backup into the backup folder lets such files go.)
    const elsewhere = join(t.dir, 'elsewhere');
    mkdirSync(elsewhere);
    const backup = value(await t.router.call('backup.create', { folder: t.grant(elsewhere, 'backupFolder') }));
    // These three beside the sample's five reports.
    expect(backup.counts.files).toBe(3 + 5);
    expect(existsSync(storedPath(backup.path, hashes[0] ?? ''))).toBe(true);

    const [gone, changed] = hashes;
    writeFileSync(storedPath(t.dir, changed ?? ''), '被改过的内容');
    const { rmSync } = await import('node:fs');
    rmSync(storedPath(t.dir, gone ?? ''));
    const orphan = 'f'.repeat(64);
    mkdirSync(join(t.dir, 'files', 'ff'), { recursive: true });
    writeFileSync(storedPath(t.dir, orphan), 'nobody points here');
    writeFileSync(join(t.dir, 'files', 'ff', '.cadre-00112233aabbccdd.tmp'), 'x');

    const report = value(await t.router.call('check.run', {}));
    expect(report.ok).toBe(false);
    expect(report.files).toMatchObject({
      checked: 3 + 5,
      missing: [gone],
      mismatched: [changed],
      orphans: [orphan],
      leftovers: [join('ff', '.cadre-00112233aabbccdd.tmp')],
    });
  });
});
