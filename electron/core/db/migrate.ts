import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { Db } from './db';
import { migrations as allMigrations, type Migration } from './migrations';

export const userVersion = (db: Db): number => Number(db.pragma('user_version', { simple: true }));

export const tooNew = (found: number, supported: number) =>
  new AppError('DATABASE_TOO_NEW', message('errors.DATABASE_TOO_NEW'), { found, supported });

// The one climb through the migrations: for the data folder's database (connection.ts) and for the
// schema a database of each version must have (schema-check.ts), so that the two cannot drift apart.
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
