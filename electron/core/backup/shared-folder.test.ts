import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { defaultSettings } from '../../../shared/settings/schemas';
import { openCoreOrRecover } from '../open';
import { databaseFileName } from '../db/file-name';
import { noDialogs, noPrinting } from '../platform';
import { openTrusting } from '../testing/crafted-database';
import { value } from '../testing/expect-result';
import { makeTempDir, openTempCore, type TempCore } from '../testing/temp-core';
import { manifestName } from './listing';
import { retained } from './retention';

// Issue 19, intruder 12: two workstations (two data folders) whose backup folder is the same network
// folder or USB disk, as the README allows. Backups were recognised by their shape, not by the database
// they came from: each one's retention counted the other's backups as its own and deleted them by its
// rules (after 30 days of one backup a day each, A kept 5 and B 16 of the 60). Each database now has an
// id, named in each backup's manifest and held in the backup's own database.

let now = new Date('2024-03-01T09:00:00');
let a: TempCore;
let b: TempCore;
let share: { dir: string; remove: () => void };
beforeEach(async () => {
  now = new Date('2024-03-01T09:00:00');
  a = openTempCore({ now: () => now });
  b = openTempCore({ now: () => now });
  share = makeTempDir('cadre-share-');
  // Each workstation's first act, at its own moment: the first line of its log (see the legacy test).
  for (const [second, ws] of [a, b].entries()) {
    now = new Date(2024, 2, 1, 8, 0, second);
    value(await ws.router.call('backup.setFolder', { grant: ws.grant(share.dir, 'backupFolder') }));
  }
  value(
    await a.router.call('classes.create', {
      category: '主体班',
      name: '2024年A班',
      startDate: '2024-03-01',
      endDate: '2024-03-05',
    }),
  );
  value(
    await b.router.call('classes.create', {
      category: '主体班',
      name: '2024年B班',
      startDate: '2024-03-01',
      endDate: '2024-03-05',
    }),
  );
});
afterEach(() => {
  a.dispose();
  b.dispose();
  share.remove();
});

// The database's id as it stores it (read here as any tool would, not through the app's reader).
const databaseId = (core: TempCore['core']): string | undefined => {
  const stored = core.db.prepare<[], string>("SELECT value FROM settings WHERE key = 'databaseId'").pluck().get();
  return stored === undefined ? undefined : (JSON.parse(stored) as string);
};

const manifestOf = (name: string): BackupInfo => JSON.parse(readFileSync(join(share.dir, name, manifestName), 'utf8'));
const inShare = () => readdirSync(share.dir).sort();
const list = async (ws: TempCore) => value(await ws.router.call('backup.list', {})).items;
const defaultPolicy = {
  last: defaultSettings.backupKeep,
  daily: defaultSettings.backupKeepDaily,
  weekly: defaultSettings.backupKeepWeekly,
  monthly: defaultSettings.backupKeepMonthly,
};
// What the rules keep of one workstation's backups alone, by name.
const keptAlone = (made: readonly BackupInfo[]) =>
  [...retained(made, defaultPolicy).keys()].map((path) => made.find((m) => m.path === path)?.name).sort();

