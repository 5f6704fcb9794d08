import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../backup/listing';
import { verifyDatabase } from '../backup/verify';
import { openDatabase } from '../db/connection';
import { checkStoredFiles, sha256Of, storedPath } from '../files/store';
import { openCore } from '../open';
import { databaseFileName } from '../db/file-name';
import { runCrashDrill } from './crash-harness';
import { value } from './expect-result';
import { reportText } from './report-files';
import { standardRoster } from './roster-files';
import { makeTempDir } from './temp-core';

const temp = makeTempDir('cadre-crash-');
afterAll(() => temp.remove());

// Data folders to start trials from: one class and nothing else; the same with its 10,000 people.
const empty = join(temp.dir, 'template-empty');
const full = join(temp.dir, 'template-full');
let rosterFile = '';
beforeAll(async () => {
  rosterFile = standardRoster(temp.dir, 10_000, 'roster-10000.xlsx');
  const opened = openCore({ dataDir: empty });
  value(
    await opened.router.call('classes.create', {
      category: '主体班',
      name: '2019年市管干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-14',
    }),
  );
  opened.close();
  cpSync(empty, full, { recursive: true });
  const filled = openCore({ dataDir: full });
  value(
    await filled.router.call('roster.importCommit', { classId: 1, grant: filled.core.grants.issue(rosterFile, 'rosterImport') }),
  );
  filled.close();
}, 60_000);

