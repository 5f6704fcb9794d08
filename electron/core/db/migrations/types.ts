import type { Db } from '../db';

// Append-only: a released migration is never edited, only followed by a new one.
export type Migration = {
  version: number;
  name: string;
  up: (db: Db) => void;
  // Makes a table again (SQLite cannot change a CHECK in place): the climb that holds it runs with
  // foreign keys off, as SQLite's procedure for it asks, and every reference is checked before it
  // commits (migrate.ts).
  rebuildsTables?: true;
};
