import type { Db } from '../db';

// Append-only: a released migration is never edited, only followed by a new one.
export type Migration = {
  version: number;
  name: string;
  up: (db: Db) => void;
};
