import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../db/connection';
import { expectedSchema, readSchema } from '../db/schema-check';
import { migrations } from '../db/migrations';
import { databaseFileName } from '../db/file-name';
import { tamper, type Tampering, tampering } from '../testing/crafted-database';
import { failure, value } from '../testing/expect-result';
import { makeTempDir, openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { restoreFiles } from './restore-steps';

// Issue 19, H3, through restore: a backup whose cadre.sqlite3 was changed after it was made is refused
// at inspection and at restore, before anything here is replaced or even backed up.

let t: TempCore;
beforeEach(async () => {
  t = openTempCore({ now: () => new Date('2026-11-25T08:00:00Z') });
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

const backupNames = async () => value(await t.router.call('backup.list', {})).items.map((b) => b.name);
const classCount = async () => value(await t.router.call('classes.list', {})).items.length;

const expectNothingChanged = async (before: { data: string; backups: string[] }) => {
  expect(snapshot(t.core.db)).toBe(before.data);
  // No safety copy was made (or none left), no staged database beside the live one.
  expect(await backupNames()).toEqual(before.backups);
  expect(readdirSync(t.dir).filter((name) => name.includes('staging'))).toEqual([]);
  expect(await classCount()).toBe(3);
};

const refusals: readonly { tampering: Tampering; difference: object }[] = [
  { tampering: 'idIntoPosition', difference: { change: 'extra', type: 'trigger', name: 'trainees_normalise' } },
  { tampering: 'auditErased', difference: { change: 'extra', type: 'trigger', name: 'audit_log_compact' } },
  { tampering: 'extraTable', difference: { change: 'extra', type: 'table', name: 'notes_cache' } },
  { tampering: 'extraIndex', difference: { change: 'extra', type: 'index', name: 'trainees_by_unit' } },
  { tampering: 'extraView', difference: { change: 'extra', type: 'view', name: 'trainee_units' } },
  { tampering: 'missingIndex', difference: { change: 'missing', type: 'index', name: 'trainees_by_name' } },
];

describe('a backup whose database is not as this program made it', () => {
  it.each(refusals)('is refused at inspection and at restore ($tampering), the data here exactly as before', async (row) => {
    const info = value(await t.router.call('backup.create', {}));
    tamper(join(info.path, databaseFileName), tampering[row.tampering]);
    const before = { data: snapshot(t.core.db), backups: await backupNames() };
    for (const error of [
      failure(await t.router.call('backup.inspect', { backup: info.name }), 'DATABASE_FOREIGN'),
      failure(await t.router.call('backup.restore', { backup: info.name }), 'DATABASE_FOREIGN'),
    ]) {
      expect(error.message).toMatch(/^这个数据库不是本程序创建的，或已被改动（.*(多出|缺少|被改动).*）$/);
      expect(error.details?.['differences']).toEqual(expect.arrayContaining([row.difference]));
    }
    await expectNothingChanged(before);
  });

  it('is refused when chosen from another folder, and by the restore the start-up recovery and the CLI use', async () => {
    const info = value(await t.router.call('backup.create', {}));
    const elsewhere = makeTempDir();
    try {
      const copy = join(elsewhere.dir, info.name);
      cpSync(info.path, copy, { recursive: true });
      tamper(join(copy, databaseFileName), tampering.idIntoPosition);
      const before = { data: snapshot(t.core.db), backups: await backupNames() };
      const grant = t.grant(copy, 'restoreFrom');
      failure(await t.router.call('backup.inspect', { grant }), 'DATABASE_FOREIGN');
      failure(await t.router.call('backup.restore', { grant }), 'DATABASE_FOREIGN');
      expect(() => restoreFiles(t.dir, copy, undefined)).toThrow('这个数据库不是本程序创建的，或已被改动');
      await expectNothingChanged(before);
    } finally {
      elsewhere.remove();
    }
  });
});

describe('a backup this program made', () => {
  it('round-trips the sample data: backed up, restored, its schema exactly the migrations’', async () => {
    const info = value(await t.router.call('backup.create', {}));
    expect(value(await t.router.call('backup.inspect', { backup: info.name })).counts).toEqual(info.counts);
    const young = value(await t.router.call('classes.list', { search: '年轻' })).items[0];
    value(await t.router.call('classes.remove', { id: young?.id ?? 0 }));
    expect(await classCount()).toBe(2);
    value(await t.router.call('backup.restore', { backup: info.name }));
    expect(await classCount()).toBe(3);
    expect(readSchema(t.core.db)).toEqual(expectedSchema(migrations, latestVersion, undefined));
    // And the restored folder opens again as at any start.
    t.core.reopen();
    expect(await classCount()).toBe(3);
    expect(existsSync(join(info.path, databaseFileName))).toBe(true);
  });
});
