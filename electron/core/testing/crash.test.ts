import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../paths';
import { listBackups, verifyDatabase } from '../backup/backups';
import { openDatabase } from '../db/connection';
import { checkStoredFiles, sha256Of, storedPath } from '../files/store';
import { openCore } from '../open';
import { killMoments, runKillTrials, summarise } from './crash-harness';
import { value } from './expect-result';
import { standardRoster } from './roster-files';
import { makeTempDir } from './temp-core';

const temp = makeTempDir('cadre-crash-');
afterAll(() => temp.remove());

// A data folder to start each trial from: one class, nothing else.
const template = join(temp.dir, 'template');
let rosterFile = '';
beforeAll(async () => {
  const opened = openCore({ dataDir: template });
  value(
    await opened.router.call('classes.create', { name: '2019年市管干部培训班', startDate: '2019-06-03', endDate: '2019-06-14' }),
  );
  opened.close();
  rosterFile = standardRoster(temp.dir, 10_000, 'roster-10000.xlsx');
});

const freshFolder = (name: string) => {
  const dir = join(temp.dir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(template, databaseFileName), join(dir, databaseFileName));
  return dir;
};

const integrityOk = (dir: string) => {
  const db = openDatabase(join(dir, databaseFileName));
  try {
    expect(db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    return db
      .prepare('SELECT (SELECT count(*) FROM enrolments) AS enrolments, (SELECT count(*) FROM trainees) AS trainees')
      .get() as { enrolments: number; trainees: number };
  } finally {
    db.close();
  }
};

// Each trial starts a process: these take a minute together, so they have room to.
describe('crash safety (SIGKILL at random moments)', { timeout: 180_000 }, () => {
  it('an import of 10,000 rows lands whole or not at all', async () => {
    const trials = await runKillTrials({
      trials: 10,
      child: 'import.ts',
      args: (i) => [join(temp.dir, `import-${i}`), rosterFile, '1'],
      prepare: (i) => freshFolder(`import-${i}`),
      killAfterMs: (i) => killMoments(10, 3000)[i] ?? 0,
      verify: (i) => {
        const counts = integrityOk(join(temp.dir, `import-${i}`));
        expect([0, 10_000]).toContain(counts.enrolments);
        expect(counts.trainees).toBe(counts.enrolments);
        return counts.enrolments === 0 ? 'nothing' : 'all 10,000';
      },
    });
    console.log(summarise('import of 10,000 rows', trials));
    expect(trials.some((t) => !t.finished)).toBe(true);
  });

  it('a backup is either whole and verified, or not taken as a backup at all', async () => {
    // Something worth backing up: the 10,000 people of the import.
    const source = freshFolder('backup-source');
    const opened = openCore({ dataDir: source });
    value(
      await opened.router.call('roster.importCommit', {
        classId: 1,
        grant: opened.core.grants.issue(rosterFile, 'rosterImport'),
      }),
    );
    opened.close();
    const trials = await runKillTrials({
      trials: 8,
      child: 'backup.ts',
      args: (i) => [join(temp.dir, `backup-${i}`)],
      prepare: (i) => {
        const dir = join(temp.dir, `backup-${i}`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        copyFileSync(join(source, databaseFileName), join(dir, databaseFileName));
      },
      killAfterMs: (i) => killMoments(8, 300)[i] ?? 0,
      verify: (i) => {
        const dir = join(temp.dir, `backup-${i}`);
        expect(integrityOk(dir).enrolments).toBe(10_000);
        const backups = listBackups(join(dir, 'backups'));
        for (const backup of backups)
          expect(verifyDatabase(join(backup.path, databaseFileName), undefined).counts.enrolments).toBe(10_000);
        return backups.length === 0 ? 'no backup listed' : 'one verified backup';
      },
    });
    console.log(summarise('backup', trials));
  });

  it('a stored file is never half-written under its final name, and no row lacks its file', async () => {
    const trials = await runKillTrials({
      trials: 8,
      child: 'store-files.ts',
      // More files than can be written before the kill: every trial is cut off mid-way.
      args: (i) => [join(temp.dir, `files-${i}`), '100000'],
      prepare: (i) => freshFolder(`files-${i}`),
      killAfterMs: (i) => killMoments(8, 1500)[i] ?? 0,
      verify: async (i) => {
        const dir = join(temp.dir, `files-${i}`);
        integrityOk(dir);
        const db = openDatabase(join(dir, databaseFileName));
        const rows = db.prepare('SELECT sha256, size FROM stored_files').all() as { sha256: string; size: number }[];
        db.close();
        const report = await checkStoredFiles(dir, rows);
        expect(report.missing).toEqual([]);
        expect(report.mismatched).toEqual([]);
        // At most the one file whose row was about to be written; its bytes are whole all the same.
        expect(report.orphans.length).toBeLessThanOrEqual(1);
        for (const orphan of report.orphans) expect(sha256Of(readFileSync(storedPath(dir, orphan)))).toBe(orphan);
        return report.orphans.length > 0
          ? 'whole, one unreferenced'
          : report.leftovers.length > 0
            ? 'whole, one temporary left'
            : 'whole';
      },
    });
    console.log(summarise('file store', trials));
  });
});
