import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings/schemas';
import { backupIsDue } from '../backup/service';
import { openTrusting } from '../testing/crafted-database';
import { value } from '../testing/expect-result';
import { makeTempDir, openTempCore, type TempCore } from '../testing/temp-core';
import { openCore } from '../open';
import { databaseFileName } from '../db/file-name';
import { noDialogs, noPrinting } from '../platform';
import { getSettings } from './service';

// Issue 19, intruder 03: settings are read from a file that may come from outside (a chosen data
// folder, a restored backup). A prepared folder's database — this program's schema, passing every
// check — set the backup folder to the person's own and the four keep rules to 0: its first backup
// deleted every backup the person had. Stored settings are now held to the bounds the settings page
// holds a typed value to; out of bounds means the default.

let t: TempCore;
let sandbox: { dir: string; remove: () => void };
let clock = new Date('2024-03-01T09:00:00');
beforeEach(async () => {
  clock = new Date('2024-03-01T09:00:00');
  t = openTempCore({ now: () => clock, platform: { ...noDialogs, ...noPrinting, useDataFolder: async () => undefined } });
  sandbox = makeTempDir('cadre-settings-');
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => {
  t.dispose();
  sandbox.remove();
});

// Rows as any SQLite tool writes them, beside the app (the audit triggers need the app's functions,
// as they would in a tool that copied the file into a database of its own).
const writeRows = (file: string, rows: Record<string, string>) => {
  const db = openTrusting(file);
  try {
    const upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, text] of Object.entries(rows)) upsert.run(key, text);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
};

const crafted = (backupDir: string) => ({
  backupDir: JSON.stringify(backupDir),
  backupKeep: '0',
  backupKeepDaily: '0',
  backupKeepWeekly: '0',
  backupKeepMonthly: '0',
});

describe('settings read from the database', () => {
  it('are held to the bounds of the settings page, each out-of-bounds value read as its default', () => {
    const set = t.core.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    const rows: Record<string, unknown> = {
      schoolName: 'x'.repeat(61),
      locale: 'fr-FR',
      backupDir: 'relative/备份',
      backupKeep: 0,
      backupKeepDaily: -3,
      backupKeepWeekly: 100_000,
      backupKeepMonthly: 1.5,
      autoBackup: 'yes',
      lastBackupAt: 'yesterday',
      lodgingTogether: 1,
    };
    t.core.db.transaction(() => {
      for (const [key, stored] of Object.entries(rows)) set.run(key, JSON.stringify(stored));
    })();
    expect(getSettings(t.core)).toEqual({ ...defaultSettings, firstRunDone: true });
    // Inside the bounds, as the page would have stored them: kept as they are.
    const fine: Record<string, unknown> = {
      schoolName: '市委党校',
      backupDir: join(sandbox.dir, '备份'),
      backupKeep: 1,
      backupKeepDaily: 0,
      backupKeepWeekly: 260,
      backupKeepMonthly: 240,
      lastBackupAt: '2024-03-01T01:00:00.000Z',
      lodgingTogether: true,
    };
    t.core.db.transaction(() => {
      for (const [key, stored] of Object.entries(fine)) set.run(key, JSON.stringify(stored));
    })();
    expect(getSettings(t.core)).toMatchObject(fine);
  });

  it('never let rules of 0 written into this database delete its backups', async () => {
    for (let day = 0; day < 5; day += 1) {
      clock = new Date(2024, 2, 2 + day, 9, 0, 0);
      value(await t.router.call('backup.create', {}));
    }
    t.close();
    writeRows(join(t.dir, databaseFileName), crafted(''));
    const reopened = openCore({ dataDir: t.dir, now: () => clock });
    try {
      clock = new Date(2024, 2, 8, 9, 0, 0);
      value(await reopened.router.call('backup.create', { reason: 'daily' }));
      expect(readdirSync(join(t.dir, 'backups'))).toHaveLength(6);
    } finally {
      reopened.close();
    }
  });

  it('a prepared data folder naming the person’s backup folder and rules of 0 deletes none of their backups', async () => {
    const personsBackups = join(sandbox.dir, 'D', '党校备份');
    mkdirSync(personsBackups, { recursive: true });
    value(await t.router.call('backup.setFolder', { grant: t.grant(personsBackups, 'backupFolder') }));
    for (let day = 0; day < 5; day += 1) {
      clock = new Date(2024, 2, 2 + day, 9, 0, 0);
      value(await t.router.call('backup.create', {}));
    }
    const before = readdirSync(personsBackups).sort();
    expect(before).toHaveLength(5);

    // Made by this very program, then two kinds of settings row changed: data only, schema untouched.
    const prepared = join(sandbox.dir, 'USB', '2023年培训数据');
    openCore({ dataDir: prepared }).close();
    writeRows(join(prepared, databaseFileName), crafted(personsBackups));
    value(await t.router.call('app.useDataFolder', { folder: t.grant(prepared, 'dataFolder') }));

    const next = openCore({ dataDir: prepared, now: () => clock });
    try {
      expect(backupIsDue(next.core)).toBe(true);
      value(await next.router.call('backup.create', { reason: 'daily' }));
    } finally {
      next.close();
    }
    const after = readdirSync(personsBackups).sort();
    expect(after).toHaveLength(6);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('a last backup in the future (a crafted row, a clock set back) makes a backup due, not never', () => {
    t.core.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run('lastBackupAt', JSON.stringify('2999-12-31T00:00:00.000Z'));
    expect(getSettings(t.core).lastBackupAt).toBe('2999-12-31T00:00:00.000Z');
    expect(backupIsDue(t.core)).toBe(true);
  });
});
