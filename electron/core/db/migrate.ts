import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { Db } from './db';
import { migrations as allMigrations, type Migration } from './migrations';
import { statement } from './statements';

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
  // A table made again is dropped and renamed in the climb: with foreign keys on, the drop would
  // delete (or be refused for) the rows that name it. Off for that climb only (the pragma cannot change
  // inside a transaction), and every reference checked before the climb commits.
  const rebuilds = pending.some((migration) => migration.rebuildsTables);
  const foreignKeys = Number(db.pragma('foreign_keys', { simple: true })) === 1;
  if (rebuilds && foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    // One transaction for the whole climb: a failed step leaves the file at its old version.
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
      const broken = rebuilds ? statement(db, 'PRAGMA foreign_key_check').all() : [];
      if (broken.length > 0) throw new AppError('INTERNAL', message('errors.INTERNAL'), { foreignKeyCheck: broken.slice(0, 5) });
    }).immediate();
  } finally {
    if (rebuilds && foreignKeys) db.pragma('foreign_keys = ON');
  }
  return userVersion(db);
};
