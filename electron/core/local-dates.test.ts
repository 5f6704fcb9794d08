import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from './testing/temp-core';

// Architecture rule 10: every date the core derives from "now" is the workstation's calendar date. Between
// 00:00 and 08:00 in Beijing the date in Greenwich is still yesterday, so a date read off an ISO instant
// (toISOString().slice(0, 10)) is a day early: a report handed in at 01:30 on 12-05 would read 12-04 and
// count as in time for a 12-04 deadline. The core runs in a process of its own so that TZ is set before
// anything reads a Date (setting process.env.TZ inside a running test is too late for some of them).

const root = resolve(import.meta.dirname, '../..');
let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => temp?.remove());

type Seen = {
  offsetMinutes: number;
  dueYesterday: { handedIn: string; missing: string };
  dueToday: { handedIn: string; missing: string };
  boardSubmittedAt: string;
  listedSubmission: string;
  compilationText: string;
  summaryText: string;
  backupName: string;
  auditTonight: { on5th: number; on4th: number };
  auditTimes: string[];
};

describe('dates at 01:30 in Beijing', () => {
  it('are the local date everywhere: submission, documents, overdue, backups, the audit log', () => {
    temp = makeTempDir();
    // 2026-12-05 01:30 in Beijing.
    const at = '2026-12-04T17:30:00.000Z';
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'testing', 'local-dates', 'at-night.ts'), temp.dir, at],
      { cwd: root, env: { ...process.env, TZ: 'Asia/Shanghai' }, encoding: 'utf8', timeout: 150_000 },
    );
    expect(child.status, child.stderr).toBe(0);
    const seen = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as Seen;
    // The child really was in Beijing (UTC+8), or nothing below would mean anything.
    expect(seen.offsetMinutes).toBe(-480);

    // Handed in on 12-05: late for a 12-04 deadline, in time for a 12-05 one.
    expect(seen.dueYesterday).toEqual({ handedIn: 'late', missing: 'overdue' });
    expect(seen.dueToday.handedIn).toBe('submitted');
    expect(seen.dueToday.missing).not.toBe('overdue');
    // The instant stays an instant; the date shown of it is the local one.
    expect(seen.boardSubmittedAt).toBe(at);
    expect(seen.listedSubmission).toBe('2026-12-05');
    // The documents made tonight are dated today.
    expect(seen.summaryText).toContain('2026年12月5日');
    expect(seen.summaryText).not.toContain('2026年12月4日');
    expect(seen.compilationText).toContain('2026年12月5日');
    // Backups are named by the local moment.
    expect(seen.backupName).toMatch(/^cadre-backup-20261205-013000-/);
    // The audit log files tonight under 12-05, and its export shows the local time.
    expect(seen.auditTonight.on5th).toBeGreaterThan(0);
    expect(seen.auditTonight.on4th).toBe(0);
    expect(seen.auditTimes).toEqual(['2026-12-05 01:30:00']);
  }, 180_000);
});

// The guard: a calendar date cut from an ISO instant is Greenwich's date. Only shared/dates.ts, whose
// arithmetic is on UTC midnights on purpose, may do it.
const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

describe('no date cut from an ISO instant', () => {
  it('leaves .slice(0, 10) of a timestamp to shared/dates.ts', () => {
    // Any string's first ten characters: in these sources that has only ever been a date cut from an instant
    // (a submission's, a backup's); a date that is already a date needs no cutting.
    const cut = /\.\s*(?:slice|substring|substr)\(\s*0\s*,\s*10\s*\)/;
    const offenders = ['electron', 'shared', 'renderer/src']
      .flatMap((dir) => sourcesUnder(join(root, dir)))
      .filter((file) => relative(root, file) !== join('shared', 'dates.ts'))
      .filter((file) => cut.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
