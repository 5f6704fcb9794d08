import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { AppError } from '../../shared/errors';
import { message } from '../../shared/i18n/translate';
import { restoreFiles } from './backup/restore-steps';
import { nextGoodBackup, setAsideForRecovery } from './backup/recovery';
import type { Core, Door } from './context';
import { openDatabase } from './db/connection';
import { type ParserLimits, sharedParser, sourceParserEntry } from './documents/parser/pool';
import { baseFolder, moveInside, removeEmptyInside } from './files/contain';
import { refuseUnsafeOwnEntries } from './files/own-files';
import { sweepScratchFolders } from './files/scratch';
import { appLockHolder } from './lock';
import { fileLogger } from './log';
import { databaseFileName } from './db/file-name';
import { type Damaged, isWarm, noDialogs, noPrinting, type Platform } from './platform';
import { grantRegistry } from './files/grants';
import { domainHandlers } from './handlers';
import { runningJobs } from './jobs/running';
import { createRouter, type Router } from './router';

export type OpenCoreOptions = {
  dataDir: string;
  nativeBinding?: string | undefined;
  now?: () => Date;
  platform?: Platform;
  emit?: Core['emit'];
  // The parser worker's entry (the build's parse-worker.js; the sources' by default) and its limits.
  parserEntry?: string | undefined;
  parserLimits?: ParserLimits;
  // A folder the person chose in the app and the app remembered: not made again when it is missing
  // (a USB disk not plugged in), where an empty database would silently take its place.
  dataDirMustExist?: boolean | undefined;
  // The command line says so; everything else opens the core for the window.
  door?: Door | undefined;
};

export type OpenedCore = {
  core: Core;
  router: Router;
  close: () => void;
};

const workstationUser = (): string => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

// Where nothing better was given: no dialogs, no printing.
const noPlatform: Platform = { ...noDialogs, ...noPrinting };

// The one way to open a data folder, for the app, the CLI, the tests and the e2e harness alike.
export const openCore = (options: OpenCoreOptions): OpenedCore => {
  if (options.dataDirMustExist && !existsSync(options.dataDir))
    throw new AppError('INVALID_STATE', message('files.contain.noFolder', { path: options.dataDir }));
  baseFolder(options.dataDir);
  // Nothing is read or written through a link, a hard link or a FIFO among the app's own files (rule 9).
  refuseUnsafeOwnEntries(options.dataDir);
  // What an earlier run left in the scratch folders goes, unless the app is running on this folder
  // now (the command line beside it): its drops and open copies are its own.
  if (appLockHolder(options.dataDir) === undefined) sweepScratchFolders(options.dataDir);
  const databaseFile = join(options.dataDir, databaseFileName);
  const now = options.now ?? (() => new Date());
  const audit = { actor: workstationUser(), channel: '', now: () => now().toISOString() };
  const db = openDatabase(databaseFile, { nativeBinding: options.nativeBinding, audit });
  const core: Core = {
    db,
    dataDir: options.dataDir,
    databaseFile,
    version: packageJson.version,
    log: fileLogger(options.dataDir),
    now,
    actor: audit.actor,
    audit,
    door: options.door ?? 'app',
    platform: options.platform ?? noPlatform,
    emit: options.emit ?? (() => undefined),
    nativeBinding: options.nativeBinding,
    grants: grantRegistry(),
    parser: sharedParser(options.parserEntry ?? sourceParserEntry, options.parserLimits),
    jobs: runningJobs(),
    reopen: () => {
      if (core.db.open) core.db.close();
      core.db = openDatabase(databaseFile, { nativeBinding: options.nativeBinding, audit });
    },
  };
  const router = createRouter(core, Object.values(domainHandlers));
  const close = () => {
    // And at every close, for what changed while the data folder was open.
    if (core.db.open) core.db.pragma('optimize');
    core.db.close();
    // A printer kept warm goes with the core (after the prints under way), so that the command line
    // exits as soon as its work is done. Closing it can only fail when it is gone already.
    if (isWarm(core.platform)) void core.platform.dispose().catch(() => undefined);
  };
  return { core, router, close };
};

// Put back where it was when the person quits instead: the next start finds it and asks again, rather
// than opening an empty database in its place.
const putBack = (dataDir: string, aside: string) => {
  if (existsSync(join(dataDir, databaseFileName))) return;
  for (const suffix of ['', '-wal', '-shm']) {
    const name = `${databaseFileName}${suffix}`;
    if (existsSync(join(aside, name))) moveInside(dataDir, [basename(aside), name], [name]);
  }
  removeEmptyInside(dataDir, [basename(aside)]);
};

// Opening for a window: a damaged database is set aside (never deleted, never written to) and the
// person is asked, through the platform, whether to restore the newest good backup, start empty, or
// quit. The backup offered passes the full check (CHECKs too); should its restore fail all the same,
// nothing of it stays and the person is asked again, told why, with the next good backup — never left
// with an empty folder they did not choose. The CLI opens with openCore and leaves a damaged database
// to its `restore` command.
export const openCoreOrRecover = async (options: OpenCoreOptions & { platform: Platform }): Promise<OpenedCore> => {
  try {
    return openCore(options);
  } catch (error) {
    // A damaged database, or one altered since this program wrote it (its schema not ours: an added
    // trigger that copies 身份证号, a dropped index), is set aside and a backup offered: both are what
    // the person cannot go on with, and neither is ever deleted.
    if (!(error instanceof AppError) || (error.code !== 'DATABASE_DAMAGED' && error.code !== 'DATABASE_FOREIGN')) throw error;
    const altered = error.code === 'DATABASE_FOREIGN';
    const { aside, ours } = setAsideForRecovery(options.dataDir, (options.now ?? (() => new Date()))(), options.nativeBinding);
    const detail = altered ? error.message : String(error.details?.['detail'] ?? '');
    const passed = new Set<string>();
    let failed: Damaged['failed'];
    for (;;) {
      const latest = nextGoodBackup(options.dataDir, ours, options.nativeBinding, passed);
      const choice = await options.platform.confirmRecovery({
        aside,
        latest,
        detail,
        ...(altered ? { altered } : {}),
        ...(failed ? { failed } : {}),
      });
      if (choice === 'quit') {
        try {
          putBack(options.dataDir, aside);
        } catch {
          // It stays aside, named in the dialog the person just saw.
        }
        throw error;
      }
      if (choice !== 'restore' || latest === undefined) break;
      try {
        restoreFiles(options.dataDir, latest.path, options.nativeBinding, ours.id);
        break;
      } catch (restoreError) {
        passed.add(latest.path);
        failed = { name: latest.name, reason: restoreError instanceof Error ? restoreError.message : String(restoreError) };
      }
    }
    return openCore(options);
  }
};
