import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { type BackupInfo, type BackupReason, backupInfoSchema, backupNamePattern } from '../../../shared/backup/schemas';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { baseFolder, folderInside, isInside, moveInside, realOrAsWritten, removeInside, writeInside } from '../files/contain';
import { filesDir, sha256Of, storedParts } from '../files/store';
import type { Job } from '../jobs/job';
import { databaseFileName } from '../paths';
import { type AuditContext, type Db, defaultAuditContext, latestVersion, openDatabase, openReadOnly } from '../db/connection';
import { checkSchema } from '../db/schema-check';
import { statement } from '../db/statements';
import { type RetentionPolicy, retained } from './retention';

// A backup is a folder: the database (copied by SQLite's online backup API, never as a file), the
// stored files, and a manifest written last. It is made under a ".partial-" name and renamed only
// once verified, so a folder with a manifest is always a whole, checked backup.

export const manifestName = 'manifest.json';
const partialPrefix = '.partial-';

type Counts = BackupInfo['counts'];

const pad = (n: number) => String(n).padStart(2, '0');
const stampOf = (date: Date) =>
  `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;

// Named by the moment to the millisecond; two backups in the same millisecond (a close right after a
// manual backup, a clock set back) get a counter rather than one replacing the other.
export const backupName = (dir: string, date: Date, reason: BackupReason) => {
  const base = `cadre-backup-${stampOf(date)}-${String(date.getMilliseconds()).padStart(3, '0')}`;
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${base}-${reason}` : `${base}-${n}-${reason}`;
    if (!existsSync(join(dir, name))) return name;
  }
};

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

const tooNew = (found: number) =>
  new AppError('INVALID_INPUT', message('backup.tooNew', { found, supported: latestVersion }), {
    issues: [{ field: 'backup', code: 'invalid_format', message: message('backup.tooNew', { found, supported: latestVersion }) }],
  });

// Opens a backup's database read-only, as a stranger (trusted_schema OFF, none of the app's functions:
// see db/connection.ts), and refuses it unless it was not written by a newer version, has exactly the
// schema the migrations make for its version, and passes SQLite's full integrity check. Only then is
// anything counted in it, and only then may it be restored.
export const verifyDatabase = (file: string, nativeBinding: string | undefined): { counts: Counts; schemaVersion: number } => {
  let db: Db;
  try {
    db = openReadOnly(file, nativeBinding);
  } catch (error) {
    throw damaged(file, error instanceof Error ? error.message : String(error));
  }
  try {
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    if (schemaVersion > latestVersion) throw tooNew(schemaVersion);
    // The schema before the integrity check, which would evaluate the file's CHECKs and indexes.
    checkSchema(db, file, schemaVersion, { nativeBinding });
    const result = statement(db, 'PRAGMA integrity_check').pluck().all();
    if (result.length !== 1 || result[0] !== 'ok') throw damaged(file, result.slice(0, 3).join('; '));
    return { counts: countsOf(db), schemaVersion };
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
    if (now.getTime() - statSync(join(dir, entry.name)).mtimeMs > 10 * 60 * 1000) removeInside(dir, [entry.name]);
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
  baseFolder(options.dir);
  const name = backupName(options.dir, options.now, options.reason);
  removeStalePartials(options.dir, options.now);
  const partialName = `${partialPrefix}${name}-${process.pid}`;
  removeInside(options.dir, [partialName]);
  const partial = folderInside(options.dir, [partialName]);
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
    copy.pragma('trusted_schema = OFF');
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
      const source = join(options.dataDir, ...storedParts(sha256));
      const bytes = readFileSync(source);
      if (sha256Of(bytes) !== sha256) throw damaged(source, message('backup.fileChanged'));
      writeInside(partial, storedParts(sha256), bytes);
    }
    const info: Omit<BackupInfo, 'path' | 'bytes'> = {
      name,
      createdAt: options.now.toISOString(),
      reason: options.reason,
      appVersion: options.appVersion,
      schemaVersion: verified.schemaVersion,
      counts: verified.counts,
    };
    writeInside(partial, [manifestName], Buffer.from(JSON.stringify(info, null, 2)));
    options.job.checkpoint();
    return readBackup(moveInside(options.dir, [partialName], [name]));
  } catch (error) {
    removeInside(options.dir, [partialName]);
    throw error;
  }
};

// What a backup folder holds, and nothing else: a folder with more (a log, app.lock, a -wal beside
// the database) has been used as a data folder, or is not ours, and no rule ever deletes it.
const backupEntries = new Set([databaseFileName, manifestName, 'files']);

// A backup this program made, and only that: named as backups are named, its manifest naming the same
// backup, holding only what a backup holds, a real folder (not a link), and not a data folder in use
// (nor holding one).
export const isOwnBackup = (backup: BackupInfo, inUse: readonly string[]): boolean => {
  const name = basename(backup.path);
  if (!backupNamePattern.test(name) || backup.name !== name) return false;
  if (lstatSync(backup.path, { throwIfNoEntry: false })?.isDirectory() !== true) return false;
  if (readdirSync(backup.path).some((entry) => !backupEntries.has(entry))) return false;
  const real = realOrAsWritten(backup.path);
  return !inUse.some((dir) => isInside(real, realOrAsWritten(dir)));
};

