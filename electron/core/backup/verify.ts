// Checking a backup's database before it is trusted (made, listed as whole, restored): kept apart
// from the folder work because the start-up recovery and the command line check with it alone.
import { chmodSync, lstatSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { copyNewInside, folderInside, removeInside } from '../files/contain';
import { tmpName } from '../files/scratch';
import { databaseFileName } from '../db/file-name';
import { type Db, latestVersion } from '../db/connection';
import { checkSchema } from '../db/schema-check';
import { statement } from '../db/statements';

type Counts = BackupInfo['counts'];

// A backup from an older version may lack a table that came later: it holds none of those.
export const tableExists = (db: Database.Database, table: string) =>
  statement(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;

const count = (db: Database.Database, table: string, sql: string): number =>
  tableExists(db, table) ? Number(statement(db, sql).pluck().get()) : 0;

export const countsOf = (db: Database.Database): Counts => ({
  classes: count(db, 'classes', 'SELECT count(*) FROM classes'),
  trainees: count(db, 'trainees', 'SELECT count(*) FROM trainees'),
  enrolments: count(db, 'enrolments', 'SELECT count(*) FROM enrolments'),
  files: count(db, 'stored_files', 'SELECT count(*) FROM stored_files'),
});

export const damaged = (path: string, detail: string) =>
  new AppError('INVALID_INPUT', message('backup.damaged', { path, detail }), {
    issues: [{ field: 'backup', code: 'invalid_format', message: message('backup.damaged', { path, detail }) }],
  });

export const tooNew = (found: number) =>
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

// A backup may be restored when its database passes verifyDatabase: whole, not newer, ours, and true
// to its CHECKs (checked on a throw-away copy in the data folder's tmp/).
export const checkRestorable = (file: string, nativeBinding: string | undefined, dataDir: string) =>
  verifyDatabase(file, nativeBinding, { scratchIn: dataDir });
