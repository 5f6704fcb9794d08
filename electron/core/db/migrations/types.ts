import type { Db } from '../connection';

// Append-only: a released migration is never edited, only followed by a new one.
export type Migration = {
  version: number;
  name: string;
  up: (db: Db) => void;
};
