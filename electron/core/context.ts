import type { Db } from './db/connection';
import type { Logger } from './log';

// What every service function receives. Built once per open data folder by openCore.
export type Core = {
  db: Db;
  dataDir: string;
  databaseFile: string;
  version: string;
  log: Logger;
  now: () => Date;
};

export const timestamp = (core: Core): string => core.now().toISOString();
