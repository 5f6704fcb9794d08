import { Worker } from 'node:worker_threads';
import type { CoreEvent } from '../../shared/events';
import { type CoreHost, startCoreHost } from '../core/host/host';
import type { WorkerSetup } from '../core/host/protocol';
import type { Platform } from '../core/platform';

// The app's core runs in a worker thread (out/main/core-worker.js, built from core/host/worker.ts):
// main keeps its event loop for windows, menus and IPC, and only forwards.
export const startAppCore = (options: {
  workerFile: string | URL;
  setup: WorkerSetup;
  platform: Platform;
  emit: (event: CoreEvent) => void;
  log: (line: string) => void;
}): CoreHost =>
  startCoreHost({
    spawn: () => new Worker(options.workerFile, { workerData: options.setup }),
    platform: options.platform,
    emit: options.emit,
    log: options.log,
  });
