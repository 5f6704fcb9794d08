import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './protocol';

// The worker's entry straight from the TypeScript sources (see dev-entry.mjs). A plain file path:
// bundlers rewrite `new Worker(new URL(…))` into web workers of their own.
export const devEntry = new URL('./dev-entry.mjs', import.meta.url).pathname;

// Starts the core host's worker from the sources, for the tests and the bench.
export const spawnDevWorker = (setup: WorkerSetup) => () => new Worker(devEntry, { workerData: setup });
