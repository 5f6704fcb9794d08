import type { CoreEvent } from '../../shared/events';
import type { AuditContext, Db } from './db/connection';
import type { Parser } from './documents/parser/pool';
import type { Grants } from './files/grants';
import type { RunningJobs } from './jobs/running';
import type { Logger } from './log';
import type { Platform } from './platform';

// What every service function receives. Built once per open data folder by openCore.
export type Core = {
  db: Db;
  dataDir: string;
  databaseFile: string;
  version: string;
  log: Logger;
  now: () => Date;
  // The workstation user, recorded in the audit log.
  actor: string;
  // Read by the audit triggers: who is writing, through which channel.
  audit: AuditContext;
  // Which door the commands come through (the window or the command line), kept with each command in
  // the audit log.
  door: Door;
  // What the operating system provides (dialogs, PDF printing), implemented by each door.
  platform: Platform;
  // Progress of long work, forwarded to the window (or the terminal).
  emit: (event: CoreEvent) => void;
  // The better-sqlite3 build this process loads (the app's Electron build), for every connection.
  nativeBinding: string | undefined;
  // The files the person chose in this run, behind opaque grants (see files/grants.ts).
  grants: Grants;
  // Reads the files that come from outside, in a worker that is stopped when it overruns.
  parser: Parser;
  // Long work under way, so that it can be cancelled.
  jobs: RunningJobs;
  // Closes and opens the database again (after a restore replaced the file).
  reopen: () => void;
};

export type Door = 'app' | 'cli';

export const timestamp = (core: Core): string => core.now().toISOString();
