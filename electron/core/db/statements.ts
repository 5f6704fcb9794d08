import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const caches = new WeakMap<Db, Map<string, Statement>>();

// Compiles each SQL text once per connection: imports run the same few statements ten thousand times.
export const statement = <P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> => {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let found = cache.get(sql);
  if (!found) {
    found = db.prepare(sql);
    cache.set(sql, found);
  } else if (found.reader) {
    // .pluck() and .raw() change the statement itself: one caller's choice must not reach the next
    // caller of the same SQL, who expects rows as objects unless it asks again.
    found.pluck(false);
    found.raw(false);
  }
  return found as Statement<P, R>;
};
