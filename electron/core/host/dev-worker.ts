import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './protocol';

// Starts the core host's worker from the TypeScript sources (tests and bench; see dev-worker.mjs).
export const spawnDevWorker = (setup: WorkerSetup) => () =>
  new Worker(new URL('./dev-worker.mjs', import.meta.url), { workerData: setup });
