import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { noteStatement } from './reads';

const caches = new WeakMap<Db, Map<string, Statement>>();

// Compiles each SQL text once per connection: imports run the same few statements ten thousand times.
// One statement serves every caller of its SQL, so .pluck() and .raw() (which change the statement
// itself) must be used by all of them or none: statements.test.ts holds the sources to that.
export const statement = <P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> => {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  noteStatement(db, sql);
  let found = cache.get(sql);
  if (!found) {
    found = db.prepare(sql);
    cache.set(sql, found);
  }
  return found as Statement<P, R>;
};
