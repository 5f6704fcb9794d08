import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { defaultAuditContext } from '../db/connection';
import { storedPath, storeFile } from '../files/store';
import { openCoreOrRecover } from '../open';
import { databaseFileName } from '../db/file-name';
import { type Damaged, noDialogs, noPrinting, type RecoveryChoice } from '../platform';
import { openTrusting } from '../testing/crafted-database';
import { failure, value } from '../testing/expect-result';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { manifestName } from './listing';
import { stageDatabase } from './restore-steps';

// Issue 19, intruders 09 and 08b: SQLite leaves CHECK constraints out of what integrity_check tests on
// a read-only connection, which is how backups were verified. A backup whose rows break a CHECK
// (classes.status = 'lost') passed backup.inspect and was offered by the start-up recovery as the
// newest good backup; its restore failed only at staging, after the damaged database had been set
// aside, left .restore-staging.sqlite3 behind, and the next start opened an empty database.

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
const classCount = async (core: { router: TempCore['router'] }) => value(await core.router.call('classes.list', {})).items.length;
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.includes('staging'));

// A copy of a backup under a newer name, one class's status set to what its CHECK forbids, as any
// SQLite tool can (ignore_check_constraints), the manifest made to match.
const breakingCheck = (backup: BackupInfo, name: string): string => {
  const path = join(backup.path, '..', name);
  cpSync(backup.path, path, { recursive: true });
  const db = openTrusting(join(path, databaseFileName));
  try {
    db.pragma('ignore_check_constraints = ON');
    db.prepare("UPDATE classes SET status = 'lost' WHERE id = (SELECT min(id) FROM classes)").run();
  } finally {
    db.close();
  }
  const manifest = JSON.parse(readFileSync(join(path, manifestName), 'utf8')) as BackupInfo;
  writeFileSync(join(path, manifestName), JSON.stringify({ ...manifest, name, createdAt: '2999-12-31T15:59:59.999Z' }));
  return path;
};
const crafted = 'cadre-backup-29991231-235959-999-manual';

const damageLiveDatabase = () => {
  t.close();
  const file = join(t.dir, databaseFileName);
  const bytes = readFileSync(file);
  bytes.fill(0xa5, 4096 * 3, 4096 * 5);
  writeFileSync(file, bytes);
  return bytes;
};

type Asked = Pick<Damaged, 'failed'> & { latest: string | undefined; otherDatabase: boolean | undefined };

const recover = async (choose: (damaged: Damaged, asked: number) => RecoveryChoice) => {
  const asked: Asked[] = [];
  const opened = await openCoreOrRecover({
    dataDir: t.dir,
    now: () => clock,
    platform: {
      ...noDialogs,
      ...noPrinting,
      confirmRecovery: async (damaged) => {
        asked.push({ latest: damaged.latest?.name, otherDatabase: damaged.latest?.otherDatabase, failed: damaged.failed });
        return choose(damaged, asked.length);
      },
    },
  });
  return { opened, asked };
};

describe('a backup whose rows break a CHECK constraint', () => {
  it('is refused at inspection and at restore, nothing here replaced, backed up or left behind', async () => {
    const good = value(await t.router.call('backup.create', {}));
    breakingCheck(good, crafted);
    const before = { data: snapshot(t.core.db), backups: readdirSync(join(t.dir, 'backups')).sort() };
    for (const error of [
      failure(await t.router.call('backup.inspect', { backup: crafted }), 'INVALID_INPUT'),
      failure(await t.router.call('backup.restore', { backup: crafted }), 'INVALID_INPUT'),
    ])
      expect(error.message).toContain('CHECK constraint failed in classes');
    expect(snapshot(t.core.db)).toBe(before.data);
    expect(readdirSync(join(t.dir, 'backups')).sort()).toEqual(before.backups);
    expect(leftovers(t.dir)).toEqual([]);
    // The throw-away copy the check ran on is gone too.
    expect(existsSync(join(t.dir, 'tmp')) ? readdirSync(join(t.dir, 'tmp')) : []).toEqual([]);
    // The good one is still good.
    expect(value(await t.router.call('backup.inspect', { backup: good.name })).counts.classes).toBe(3);
  });

  it('refused when staged, leaves no staging file beside the live database', async () => {
    const good = value(await t.router.call('backup.create', {}));
    const path = breakingCheck(good, crafted);
    expect(() => stageDatabase(t.dir, path, { nativeBinding: undefined, audit: defaultAuditContext() })).toThrow();
    expect(leftovers(t.dir)).toEqual([]);
  });
});

