import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { type BackupInfo, type BackupReason, backupInfoSchema } from '../../../shared/backup/schemas';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { writeFileAtomic } from '../files/atomic';
import { filesDir, sha256Of, storedPath } from '../files/store';
import type { Job } from '../jobs/job';
import { databaseFileName } from '../paths';
import { statement } from '../db/statements';

// A backup is a folder: the database (copied by SQLite's online backup API, never as a file), the
// stored files, and a manifest written last. It is made under a ".partial-" name and renamed only
// once verified, so a folder with a manifest is always a whole, checked backup.

export const manifestName = 'manifest.json';
const partialPrefix = '.partial-';

type Counts = BackupInfo['counts'];

const pad = (n: number) => String(n).padStart(2, '0');
const stampOf = (date: Date) =>
  `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;

export const backupName = (date: Date, reason: BackupReason) => `cadre-backup-${stampOf(date)}-${reason}`;

// A backup from an older version may lack a table that came later: it holds none of those.
const tableExists = (db: Database.Database, table: string) =>
  statement(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;

const count = (db: Database.Database, table: string, sql: string): number =>
  tableExists(db, table) ? Number(statement(db, sql).pluck().get()) : 0;

export const countsOf = (db: Database.Database): Counts => ({
  classes: count(db, 'classes', 'SELECT count(*) FROM classes'),
  trainees: count(db, 'trainees', 'SELECT count(*) FROM trainees'),
  enrolments: count(db, 'enrolments', 'SELECT count(*) FROM enrolments'),
  files: count(db, 'stored_files', 'SELECT count(*) FROM stored_files'),
});

const damaged = (path: string, detail: string) =>
  new AppError('INVALID_INPUT', message('backup.damaged', { path, detail }), {
    issues: [{ field: 'backup', code: 'invalid_format', message: message('backup.damaged', { path, detail }) }],
  });

// Opens a backup's database read-only and runs SQLite's full integrity check.
export const verifyDatabase = (file: string, nativeBinding: string | undefined): { counts: Counts; schemaVersion: number } => {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (error) {
    throw damaged(file, error instanceof Error ? error.message : String(error));
  }
  try {
    const result = statement(db, 'PRAGMA integrity_check').pluck().all();
    if (result.length !== 1 || result[0] !== 'ok') throw damaged(file, result.slice(0, 3).join('; '));
    return { counts: countsOf(db), schemaVersion: Number(db.pragma('user_version', { simple: true })) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(file, error instanceof Error ? error.message : String(error));
  } finally {
    db.close();
  }
};

const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) => sum + (entry.isDirectory() ? folderBytes(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );

// A backup folder, its manifest, or the database inside it: all name the same backup.
export const backupFolderOf = (path: string): string => {
  if (existsSync(path) && statSync(path).isDirectory()) return path;
  if (basename(path) === manifestName || basename(path) === databaseFileName) return dirname(path);
  return path;
};

export const readBackup = (path: string): BackupInfo => {
  const folder = backupFolderOf(path);
  const manifest = join(folder, manifestName);
  if (!existsSync(manifest)) throw damaged(folder, message('backup.noManifest'));
  const parsed = backupInfoSchema.omit({ path: true, bytes: true }).safeParse(JSON.parse(readFileSync(manifest, 'utf8')));
  if (!parsed.success) throw damaged(folder, message('backup.noManifest'));
  return { ...parsed.data, path: folder, bytes: folderBytes(folder) };
};

// The complete backups in a folder, newest first. Half-made ones (".partial-…") are never listed.
export const listBackups = (dir: string): BackupInfo[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && !entry.name.startsWith(partialPrefix) && existsSync(join(dir, entry.name, manifestName)),
    )
    .flatMap((entry) => {
      try {
        return [readBackup(join(dir, entry.name))];
      } catch {
        return [];
      }
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
};

// Removes half-made backups left by a crash. One still being made by another process is younger
// than a few minutes and is left alone.
export const removeStalePartials = (dir: string, now: Date) => {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(partialPrefix)) continue;
    const path = join(dir, entry.name);
    if (now.getTime() - statSync(path).mtimeMs > 10 * 60 * 1000) rmSync(path, { recursive: true, force: true });
  }
};

export type MakeBackup = {
  db: Database.Database;
  dataDir: string;
  dir: string;
  reason: BackupReason;
  now: Date;
  appVersion: string;
  nativeBinding: string | undefined;
  job: Job;
};

export const makeBackup = async (options: MakeBackup): Promise<BackupInfo> => {
  const name = backupName(options.now, options.reason);
  mkdirSync(options.dir, { recursive: true });
  removeStalePartials(options.dir, options.now);
  const partial = join(options.dir, `${partialPrefix}${name}-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const database = join(partial, databaseFileName);
    await options.db.backup(database, {
      progress: ({ totalPages, remainingPages }) => {
        // Throwing here stops SQLite's copy; the half-made folder is removed below.
        options.job.checkpoint();
        options.job.progress('backup', totalPages - remainingPages, totalPages);
        return 200;
      },
    });
    // A backup is one self-contained file: back from WAL to a rollback journal, no -wal beside it.
    const copy = new Database(database, { fileMustExist: true, nativeBinding: options.nativeBinding });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const verified = verifyDatabase(database, options.nativeBinding);
    // The stored files the database refers to, checked against their names on the way.
    const hashes = statement<[], string>(options.db, 'SELECT sha256 FROM stored_files').pluck().all();
    for (const [index, sha256] of hashes.entries()) {
      if (index % 20 === 0) {
        options.job.progress('files', index, hashes.length);
        await options.job.pause();
      }
      const source = storedPath(options.dataDir, sha256);
      const bytes = readFileSync(source);
      if (sha256Of(bytes) !== sha256) throw damaged(source, message('backup.fileChanged'));
      const target = storedPath(partial, sha256);
      mkdirSync(dirname(target), { recursive: true });
      writeFileAtomic(target, bytes);
    }
    const info: Omit<BackupInfo, 'path' | 'bytes'> = {
      name,
      createdAt: options.now.toISOString(),
      reason: options.reason,
      appVersion: options.appVersion,
      schemaVersion: verified.schemaVersion,
      counts: verified.counts,
    };
    writeFileAtomic(join(partial, manifestName), Buffer.from(JSON.stringify(info, null, 2)));
    options.job.checkpoint();
    const final = join(options.dir, name);
    rmSync(final, { recursive: true, force: true });
    renameSync(partial, final);
    return readBackup(final);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
};