describe('two data folders backing up into one folder', () => {
  it('over 30 days each keeps its own full retention, and lists the other’s backups as another’s', async () => {
    const made: Record<'a' | 'b', BackupInfo[]> = { a: [], b: [] };
    for (let day = 0; day < 30; day += 1) {
      now = new Date(2024, 2, 1 + day, 9, 0, 0);
      made.a.push(value(await a.router.call('backup.create', { reason: 'daily' })));
      now = new Date(2024, 2, 1 + day, 17, 0, 0);
      made.b.push(value(await b.router.call('backup.create', { reason: 'daily' })));
    }
    const left = inShare();
    const by = (ws: BackupInfo[]) => left.filter((name) => ws.some((m) => m.name === name));
    console.log(`shared folder after 30 days: A keeps ${by(made.a).length} of 30, B ${by(made.b).length} of 30`);
    expect(by(made.a)).toEqual(keptAlone(made.a));
    expect(by(made.b)).toEqual(keptAlone(made.b));
    expect(by(made.a).length).toBeGreaterThan(14);
    // Each backup names its database, the same in its manifest and its own database.
    const idA = databaseId(a.core);
    const idB = databaseId(b.core);
    expect(idA).toMatch(/^[0-9a-f]{32}$/);
    expect(idB).toMatch(/^[0-9a-f]{32}$/);
    expect(idA).not.toBe(idB);
    expect(by(made.a).every((name) => manifestOf(name).databaseId === idA)).toBe(true);
    expect(by(made.b).every((name) => manifestOf(name).databaseId === idB)).toBe(true);

    // A's list: its own with the rules that keep them; B's marked, and kept by none of A's rules.
    const items = await list(a);
    const own = items.filter((item) => item.databaseId === idA);
    const others = items.filter((item) => item.databaseId === idB);
    expect(own.every((item) => item.otherDatabase === undefined && (item.keptBy ?? []).length > 0)).toBe(true);
    expect(others).toHaveLength(by(made.b).length);
    expect(others.every((item) => item.otherDatabase === true && item.keptBy?.length === 0)).toBe(true);
    // The same backup inspected from the other side.
    expect(value(await b.router.call('backup.inspect', { backup: own[0]?.name ?? '' })).otherDatabase).toBe(true);
    expect(value(await a.router.call('backup.inspect', { backup: own[0]?.name ?? '' })).otherDatabase).toBeUndefined();
  });

  it('does not take a backup for its own when only the manifest claims its id: the backup’s database must agree', async () => {
    value(await a.router.call('backup.create', {}));
    const theirs = value(await b.router.call('backup.create', {}));
    const idA = databaseId(a.core);
    // B's backup, copied under an old name with a manifest saying it is A's: were it counted as A's, A's
    // rules would delete it (older than any rule keeps) — and B's data with it.
    const name = 'cadre-backup-20200101-090000-000-manual';
    cpSync(theirs.path, join(share.dir, name), { recursive: true });
    const forged = { ...manifestOf(name), name, createdAt: new Date(2020, 0, 1, 9).toISOString(), databaseId: idA };
    writeFileSync(join(share.dir, name, manifestName), JSON.stringify(forged));
    // And one with no id in its manifest, its database naming B's: not a backup as the program makes them.
    const bare = 'cadre-backup-20200102-090000-000-manual';
    cpSync(theirs.path, join(share.dir, bare), { recursive: true });
    const { databaseId: _dropped, ...withoutId } = {
      ...manifestOf(bare),
      name: bare,
      createdAt: new Date(2020, 0, 2, 9).toISOString(),
    };
    writeFileSync(join(share.dir, bare, manifestName), JSON.stringify(withoutId));

    // A keeping only its newest backup: what it counts as its own, older, goes.
    value(
      await a.router.call('settings.update', { backupKeep: 1, backupKeepDaily: 0, backupKeepWeekly: 0, backupKeepMonthly: 0 }),
    );
    now = new Date(2024, 2, 2, 9, 0, 0);
    value(await a.router.call('backup.create', {}));
    expect(existsSync(join(share.dir, name, databaseFileName))).toBe(true);
    expect(existsSync(join(share.dir, bare, databaseFileName))).toBe(true);
    const items = await list(a);
    expect(items.filter((item) => item.databaseId === idA && item.otherDatabase === undefined)).toHaveLength(1);
    for (const shown of [name, bare]) expect(items.find((item) => item.name === shown)?.otherDatabase).toBe(true);
  });

  it('backups made before there were ids: each prunes its own (told by its log’s first line), never the other’s', async () => {
    // Made as an older version made them: no id in the manifest or in the database, and so many kept.
    for (const ws of [a, b]) value(await ws.router.call('settings.update', { backupKeep: 50 }));
    const legacy: Record<'a' | 'b', string[]> = { a: [], b: [] };
    for (let hour = 0; hour < 12; hour += 1) {
      now = new Date(2024, 2, 1, 8, hour, 0);
      legacy.a.push(value(await a.router.call('backup.create', {})).name);
      now = new Date(2024, 2, 1, 8, hour, 30);
      legacy.b.push(value(await b.router.call('backup.create', {})).name);
    }
    const forget = (file: string) => {
      const db = openTrusting(file);
      try {
        db.prepare("DELETE FROM settings WHERE key = 'databaseId'").run();
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    };
    for (const name of inShare()) {
      const { databaseId: _id, ...old } = manifestOf(name);
      writeFileSync(join(share.dir, name, manifestName), JSON.stringify(old));
      forget(join(share.dir, name, databaseFileName));
    }
    for (const ws of [a, b]) {
      ws.close();
      forget(join(ws.dir, databaseFileName));
      ws.core.reopen();
    }
    expect(databaseId(a.core)).toBeUndefined();

    // A, upgraded, keeps the newest 3 (and the day's newest): its own older ones go, B's all stay.
    value(await a.router.call('settings.update', { backupKeep: 3 }));
    now = new Date(2024, 2, 1, 12, 0, 0);
    const fresh = value(await a.router.call('backup.create', {}));
    const left = inShare();
    expect(left.filter((name) => legacy.a.includes(name))).toEqual(legacy.a.slice(-2));
    expect(left.filter((name) => legacy.b.includes(name))).toEqual(legacy.b);
    expect(left).toContain(fresh.name);
    const items = await list(a);
    expect(
      items
        .filter((item) => item.otherDatabase === true)
        .map((item) => item.name)
        .sort(),
    ).toEqual(legacy.b);
  });
});

describe('restoring a backup', () => {
  it('of another data folder says so, and this data folder stays the same database to its backups', async () => {
    const mine = value(await a.router.call('backup.create', {}));
    const idA = databaseId(a.core);
    const theirs = value(await b.router.call('backup.create', {}));
    expect(value(await a.router.call('backup.inspect', { backup: theirs.name })).otherDatabase).toBe(true);
    now = new Date(2024, 2, 1, 10, 0, 0);
    value(await a.router.call('backup.restore', { backup: theirs.name }));
    expect(value(await a.router.call('classes.list', {})).items.map((c) => c.name)).toEqual(['2024年B班']);
    expect(databaseId(a.core)).toBe(idA);
    // A's own backups are still its own (kept and counted), B's still B's.
    const items = await list(a);
    expect(items.find((item) => item.name === mine.name)?.otherDatabase).toBeUndefined();
    expect(items.find((item) => item.name === theirs.name)?.otherDatabase).toBe(true);
    // And its own backup restored: the same id, as it always was.
    now = new Date(2024, 2, 1, 11, 0, 0);
    value(await a.router.call('backup.restore', { backup: mine.name }));
    expect(databaseId(a.core)).toBe(idA);
    expect(value(await a.router.call('classes.list', {})).items.map((c) => c.name)).toEqual(['2024年A班']);
  });
});

describe('the start-up recovery, in a shared backup folder', () => {
  it.each([
    ['partly damaged (its id still read from it)', (bytes: Buffer) => bytes.fill(0xa5, 4096 * 3, 4096 * 5)],
    ['unreadable (its id remembered beside it)', (bytes: Buffer) => bytes.fill(0xa5)],
  ])('offers this data folder’s newest backup, not the other workstation’s newer one: database %s', async (_, damage) => {
    now = new Date(2024, 2, 1, 9, 0, 0);
    const mine = value(await a.router.call('backup.create', {}));
    now = new Date(2024, 2, 1, 17, 0, 0);
    const theirs = value(await b.router.call('backup.create', {}));
    a.close();
    const file = join(a.dir, databaseFileName);
    writeFileSync(file, damage(readFileSync(file)));
    const offered: (string | undefined)[] = [];
    const reopened = await openCoreOrRecover({
      dataDir: a.dir,
      now: () => now,
      platform: {
        ...noDialogs,
        ...noPrinting,
        confirmRecovery: async ({ latest }) => {
          offered.push(latest?.name);
          return 'restore';
        },
      },
    });
    try {
      expect(offered).toEqual([mine.name]);
      expect(offered).not.toContain(theirs.name);
      expect(value(await reopened.router.call('classes.list', {})).items.map((c) => c.name)).toEqual(['2024年A班']);
    } finally {
      reopened.close();
    }
  });
});
