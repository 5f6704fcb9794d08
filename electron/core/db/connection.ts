import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { maskIdNumber, maskPhone } from '../../../shared/idcard';
import { message } from '../../../shared/i18n/translate';
import type { Db } from './db';
import { latestVersion, migrations as allMigrations, type Migration } from './migrations';
import { statement } from './statements';

export type { Db } from './db';

// Who is changing data, when, and through which call: read by the audit triggers through SQL
// functions. The router sets `channel` and `at` (the time of the transaction) for each write.
export type AuditContext = { actor: string; channel: string; now: () => string; at?: string | undefined };

export const defaultAuditContext = (): AuditContext => ({ actor: 'unknown', channel: '', now: () => new Date().toISOString() });

const registerAuditFunctions = (db: Db, context: AuditContext) => {
  // For the triggers of migration 7 on: called for every row written, so they only hand back what
  // the transaction set (see db/audit-triggers.ts).
  db.function('cadre_at', () => context.at ?? context.now());
  db.function('cadre_actor', () => context.actor);
  db.function('cadre_channel', () => context.channel);
  // For the triggers of migrations 3 to 6, which run only until migration 7 replaces them.
  db.function('cadre_now', () => context.now());
  db.function('cadre_mask_id', (value: unknown) => (typeof value === 'string' && value !== '' ? maskIdNumber(value) : value));
  db.function('cadre_mask_phone', (value: unknown) => (typeof value === 'string' && value !== '' ? maskPhone(value) : value));
};

export type OpenOptions = {
  audit?: AuditContext;
  // The app loads its Electron build of better-sqlite3 from here; Node (tests, CLI) uses the default.
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
  // Migrate only this far: lets migration tests stop at N−1.
  targetVersion?: number;
};

const userVersion = (db: Db): number => Number(db.pragma('user_version', { simple: true }));

const damagedDatabase = (file: string, detail: string) =>
  new AppError('DATABASE_DAMAGED', message('errors.DATABASE_DAMAGED'), { file, detail });

const sqliteDamage = (error: unknown) =>
  error instanceof Error && 'code' in error && (error.code === 'SQLITE_CORRUPT' || error.code === 'SQLITE_NOTADB');

const tooNew = (found: number, supported: number) =>
  new AppError('DATABASE_TOO_NEW', message('errors.DATABASE_TOO_NEW'), { found, supported });

export const migrate = (db: Db, migrations: readonly Migration[] = allMigrations, target = migrations.length): number => {
  const current = userVersion(db);
  if (current > migrations.length) throw tooNew(current, migrations.length);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  // One transaction for the whole climb: a failed step leaves the file at its old version.
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return userVersion(db);
};

// Refuse a newer file before anything (even switching to WAL) writes to it.
export const checkVersionReadOnly = (file: string, supported: number, nativeBinding: string | undefined): void => {
  let probe: Db;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (error) {
    if (sqliteDamage(error)) throw damagedDatabase(file, String(error));
    return; // a new file: nothing to protect
  }
  try {
    const found = userVersion(probe);
    if (found > supported) throw tooNew(found, supported);
  } catch (error) {
    if (sqliteDamage(error)) throw damagedDatabase(file, String(error));
    throw error;
  } finally {
    probe.close();
  }
};

export const openDatabase = (file: string, options: OpenOptions = {}): Db => {
  const migrations = options.migrations ?? allMigrations;
  checkVersionReadOnly(file, migrations.length, options.nativeBinding);
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    registerAuditFunctions(db, options.audit ?? defaultAuditContext());
    db.pragma('journal_mode = WAL');
    // FULL: each commit reaches the disk before it returns (with NORMAL, WAL's default, a power cut
    // can take back the last commits). One fsync per write transaction; the bench shows its cost.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Every start checks the file's structure (quick_check reads every page, skipping the slower
    // index-content comparison of integrity_check): a damaged database is refused, never written to.
    const check = statement(db, 'PRAGMA quick_check').pluck().all();
    if (check.length !== 1 || check[0] !== 'ok') throw damagedDatabase(file, check.slice(0, 5).join('; '));
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