// Keeps the newest `keep` backups (never fewer than the one just made).
export const pruneBackups = (dir: string, keep: number): string[] => {
  const removed = listBackups(dir).slice(Math.max(1, keep));
  for (const backup of removed) rmSync(backup.path, { recursive: true, force: true });
  return removed.map((backup) => backup.path);
};

// Puts a verified backup in place of the data folder's database and fills in its stored files.
// The database must be closed. The new file is written aside, synced, then renamed over the old one.
export const restoreFiles = (dataDir: string, backupPath: string, nativeBinding: string | undefined): BackupInfo => {
  const info = readBackup(backupPath);
  verifyDatabase(join(info.path, databaseFileName), nativeBinding);
  const target = join(dataDir, databaseFileName);
  // The database was closed cleanly, so its WAL is already folded in; stale WAL/SHM files of a
  // damaged database must not be applied to the restored one.
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  writeFileAtomic(target, readFileSync(join(info.path, databaseFileName)));
  const source = filesDir(info.path);
  if (existsSync(source)) {
    for (const bucket of readdirSync(source)) {
      for (const file of readdirSync(join(source, bucket))) {
        const destination = storedPath(dataDir, file);
        if (existsSync(destination)) continue;
        mkdirSync(dirname(destination), { recursive: true });
        writeFileAtomic(destination, readFileSync(join(source, bucket, file)));
      }
    }
  }
  return info;
};

// A database that fails its check is moved aside (never deleted) so that nothing more is lost.
export const setAsideDamaged = (dataDir: string, now: Date): string => {
  const aside = join(dataDir, `damaged-${stampOf(now)}`);
  mkdirSync(aside, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    const file = join(dataDir, `${databaseFileName}${suffix}`);
    if (existsSync(file)) renameSync(file, join(aside, `${databaseFileName}${suffix}`));
  }
  return aside;
};
