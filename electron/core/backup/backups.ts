import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { type BackupInfo, type BackupReason, backupInfoSchema, backupNamePattern } from '../../../shared/backup/schemas';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  baseFolder,
  copyNewInside,
  folderInside,
  isInside,
  moveInside,
  realOrAsWritten,
  removeInside,
  writeInside,
} from '../files/contain';
import { tmpName } from '../files/scratch';
import { filesDir, sha256Of, storedParts } from '../files/store';
import type { Job } from '../jobs/job';
import { databaseFileName } from '../db/file-name';
import { type AuditContext, type Db, defaultAuditContext, latestVersion, openDatabase, openReadOnly } from '../db/connection';
import { checkSchema } from '../db/schema-check';
import { statement } from '../db/statements';
import { readDatabaseId, setDatabaseId } from '../settings/service';
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

// SQLite leaves a table's CHECK constraints out of the schema it reads through a read-only
// connection, or from a file it cannot write (sqlite3AddCheckConstraint skips them when the b-tree is
// read-only: nothing can be written there to break them), and integrity_check then passes rows that
// break them. A backup with `classes.status = 'lost'` passed this check, was offered by the start-up
// recovery as the newest good backup, and failed only when staged — after the damaged database had
// been set aside (issue 19, intruder 09). So the full check runs on a connection that can write: on
// the file itself when it is the app's own fresh copy (a backup being made, in its partial folder),
// otherwise on a throw-away copy in the data folder's tmp/ (swept at start if a crash leaves it).
export type CheckPlace = { inPlace: true } | { scratchIn: string };

// Proves the connection can write the file (a copy of a read-only file may keep its mode; an
// account may lack the right): SQLite would otherwise open it read-only without a word, and skip the
// CHECKs. Writing the version it has, inside a transaction rolled back, changes nothing.
const proveWritable = (db: Db) => {
  const version = Number(db.pragma('user_version', { simple: true }));
  db.exec('BEGIN IMMEDIATE');
  try {
    db.pragma(`user_version = ${version}`);
  } finally {
    db.exec('ROLLBACK');
  }
};

// The check itself, on a connection that can write, opened as a stranger would (trusted_schema OFF,
// none of the app's functions: see db/connection.ts): not written by a newer version, exactly the
// schema the migrations make for its version, and SQLite's full integrity check (CHECKs, NOT NULL,
// STRICT types, indexes, every page). Only then is anything counted in it.
const checkWritable = (
  file: string,
  shownAs: string,
  nativeBinding: string | undefined,
): { counts: Counts; schemaVersion: number } => {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true, nativeBinding });
  } catch (error) {
    throw damaged(shownAs, error instanceof Error ? error.message : String(error));
  }
  try {
    db.pragma('trusted_schema = OFF');
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    if (schemaVersion > latestVersion) throw tooNew(schemaVersion);
    // The schema before the integrity check, which evaluates the file's CHECKs and indexes.
    checkSchema(db, shownAs, schemaVersion, { nativeBinding });
    proveWritable(db);
    const result = statement(db, 'PRAGMA integrity_check').pluck().all();
    if (result.length !== 1 || result[0] !== 'ok') throw damaged(shownAs, result.slice(0, 3).join('; '));
    return { counts: countsOf(db), schemaVersion };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(shownAs, error instanceof Error ? error.message : String(error));
  } finally {
    db.close();
  }
};