// Deletes the backups the retention rules do not keep (see retention.ts). Called only after a backup
// or a restore has succeeded, with what that run must not lose protected; only backups this program
// recognises as its own are ever deleted (isOwnBackup), never the data folder in use.
export const pruneBackups = (
  dir: string,
  policy: RetentionPolicy,
  protect: ReadonlySet<string>,
  inUse: readonly string[],
): string[] => {
  const backups = listBackups(dir);
  const kept = retained(backups, policy, protect);
  const removed = backups.filter((backup) => !kept.has(backup.path) && isOwnBackup(backup, inUse));
  for (const backup of removed) removeInside(dir, [basename(backup.path)]);
  return removed.map((backup) => backup.path);
};

const stagingName = '.restore-staging.sqlite3';

// The backup's database, copied beside the live one and made ready there: brought to this version's
// schema, and given whatever `prepare` writes (the history since the backup). The live database is
// not touched; a crash leaves only a staging file, removed by the next restore.
export const stageDatabase = (
  dataDir: string,
  backupPath: string,
  options: { nativeBinding: string | undefined; audit: AuditContext; prepare?: (db: Db) => void },
): string => {
  for (const suffix of ['', '-wal', '-shm']) removeInside(dataDir, [`${stagingName}${suffix}`]);
  const staging = writeInside(dataDir, [stagingName], readFileSync(join(backupPath, databaseFileName)));
  const db = openDatabase(staging, { nativeBinding: options.nativeBinding, audit: options.audit });
  try {
    options.prepare?.(db);
  } finally {
    db.close();
  }
  return staging;
};

// The backup's stored files, each checked against its SHA-256 before any is written; then written
// (aside, synced, renamed) where missing. Returns the ones added, so that a restore stopped before its
// end can take them away again.
const backupFilesOf = (backupPath: string) => {
  const source = filesDir(backupPath);
  if (!existsSync(source)) return [];
  return readdirSync(source).flatMap((bucket) =>
    readdirSync(join(source, bucket))
      .filter((name) => /^[0-9a-f]{64}$/.test(name))
      .map((name) => ({ name, path: join(source, bucket, name) })),
  );
};

// Each stored file of a backup against its SHA-256 (its name).
export const checkStoredFilesOf = (backupPath: string): void => {
  for (const file of backupFilesOf(backupPath)) {
    if (sha256Of(readFileSync(file.path)) !== file.name) throw damaged(file.path, message('backup.fileChanged'));
  }
};

export const installStoredFiles = (dataDir: string, backupPath: string): string[] => {
  checkStoredFilesOf(backupPath);
  const found = backupFilesOf(backupPath);
  const added: string[] = [];
  for (const file of found) {
    if (existsSync(join(dataDir, ...storedParts(file.name)))) continue;
    added.push(writeInside(dataDir, storedParts(file.name), readFileSync(file.path)));
  }
  return added;
};

// The moment a restore happens: the staged database renamed over the live one (closed, its WAL folded
// in), and the folder synced so that the rename survives a power cut. Before it, the old data; after
// it, the restored data; nothing between.
export const swapIn = (dataDir: string, staging: string): void => {
  for (const suffix of ['-wal', '-shm']) removeInside(dataDir, [`${databaseFileName}${suffix}`]);
  // A rename replaces whatever holds the name (a link too), never writes through it.
  moveInside(dataDir, [basename(staging)], [databaseFileName]);
};

// A verified backup in place of a database that cannot be opened (damaged, set aside): for the start-up
// recovery and the command line's restore.
export const restoreFiles = (dataDir: string, backupPath: string, nativeBinding: string | undefined): BackupInfo => {
  const info = readBackup(backupPath);
  checkRestorable(join(info.path, databaseFileName), nativeBinding);
  const staging = stageDatabase(dataDir, info.path, { nativeBinding, audit: defaultAuditContext() });
  installStoredFiles(dataDir, info.path);
  swapIn(dataDir, staging);
  return info;
};

// A backup may be restored when its database passes verifyDatabase: whole, not newer, and ours.
export const checkRestorable = (file: string, nativeBinding: string | undefined) => verifyDatabase(file, nativeBinding);

// A database that fails its check is moved aside (never deleted) so that nothing more is lost.
export const setAsideDamaged = (dataDir: string, now: Date): string => {
  const aside = `damaged-${stampOf(now)}`;
  const folder = folderInside(dataDir, [aside]);
  for (const suffix of ['', '-wal', '-shm']) {
    const name = `${databaseFileName}${suffix}`;
    if (existsSync(join(dataDir, name))) moveInside(dataDir, [name], [aside, name]);
  }
  return folder;
};
