import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { appHandlers } from './app/handlers';
import { classHandlers } from './classes/handlers';
import type { Core } from './context';
import { openDatabase } from './db/connection';
import { fileLogger } from './log';
import { databaseFileName } from './paths';
import { createRouter, type Router } from './router';

export type OpenCoreOptions = {
  dataDir: string;
  nativeBinding?: string | undefined;
  now?: () => Date;
};

export type OpenedCore = {
  core: Core;
  router: Router;
  close: () => void;
};

// The one way to open a data folder, for the app, the CLI, the tests and the e2e harness alike.
export const openCore = (options: OpenCoreOptions): OpenedCore => {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, databaseFileName);
  const db = openDatabase(databaseFile, { nativeBinding: options.nativeBinding });
  const core: Core = {
    db,
    dataDir: options.dataDir,
    databaseFile,
    version: packageJson.version,
    log: fileLogger(options.dataDir),
    now: options.now ?? (() => new Date()),
  };
  const router = createRouter(core, [appHandlers, classHandlers]);
  return { core, router, close: () => db.close() };
};
