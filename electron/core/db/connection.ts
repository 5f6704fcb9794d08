import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { latestVersion, migrations as allMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export type OpenOptions = {
  // The app loads its Electron build of better-sqlite3 from here; Node (tests, CLI) uses the default.
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
  // Migrate only this far: lets migration tests stop at N−1.
  targetVersion?: number;
};

const userVersion = (db: Db): number => Number(db.pragma('user_version', { simple: true }));

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
const checkVersionReadOnly = (file: string, supported: number, nativeBinding: string | undefined): void => {
  let probe: Db;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch {
    return; // a new file: nothing to protect
  }
  try {
    const found = userVersion(probe);
    if (found > supported) throw tooNew(found, supported);
  } finally {
    probe.close();
  }
};

export const openDatabase = (file: string, options: OpenOptions = {}): Db => {
  const migrations = options.migrations ?? allMigrations;
  checkVersionReadOnly(file, migrations.length, options.nativeBinding);
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, options.targetVersion ?? migrations.length);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};

export { latestVersion };
