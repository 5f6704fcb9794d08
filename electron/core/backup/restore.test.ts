import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeepRule } from '../../../shared/backup/schemas';
import { openCoreOrRecover } from '../open';
import { databaseFileName } from '../db/file-name';
import { noDialogs, noPrinting } from '../platform';
import { storedPath, storeFile } from '../files/store';
import { failure, value } from '../testing/expect-result';
import { makeTempDir, openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { retained } from './retention';

let t: TempCore;
let clock = new Date('2026-11-25T08:00:00Z');
const onExit: (() => void)[] = [];
beforeEach(async () => {
  clock = new Date('2026-11-25T08:00:00Z');
  t = openTempCore({ now: () => clock });
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => {
  t.dispose();
  for (const remove of onExit.splice(0)) remove();
});

const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};
// Every line of the commands the log lists for a table (a command opens to the lines it wrote).
const linesAbout = async (entity: string) => {
  const lines: string[] = [];
  for (const entry of value(await t.router.call('audit.list', { entity, limit: 500 })).items)
    for (let offset = 0; offset < entry.parts; offset += 500)
      for (const part of value(await t.router.call('audit.parts', { command: entry.command, limit: 500, offset })).items)
        if (part.entity === entity) lines.push(part.summary);
  return lines;
};

const classNames = async () =>
  value(await t.router.call('classes.list', {}))
    .items.map((c) => c.name)
    .sort();
const backups = async () => value(await t.router.call('backup.list', {})).items;

describe('restoring a backup', () => {
  it('keeps the backup it restores from, even the oldest of a full folder, and prunes only afterwards', async () => {
    const first = value(await t.router.call('backup.create', {}));
    value(
      await t.router.call('classes.remove', {
        id: value(await t.router.call('classes.list', { search: '青年' })).items[0]?.id ?? 0,
      }),
    );
    // The folder filled to what the rules keep (the newest 10, all from the same hour).
    for (let i = 0; i < 12; i += 1) {
      later(1);
      value(await t.router.call('backup.create', {}));
    }
    const before = await backups();
    expect(before.map((b) => b.name)).not.toContain(first.name);
    const oldest = before.at(-1);
    if (!oldest) throw new Error('no backups');
    expect(oldest.counts.classes).toBe(2);
    value(
      await t.router.call('classes.remove', {
        id: value(await t.router.call('classes.list', { search: '市管' })).items[0]?.id ?? 0,
      }),
    );

    later(1);
    const result = value(await t.router.call('backup.restore', { backup: oldest.name }));
    expect(result.restored.name).toBe(oldest.name);
    // The backup restored from and the safety copy are both still there; the data is the backup's.
    const after = (await backups()).map((b) => b.name);
    expect(after).toContain(oldest.name);
    expect(after).toContain(result.safety.name);
    expect(existsSync(join(oldest.path, databaseFileName))).toBe(true);
    expect(await classNames()).toEqual(['2019年市管干部培训班', '2019年年轻干部培训班']);
  });

  it('refuses, at inspection and before anything is replaced, a backup a newer version wrote', async () => {
    const info = value(await t.router.call('backup.create', {}));
    const db = new Database(join(info.path, databaseFileName));
    db.pragma('user_version = 99');
    db.close();
    const before = snapshot(t.core.db);
    for (const error of [
      failure(await t.router.call('backup.inspect', { backup: info.name }), 'INVALID_INPUT'),
      failure(await t.router.call('backup.restore', { backup: info.name }), 'INVALID_INPUT'),
    ])
      expect(error.message).toContain('备份由更新版本的程序写入（数据库版本 99');
    expect(snapshot(t.core.db)).toBe(before);
    // Still a working data folder.
    expect(await classNames()).toHaveLength(3);
  });

  it('carries over the history since the backup line by line: a clock set back loses nothing', async () => {
    const info = value(await t.router.call('backup.create', {}));
    // Someone sets the workstation's clock back a day, then deletes a class by mistake.
    clock = new Date('2026-11-24T08:00:00Z');
    const young = value(await t.router.call('classes.list', { search: '年轻' })).items[0];
    value(await t.router.call('classes.remove', { id: young?.id ?? 0 }));
    value(await t.router.call('backup.restore', { backup: info.name }));
    // The classes' lines (the sample's records make more than one page of the whole log).
    const summaries = await linesAbout('classes');
    expect(summaries).toContain('删除班次“2019年年轻干部培训班”');
    // The deletion is one entry of the log, read by the class it deleted.
    expect(value(await t.router.call('audit.list', { entity: 'classes', limit: 1 })).items[0]?.summary ?? '').toMatch(
      /^删除班次“2019年年轻干部培训班”/,
    );
    expect(value(await t.router.call('audit.list', { limit: 1 })).items[0]?.summary).toContain(info.name);
    // Each line once: the backup's own history is not repeated.
    expect(summaries.filter((line) => line === '新建班次“2019年年轻干部培训班”')).toHaveLength(1);
  });

  it('keeps the whole current history when the backup comes from another data folder', async () => {
    const here = value(await t.router.call('audit.list', { limit: 500 })).total;
    const otherFolder = openTempCore({ now: () => new Date('2026-01-05T08:00:00Z') });
    value(
      await otherFolder.router.call('classes.create', {
        category: '主体班',
        name: '2026年主体班',
        startDate: '2026-03-02',
        endDate: '2026-03-06',
      }),
    );
    const elsewhere = value(await otherFolder.router.call('backup.create', {}));
    const grant = t.grant(elsewhere.path, 'restoreFrom');
    value(await t.router.call('backup.restore', { grant }));
    otherFolder.dispose();
    expect(await classNames()).toEqual(['2026年主体班']);
    const log = value(await t.router.call('audit.list', { limit: 500 }));
    const classLines = await linesAbout('classes');
    // Its own lines, every line of this folder's history, and the restore.
    expect(classLines.filter((line) => line === '新建班次“2019年青年干部培训班”')).toHaveLength(1);
    expect(log.total).toBeGreaterThanOrEqual(here + 2);
  });

  it('checks every stored file of the backup against its hash before replacing anything', async () => {
    const hashes = t.core.db.transaction(() =>
      ['甲', '乙'].map((text) => storeFile(t.core, Buffer.from(`调研报告${text}`), `${text}.docx`)),
    )();
    const info = value(await t.router.call('backup.create', {}));
    writeFileSync(storedPath(info.path, hashes[1] ?? ''), '被改过的内容');
    t.core.db.transaction(() => storeFile(t.core, Buffer.from('之后的报告'), '之后.docx'))();
    const before = snapshot(t.core.db);
    const filesBefore = readdirSync(join(t.dir, 'files')).sort();
    const error = failure(await t.router.call('backup.restore', { backup: info.name }), 'INVALID_INPUT');
    expect(error.message).toContain('文件内容与记录不符');
    expect(snapshot(t.core.db)).toBe(before);
    expect(readdirSync(join(t.dir, 'files')).sort()).toEqual(filesBefore);
    // No safety copy left behind by a refused restore.
    expect((await backups()).map((b) => b.reason)).toEqual(['manual']);
  });
});

describe('keeping backups by age', () => {
  it('over a year of working days (a backup each morning and at each of two closings a day), keeps what undoes a late-found mistake', async () => {
    // What is kept depends on the backups' times alone: a data folder of its own, without the
    // sample (whose records make each of the 780 backups slower to copy and verify).
    t.dispose();
    t = openTempCore({ now: () => clock });
    value(await t.router.call('settings.update', { backupKeep: 5 }));
    const start = new Date('2025-11-25T00:00:00');
    let made = 0;
    for (let day = 0; day < 365; day += 1) {
      const date = new Date(start.getFullYear(), start.getMonth(), start.getDate() + day);
      // The office is shut at weekends: the daily rule counts days that have a backup, not calendar days.
      if (date.getDay() === 0 || date.getDay() === 6) continue;
      for (const hour of [8, 12, 18]) {
        clock = new Date(date.getFullYear(), date.getMonth(), date.getDate(), hour, day % 60, 0);
        value(await t.router.call('backup.create', { reason: hour === 8 ? 'daily' : 'close' }));
        made += 1;
      }
    }
    const kept = await backups();
    const ruleCount = (rule: KeepRule) => kept.filter((b) => b.keptBy?.includes(rule)).length;
    console.log(
      `a year of backups: ${made} made, ${kept.length} kept (last ${ruleCount('last')}, daily ${ruleCount('daily')}, weekly ${ruleCount('weekly')}, monthly ${ruleCount('monthly')})`,
    );
    expect(ruleCount('last')).toBe(5);
    expect(ruleCount('daily')).toBe(14);
    expect(ruleCount('weekly')).toBe(8);
    expect(ruleCount('monthly')).toBe(12);
    expect(kept.every((b) => (b.keptBy ?? []).length > 0)).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(5 + 14 + 8 + 12);
    // A mistake found a week later: the last backup of that day is still there; one found in the
    // spring: a backup from every month of the year.
    const dayOf = (iso: string) => new Date(iso).toDateString();
    const weekAgo = new Date(clock.getTime() - 7 * 86_400_000).toDateString();
    expect(kept.some((b) => dayOf(b.createdAt) === weekAgo)).toBe(true);
    const months = new Set(kept.map((b) => b.createdAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
  }, 120_000);

  it('keeps by rule in a pure function: the newest of each day, week and month, and whatever is protected', () => {
    const at = (iso: string) => ({ path: iso, createdAt: new Date(iso).toISOString() });
    const list = [
      at('2026-11-25T09:00'),
      at('2026-11-25T18:00'),
      at('2026-11-24T18:00'),
      at('2026-11-10T18:00'),
      at('2026-10-01T08:00'),
    ];
    const kept = retained(list, { last: 1, daily: 2, weekly: 1, monthly: 2 }, new Set(['2026-10-01T08:00']));
    expect(Object.fromEntries(kept)).toEqual({
      '2026-11-25T18:00': ['last', 'daily', 'weekly', 'monthly'],
      '2026-11-24T18:00': ['daily'],
      '2026-10-01T08:00': ['monthly', 'protected'],
    });
  });
});

describe('a damaged database at start', () => {
  it('is offered the newest backup from the folder chosen in the settings, which the database itself cannot say', async () => {
    // Outside the data folder: backup.setFolder refuses a folder inside it.
    const usb = makeTempDir('cadre-usb-');
    onExit.push(usb.remove);
    const elsewhere = join(usb.dir, 'U盘备份');
    mkdirSync(elsewhere);
    value(await t.router.call('backup.setFolder', { grant: t.grant(elsewhere, 'backupFolder') }));
    later(5);
    const backup = value(await t.router.call('backup.create', {}));
    expect(backup.path.startsWith(elsewhere)).toBe(true);
    value(
      await t.router.call('classes.remove', {
        id: value(await t.router.call('classes.list', { search: '青年' })).items[0]?.id ?? 0,
      }),
    );
    t.close();
    const file = join(t.dir, databaseFileName);
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096 * 3, 4096 * 5);
    writeFileSync(file, bytes);

    const offered: (string | undefined)[] = [];
    const reopened = await openCoreOrRecover({
      dataDir: t.dir,
      now: () => clock,
      platform: {
        ...noDialogs,
        ...noPrinting,
        confirmRecovery: async ({ latest }) => {
          offered.push(latest?.path);
          return 'restore';
        },
      },
    });
    try {
      expect(offered).toEqual([backup.path]);
      expect(value(await reopened.router.call('classes.list', {})).items).toHaveLength(3);
    } finally {
      reopened.close();
    }
  });
});
