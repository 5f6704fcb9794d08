import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { type AuditContext, defaultAuditContext, registerAuditFunctions } from './audit-functions';
import type { Db } from './db';
import { migrate, tooNew, userVersion } from './migrate';
import { latestVersion, migrations as allMigrations, type Migration } from './migrations';
import { checkSchema } from './schema-check';
import { statement } from './statements';

export type { Db } from './db';
export { type AuditContext, defaultAuditContext } from './audit-functions';
export { migrate } from './migrate';

// How every connection of the app meets a database file, in three steps:
//
// 1. SQLite's defensive mode is on: better-sqlite3 (v12) sets SQLITE_DBCONFIG_DEFENSIVE on every
//    connection it opens unless unsafeMode() is asked for, which the app never does. No statement
//    can then write sqlite_schema (writable_schema is ignored), turn the journal off, set the schema's
//    version or write FTS5's shadow tables (schema-check.test.ts holds the first).
// 2. It opens with `trusted_schema = OFF` and none of the app's SQL functions: whatever the file's
//    triggers, views, CHECKs and defaults say may call only SQLite's innocuous built-ins, never a
//    function of ours, while the schema is compared with what the migrations make (schema-check.ts)
//    and quick_check reads every page.
// 3. Only once the schema is proven ours are the audit functions registered and `trusted_schema`
//    turned back ON, for this connection. It has to be: better-sqlite3 cannot mark a JavaScript
//    function SQLITE_INNOCUOUS, so with the setting OFF our own audit triggers fail ("unsafe use of
//    cadre_at()"). The schema is then ours by construction, and so is the migrated one.
//
// A connection that only reads a database from outside (a backup, a chosen folder's probe) stays at
// step 2 until it is closed.

export type OpenOptions = {
  audit?: AuditContext;
  // The app loads its Electron build of better-sqlite3 from here; Node (tests, CLI) uses the default.
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
  // Migrate only this far: lets migration tests stop at N−1.
  targetVersion?: number;
};

const damagedDatabase = (file: string, detail: string) =>
  new AppError('DATABASE_DAMAGED', message('errors.DATABASE_DAMAGED'), { file, detail });

const sqliteDamage = (error: unknown) =>
  error instanceof Error && 'code' in error && (error.code === 'SQLITE_CORRUPT' || error.code === 'SQLITE_NOTADB');

// Step 2 for a file only read: a backup's, a chosen folder's. Throws what better-sqlite3 throws.
export const openReadOnly = (file: string, nativeBinding: string | undefined): Db => {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  db.pragma('trusted_schema = OFF');
  return db;
};

// Before anything (even switching to WAL) writes to a file: refuses one newer than the code, and one
// whose schema is not what the migrations make for its version. A file that does not exist yet has
// nothing to protect. Also how a chosen data folder is judged before it is remembered.
export const checkDatabaseReadOnly = (
  file: string,
  nativeBinding: string | undefined,
  migrations: readonly Migration[] = allMigrations,
): void => {
  let probe: Db;
  try {
    probe = openReadOnly(file, nativeBinding);
  } catch (error) {
    if (sqliteDamage(error)) throw damagedDatabase(file, String(error));
    return; // a new file: nothing to protect
  }
  try {
    const found = userVersion(probe);
    if (found > migrations.length) throw tooNew(found, migrations.length);
    checkSchema(probe, file, found, { migrations, nativeBinding });
  } catch (error) {
    if (sqliteDamage(error)) throw damagedDatabase(file, String(error));
    throw error;
  } finally {
    probe.close();
  }
};

export const openDatabase = (file: string, options: OpenOptions = {}): Db => {
  const migrations = options.migrations ?? allMigrations;
  checkDatabaseReadOnly(file, options.nativeBinding, migrations);
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('busy_timeout = 5000');
    // The schema again, on this connection, the one that will write: the file may have changed since
    // the probe (another process, a WAL the probe could not read). First, so that quick_check never
    // evaluates a CHECK or an index of a file that is not ours.
    checkSchema(db, file, userVersion(db), { migrations, nativeBinding: options.nativeBinding });
    // Every start checks the file's structure (quick_check reads every page, skipping the slower
    // index-content comparison of integrity_check): a damaged database is refused, never written to.
    const check = statement(db, 'PRAGMA quick_check').pluck().all();
    if (check.length !== 1 || check[0] !== 'ok') throw damagedDatabase(file, check.slice(0, 5).join('; '));
    db.pragma('journal_mode = WAL');
    // FULL: each commit reaches the disk before it returns (with NORMAL, WAL's default, a power cut
    // can take back the last commits). One fsync per write transaction; the bench shows its cost.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    registerAuditFunctions(db, options.audit ?? defaultAuditContext());
    db.pragma('trusted_schema = ON');
    migrate(db, migrations, options.targetVersion ?? migrations.length);
    // Keeps the query planner's statistics fresh (SQLite's advice: at every open, limited in effort).
    db.pragma('optimize=0x10002');
    return db;
  } catch (error) {
    db.close();
    if (sqliteDamage(error)) throw damagedDatabase(file, String(error));
    throw error;
  }
};

export { latestVersion };