describe('the start-up recovery', () => {
  it('offers the newest backup that passes the full check, not a newer one whose rows break a CHECK', async () => {
    const good = value(await t.router.call('backup.create', {}));
    breakingCheck(good, crafted);
    damageLiveDatabase();
    const { opened, asked } = await recover(() => 'restore');
    try {
      expect(asked).toEqual([{ latest: good.name, otherDatabase: undefined, failed: undefined }]);
      expect(await classCount(opened)).toBe(3);
      expect(leftovers(t.dir)).toEqual([]);
    } finally {
      opened.close();
    }
  });

  it('asks again, saying why, with the next good backup when the restore of the chosen one fails', async () => {
    const older = value(await t.router.call('backup.create', {}));
    later(60);
    const [hash] = t.core.db.transaction(() => [storeFile(t.core, Buffer.from('调研报告'), '报告.docx')])();
    const newer = value(await t.router.call('backup.create', {}));
    // Its database is whole; one of its stored files was changed after it was made.
    writeFileSync(storedPath(newer.path, hash ?? ''), '被改过的内容');
    damageLiveDatabase();
    rmSync(join(t.dir, 'files'), { recursive: true, force: true });

    const { opened, asked } = await recover(() => 'restore');
    try {
      expect(asked.map((a) => a.latest)).toEqual([newer.name, older.name]);
      expect(asked[0]?.failed).toBeUndefined();
      expect(asked[1]?.failed?.name).toBe(newer.name);
      expect(asked[1]?.failed?.reason).toContain('文件内容与记录不符');
      expect(await classCount(opened)).toBe(3);
      // Nothing of the failed restore stayed: no staging file, none of its stored files.
      expect(leftovers(t.dir)).toEqual([]);
      expect(existsSync(storedPath(t.dir, hash ?? ''))).toBe(false);
    } finally {
      opened.close();
    }
  });

  it('when every restore fails, asks once more with no backup to offer, and starts empty only when told to', async () => {
    const only = value(await t.router.call('backup.create', {}));
    const [hash] = t.core.db.transaction(() => [storeFile(t.core, Buffer.from('调研报告'), '报告.docx')])();
    later(1);
    const withFile = value(await t.router.call('backup.create', {}));
    writeFileSync(storedPath(withFile.path, hash ?? ''), '被改过的内容');
    rmSync(only.path, { recursive: true });
    damageLiveDatabase();
    const { opened, asked } = await recover((damaged) => (damaged.latest ? 'restore' : 'empty'));
    try {
      expect(asked.map((a) => a.latest)).toEqual([withFile.name, undefined]);
      expect(asked[1]?.failed?.name).toBe(withFile.name);
      expect(await classCount(opened)).toBe(0);
    } finally {
      opened.close();
    }
  });

  it('puts the damaged database back when the person quits, so that the next start asks again', async () => {
    value(await t.router.call('backup.create', {}));
    const damaged = damageLiveDatabase();
    await expect(recover(() => 'quit')).rejects.toMatchObject({ code: 'DATABASE_DAMAGED' });
    expect(readFileSync(join(t.dir, databaseFileName)).equals(damaged)).toBe(true);
    expect(readdirSync(t.dir).filter((name) => name.startsWith('damaged-'))).toEqual([]);
    const { opened, asked } = await recover(() => 'restore');
    try {
      expect(asked).toHaveLength(1);
      expect(await classCount(opened)).toBe(3);
    } finally {
      opened.close();
    }
  });
});
