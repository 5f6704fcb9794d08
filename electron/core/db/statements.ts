import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const caches = new WeakMap<Db, Map<string, Statement>>();

// Who is listening to the SQL texts run on a connection (reads.ts: which tables a query read).
const listeners = new WeakMap<Db, Set<Set<string>>>();

export const noteStatement = (db: Db, sql: string): void => {
  const sets = listeners.get(db);
  if (sets) for (const heard of sets) heard.add(sql);
};

// Starts gathering the SQL texts run on `db`; `stop` ends it and gives them.
export const listenToStatements = (db: Db): { stop: () => ReadonlySet<string> } => {
  const heard = new Set<string>();
  let sets = listeners.get(db);
  if (!sets) {
    sets = new Set();
    listeners.set(db, sets);
  }
  sets.add(heard);
  return {
    stop: () => {
      sets.delete(heard);
      return heard;
    },
  };
};

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