const trialFolder = (name: string, from = empty) => {
  const dir = join(temp.dir, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
  return dir;
};

type Counts = { enrolments: number; trainees: number; classes: number; restores: number };

// The database opens as the app opens it (migrations, quick_check), passes integrity_check, and says
// what it holds.
const contents = (dir: string): Counts => {
  const db = openDatabase(join(dir, databaseFileName));
  try {
    expect(db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    return db
      .prepare(
        `SELECT (SELECT count(*) FROM enrolments) AS enrolments, (SELECT count(*) FROM trainees) AS trainees,
                (SELECT count(*) FROM classes) AS classes,
                (SELECT count(*) FROM audit_log WHERE action = 'restore') AS restores`,
      )
      .get() as Counts;
  } finally {
    db.close();
  }
};

// Each trial starts a process (a second or two each); the drills add trials until both endings have
// occurred twice.
describe('crash drills: SIGKILL at random moments inside the write and after it', { timeout: 240_000 }, () => {
  it('an import of 10,000 rows lands whole or not at all', async () => {
    const report = await runCrashDrill({
      label: 'import of 10,000 rows',
      child: 'import.ts',
      args: (trial) => [join(temp.dir, `import-${trial}`), rosterFile, '1'],
      prepare: (trial) => trialFolder(`import-${trial}`),
      verify: (trial) => {
        const counts = contents(join(temp.dir, `import-${trial}`));
        expect(counts.trainees).toBe(counts.enrolments);
        if (counts.enrolments === 0) return 'nothing';
        expect(counts.enrolments).toBe(10_000);
        return 'whole';
      },
      outcomes: ['nothing', 'whole'],
      maxTrials: 24,
    });
    console.log(report.summary);
  });

  it('a backup is whole and verified, or not listed as a backup at all', async () => {
    const report = await runCrashDrill({
      label: 'backup',
      child: 'backup.ts',
      args: (trial) => [join(temp.dir, `backup-${trial}`)],
      prepare: (trial) => trialFolder(`backup-${trial}`, full),
      verify: (trial) => {
        const dir = join(temp.dir, `backup-${trial}`);
        expect(contents(dir).enrolments).toBe(10_000);
        const backups = listBackups(join(dir, 'backups'));
        if (backups.length === 0) return 'nothing';
        expect(backups).toHaveLength(1);
        for (const backup of backups) {
          const verified = verifyDatabase(join(backup.path, databaseFileName), undefined, { scratchIn: dir });
          expect(verified.counts.enrolments).toBe(10_000);
        }
        return 'whole';
      },
      outcomes: ['nothing', 'whole'],
      maxTrials: 24,
    });
    console.log(report.summary);
  });

  it('a stored file is whole under its name with its row, or has no row', async () => {
    const report = await runCrashDrill({
      label: 'file store (one 24 MB file and its row)',
      child: 'store-file.ts',
      args: (trial) => [join(temp.dir, `files-${trial}`)],
      prepare: (trial) => trialFolder(`files-${trial}`),
      verify: async (trial) => {
        const dir = join(temp.dir, `files-${trial}`);
        contents(dir);
        const db = openDatabase(join(dir, databaseFileName));
        const rows = db.prepare('SELECT sha256, size FROM stored_files').all() as { sha256: string; size: number }[];
        db.close();
        const report = await checkStoredFiles(dir, rows);
        expect(report.missing).toEqual([]);
        expect(report.mismatched).toEqual([]);
        // A file written whole whose row never committed is left unreferenced (the data check lists
        // it); never a part of one under its final name.
        for (const orphan of report.orphans) expect(sha256Of(readFileSync(storedPath(dir, orphan)))).toBe(orphan);
        return rows.length === 0 ? 'nothing' : 'whole';
      },
      outcomes: ['nothing', 'whole'],
      maxTrials: 24,
    });
    console.log(report.summary);
  });

  it('a restore leaves the data as it was, or the backup’s data whole', async () => {
    // The backup: the class and its 10,000 people. Then, after it, a second class: the data as it is.
    const source = join(temp.dir, 'restore-source');
    rmSync(source, { recursive: true, force: true });
    cpSync(full, source, { recursive: true });
    const opened = openCore({ dataDir: source });
    const backup = value(await opened.router.call('backup.create', {}));
    value(
      await opened.router.call('classes.create', {
        category: '主体班',
        name: '2019年科级干部培训班',
        startDate: '2019-07-01',
        endDate: '2019-07-12',
      }),
    );
    opened.close();
    const report = await runCrashDrill({
      label: 'restore',
      child: 'restore.ts',
      args: (trial) => [join(temp.dir, `restore-${trial}`), backup.name],
      prepare: (trial) => trialFolder(`restore-${trial}`, source),
      verify: (trial) => {
        const dir = join(temp.dir, `restore-${trial}`);
        const counts = contents(dir);
        expect(counts.enrolments).toBe(10_000);
        // The backup itself is never touched by a restore.
        expect(existsSync(join(dir, 'backups', backup.name, databaseFileName))).toBe(true);
        if (counts.classes === 2) {
          expect(counts.restores).toBe(0);
          return 'as it was';
        }
        expect(counts.classes).toBe(1);
        expect(counts.restores).toBe(1);
        return 'restored';
      },
      outcomes: ['as it was', 'restored'],
      maxTrials: 24,
    });
    console.log(report.summary);
  });

  it('an upload of reports stores every file with its version, text and index entry, or nothing', async () => {
    // Eight reports of about 300,000 characters (a long text is a long write: the index and the text).
    const folder = join(temp.dir, 'upload-source');
    mkdirSync(folder, { recursive: true });
    const paragraph = reportText('关于朝阳村发展生态农业的调研报告').join('\n');
    for (let i = 1; i <= 8; i += 1) writeFileSync(join(folder, `报告${i}.txt`), `第${i}份调研报告\n${paragraph.repeat(1500)}`);
    const report = await runCrashDrill({
      label: 'report upload (8 reports and their index)',
      child: 'upload-reports.ts',
      args: (trial) => [join(temp.dir, `upload-${trial}`), folder],
      prepare: (trial) => trialFolder(`upload-${trial}`, full),
      verify: async (trial) => {
        const dir = join(temp.dir, `upload-${trial}`);
        contents(dir);
        const db = openDatabase(join(dir, databaseFileName));
        const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
        const versions = count('SELECT count(*) AS n FROM report_versions');
        const texts = count('SELECT count(*) AS n FROM report_texts');
        const reports = count('SELECT count(*) AS n FROM reports');
        const indexed = count(`SELECT count(*) AS n FROM report_index WHERE report_index MATCH '"生态 态农 农业"'`);
        const rows = db.prepare('SELECT sha256, size FROM stored_files').all() as { sha256: string; size: number }[];
        const pointing = count(
          'SELECT count(*) AS n FROM report_versions v LEFT JOIN stored_files f ON f.sha256 = v.sha256 WHERE f.sha256 IS NULL',
        );
        db.close();
        // No row points to a missing or damaged file; a file whose rows never committed is whole.
        const files = await checkStoredFiles(dir, rows);
        expect(files.missing).toEqual([]);
        expect(files.mismatched).toEqual([]);
        expect(pointing).toBe(0);
        for (const orphan of files.orphans) expect(sha256Of(readFileSync(storedPath(dir, orphan)))).toBe(orphan);
        expect([versions, texts, reports, indexed, rows.length]).toEqual(versions === 0 ? [0, 0, 0, 0, 0] : [8, 8, 8, 8, 8]);
        return versions === 0 ? 'nothing' : 'whole';
      },
      outcomes: ['nothing', 'whole'],
      maxTrials: 24,
    });
    console.log(report.summary);
  });
});