// A backup's database, refused unless whole, not newer, ours, and true to its CHECKs (see above).
export const verifyDatabase = (
  file: string,
  nativeBinding: string | undefined,
  place: CheckPlace,
): { counts: Counts; schemaVersion: number } => {
  if ('inPlace' in place) return checkWritable(file, file, nativeBinding);
  if (lstatSync(file, { throwIfNoEntry: false })?.isFile() !== true) throw damaged(file, message('backup.noDatabase'));
  // A name of the scratch sweep's own: one a crash leaves goes at the next start.
  const scratch = tmpName('backup-check');
  try {
    folderInside(place.scratchIn, ['tmp', scratch]);
    const copy = copyNewInside(place.scratchIn, ['tmp', scratch, databaseFileName], file);
    chmodSync(copy, 0o600);
    return checkWritable(copy, file, nativeBinding);
  } finally {
    removeInside(place.scratchIn, ['tmp', scratch]);
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

// What a manifest says of its backup. Where it is, its size, and what the list adds (the rules that
// keep it, whether it came from another database) are the app's own findings, never the manifest's.
export const manifestSchema = backupInfoSchema.omit({ path: true, bytes: true, keptBy: true, otherDatabase: true });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const readBackup = (path: string): BackupInfo => {
  const folder = backupFolderOf(path);
  const manifest = join(folder, manifestName);
  if (!existsSync(manifest)) {
    // The folder that holds the backups (the USB disk's 党校备份), chosen instead of one of them: said so,
    // with the newest one named, rather than "not a backup".
    const inside = listBackups(folder);
    if (inside.length > 0)
      throw damaged(folder, message('backup.holdsBackups', { count: inside.length, newest: inside[0]?.name ?? '' }));
    throw damaged(folder, message('backup.noManifest'));
  }
  const parsed = manifestSchema.safeParse(parseJson(readFileSync(manifest, 'utf8')));
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
  // The database's own id (settings' databaseId), already in the database being copied.
  databaseId: string;
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
    // The app's own fresh copy, in its own partial folder: checked where it is.
    const verified = verifyDatabase(database, options.nativeBinding, { inPlace: true });
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
    const info = {
      name,
      createdAt: options.now.toISOString(),
      reason: options.reason,
      appVersion: options.appVersion,
      schemaVersion: verified.schemaVersion,
      counts: verified.counts,
      databaseId: options.databaseId,
    } satisfies z.input<typeof manifestSchema>;
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

// Which database a backup came from. Two workstations (two data folders) may share one backup
// folder (the README allows a USB disk or a network folder); told apart by shape alone, each one's
// retention counted the other's backups as its own and deleted them by its rules (issue 19, intruder
// 12). Each database now has a random id (settings' databaseId, settings/service.ts), and each backup
// names it in its manifest; the backup's own database must say the same, so that a manifest edited or
// copied onto another database's backup does not make that backup ours.
//
// Backups made before there were ids name none. Pruning them as before would go on deleting the other
// workstation's; never pruning them would keep every old backup for good (each a copy of the
// database and of every stored file: gigabytes on a USB disk). They are told apart instead by the
// first line of their audit log, which is the first line of this database's for as long as it lives
// (the log is append-only, and a restore carries it over: service.ts historySince) and differs
// between two databases made apart (its moment, to the millisecond, and who wrote it). A legacy
// backup whose log is empty, or whose database cannot be read, is nobody's we can name: kept, and not
// counted.
export type AuditMark = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  channel: string;
};

export const auditMarkSql = 'SELECT id, at, actor, action, entity, entity_id, channel FROM audit_log WHERE id = ?';

export const sameAuditLine = (a: AuditMark | undefined, b: AuditMark | undefined): boolean =>
  a !== undefined &&
  b !== undefined &&
  a.id === b.id &&
  a.at === b.at &&
  a.actor === b.actor &&
  a.action === b.action &&
  a.entity === b.entity &&
  a.entity_id === b.entity_id &&
  a.channel === b.channel;

export const firstAuditLine = (db: Db): AuditMark | undefined =>
  tableExists(db, 'audit_log')
    ? statement<[], AuditMark>(
        db,
        'SELECT id, at, actor, action, entity, entity_id, channel FROM audit_log ORDER BY id LIMIT 1',
      ).get()
    : undefined;

// What a database says of where it comes from.
export type Lineage = { id: string | undefined; firstLine: AuditMark | undefined };

export const lineageOf = (db: Db): Lineage => ({ id: readDatabaseId(db), firstLine: firstAuditLine(db) });

// A database file's lineage, read as a stranger's (read-only, trusted_schema OFF, none of the app's
// functions) and only once its schema is proven ours; undefined when it cannot be read. A backup never
// changes once made, so each is read once per process while its database file stays the same file.
const lineageCache = new Map<string, { stamp: string; lineage: Lineage | undefined }>();

export const lineageOfFile = (file: string, nativeBinding: string | undefined): Lineage | undefined => {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return undefined;
  const stamp = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
  const known = lineageCache.get(file);
  if (known?.stamp === stamp) return known.lineage;
  let lineage: Lineage | undefined;
  try {
    const db = openReadOnly(file, nativeBinding);
    try {
      const version = Number(db.pragma('user_version', { simple: true }));
      if (version > latestVersion) throw tooNew(version);
      checkSchema(db, file, version, { nativeBinding });
      lineage = lineageOf(db);
    } finally {
      db.close();
    }
  } catch {
    lineage = undefined;
  }
  if (lineageCache.size > 2000) lineageCache.clear();
  lineageCache.set(file, { stamp, lineage });
  return lineage;
};

export type Origin = 'this' | 'other' | 'unknown';

// Whether a backup was made from the database `ours` describes, from another, or cannot be told.
export const originOf = (backup: BackupInfo, ours: Lineage, nativeBinding: string | undefined): Origin => {
  const theirs = lineageOfFile(join(backup.path, databaseFileName), nativeBinding);
  if (theirs === undefined) return 'unknown';
  if (backup.databaseId !== undefined || theirs.id !== undefined) {
    // The manifest and the backup's database disagree: not a backup as this program makes them.
    if (backup.databaseId !== theirs.id) return 'other';
    return ours.id !== undefined && theirs.id === ours.id ? 'this' : 'other';
  }
  if (theirs.firstLine === undefined || ours.firstLine === undefined) return 'unknown';
  return sameAuditLine(theirs.firstLine, ours.firstLine) ? 'this' : 'other';
};

// Deletes the backups the retention rules do not keep (see retention.ts). Called only after a backup
// or a restore has succeeded, with what that run must not lose protected. The rules count only this
// database's backups, and only those are ever deleted, when this program recognises them as its own
// (isOwnBackup), never the data folder in use: another's, or one that cannot be told, stays.
export const pruneBackups = (
  dir: string,
  options: {
    policy: RetentionPolicy;
    protect: ReadonlySet<string>;
    inUse: readonly string[];
    ours: Lineage;
    nativeBinding: string | undefined;
  },
): string[] => {
  const backups = listBackups(dir).filter((backup) => originOf(backup, options.ours, options.nativeBinding) === 'this');
  const kept = retained(backups, options.policy, options.protect);
  const removed = backups.filter((backup) => !kept.has(backup.path) && isOwnBackup(backup, options.inUse));
  for (const backup of removed) removeInside(dir, [basename(backup.path)]);
  return removed.map((backup) => backup.path);
};

const stagingName = '.restore-staging.sqlite3';

const removeStaging = (dataDir: string) => {
  for (const suffix of ['', '-wal', '-shm']) removeInside(dataDir, [`${stagingName}${suffix}`]);
};

// The backup's database, copied beside the live one and made ready there: brought to this version's
// schema, and given whatever `prepare` writes (the history since the backup). The live database is
// not touched. Refused (the copy does not open, `prepare` fails), it leaves nothing behind; a crash
// leaves only a staging file, removed by the next restore.
export const stageDatabase = (
  dataDir: string,
  backupPath: string,
  options: { nativeBinding: string | undefined; audit: AuditContext; prepare?: (db: Db) => void },
): string => {
  removeStaging(dataDir);
  try {
    const staging = writeInside(dataDir, [stagingName], readFileSync(join(backupPath, databaseFileName)));
    const db = openDatabase(staging, { nativeBinding: options.nativeBinding, audit: options.audit });
    try {
      options.prepare?.(db);
    } finally {
      db.close();
    }
    return staging;
  } catch (error) {
    removeStaging(dataDir);
    throw error;
  }
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

// `added` receives each file as it is written, so that a caller can take them away again even when
// a write fails halfway (a full disk).
export const installStoredFiles = (dataDir: string, backupPath: string, added: string[] = []): string[] => {
  checkStoredFilesOf(backupPath);
  const found = backupFilesOf(backupPath);
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
// recovery and the command line's restore. `databaseId`: the id of the database it replaces, when
// that could still be read, so that the data folder stays the same database to its backups. Refused
// or failing before the swap, it leaves the folder as it found it: no staging file, none of the
// backup's stored files it added (the recovery then offers the next backup).
export const restoreFiles = (
  dataDir: string,
  backupPath: string,
  nativeBinding: string | undefined,
  databaseId?: string,
): BackupInfo => {
  const info = readBackup(backupPath);
  checkRestorable(join(info.path, databaseFileName), nativeBinding, dataDir);
  const prepare = databaseId === undefined ? undefined : (db: Db) => setDatabaseId(db, databaseId);
  const staging = stageDatabase(dataDir, info.path, { nativeBinding, audit: defaultAuditContext(), prepare });
  const added: string[] = [];
  try {
    installStoredFiles(dataDir, info.path, added);
    swapIn(dataDir, staging);
  } catch (error) {
    // Only while the staged database has not taken the live one's name: after that, the files it
    // added are the restored database's.
    if (existsSync(staging)) {
      removeStaging(dataDir);
      for (const file of added) removeInside(dataDir, storedParts(basename(file)));
    }
    throw error;
  }
  return info;
};

// A backup may be restored when its database passes verifyDatabase: whole, not newer, ours, and true
// to its CHECKs (checked on a throw-away copy in the data folder's tmp/).
export const checkRestorable = (file: string, nativeBinding: string | undefined, dataDir: string) =>
  verifyDatabase(file, nativeBinding, { scratchIn: dataDir });

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

// Where a backup folder must not be (issue 19, intruder 04): inside a data folder — this one (other
// than its own backups/, the default) or another — whose tmp/ is swept at every start and whose
// files/ 清理 empties of what no record names; nor inside a backup, which retention deletes with
// whatever it holds. The folder itself and each folder above it are looked at, links resolved.
export type BackupFolderProblem = { reason: 'dataFolder' | 'insideDataFolder' | 'insideBackup'; dir: string };

const holdsBackupManifest = (dir: string) => {
  const manifest = join(dir, manifestName);
  if (lstatSync(manifest, { throwIfNoEntry: false })?.isFile() !== true) return false;
  try {
    return manifestSchema.safeParse(parseJson(readFileSync(manifest, 'utf8'))).success;
  } catch {
    return false;
  }
};

const isBackup = (dir: string) => backupNamePattern.test(basename(dir)) || holdsBackupManifest(dir);

const holdsDatabase = (dir: string) => lstatSync(join(dir, databaseFileName), { throwIfNoEntry: false }) !== undefined;

// The nearest such folder is named (a backup inside this data folder's backups/ is "a backup").
export const backupFolderProblem = (dataDir: string, folder: string): BackupFolderProblem | undefined => {
  const chosen = realOrAsWritten(folder);
  const data = realOrAsWritten(dataDir);
  if (chosen === realOrAsWritten(join(dataDir, 'backups'))) return undefined;
  for (let at = chosen; ; at = dirname(at)) {
    if (isBackup(at)) return { reason: 'insideBackup', dir: at };
    if (at === data || holdsDatabase(at)) return { reason: at === chosen ? 'dataFolder' : 'insideDataFolder', dir: at };
    if (dirname(at) === at) return undefined;
  }
};
