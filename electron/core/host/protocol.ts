import type { AppErrorShape } from '../../../shared/errors';
import type { CoreEvent } from '../../../shared/events';
import type { Result } from '../../../shared/result';
import type { Platform, PlatformMethod } from '../platform';

// The messages between the process that shows windows (Electron's main, the e2e harness, the bench)
// and the worker thread that owns the database. Every request carries an id; every id gets exactly
// one answer — from the worker, or, if the worker dies first, from the host on its behalf.

// What the worker is started with (workerData).
export type WorkerSetup = {
  dataDir: string;
  nativeBinding?: string | undefined;
  // The parser worker's entry: the build's parse-worker.js (from the sources when not given).
  parserEntry?: string | undefined;
  // The data folder was remembered from the app's settings: it must be there (see openCore).
  dataDirMustExist?: boolean | undefined;
  // Shorter or longer waits for main's answers than platformTimeouts.
  platformTimeouts?: Partial<Record<PlatformMethod, number>>;
};

export type PlatformRequest = { [M in PlatformMethod]: { method: M; args: Parameters<Platform[M]> } }[PlatformMethod];

export type ToWorker =
  | { type: 'call'; id: number; channel: unknown; input: unknown }
  | { type: 'platformResult'; id: number; result: Result<unknown> }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  // The data folder could not be opened (a database too new, damaged and not recovered …).
  | { type: 'failed'; error: AppErrorShape }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: CoreEvent }
  | ({ type: 'platform'; id: number } & PlatformRequest)
  | { type: 'closed' };

// How long the worker waits for main to answer a platform call. A person may leave a dialog open
// for a long while; printing a PDF or showing a folder must not take minutes.
export const platformTimeouts: Record<PlatformMethod, number> = {
  chooseOpenFile: 60 * 60 * 1000,
  chooseSaveFile: 60 * 60 * 1000,
  chooseOpenFiles: 60 * 60 * 1000,
  chooseFolder: 60 * 60 * 1000,
  confirmRecovery: 60 * 60 * 1000,
  printToPdf: 120 * 1000,
  // The print dialog stays open while the person chooses a printer and pages.
  printDocument: 60 * 60 * 1000,
  showInFolder: 15 * 1000,
  openFile: 15 * 1000,
  useDataFolder: 15 * 1000,
};
