import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerSetup } from './protocol';
import { serveCore } from './serve';

// The core host's entry: a worker thread started by electron/main (or by the e2e harness and the
// bench), owning the one database connection of its data folder.
if (!parentPort) throw new Error('the core host runs as a worker thread');
serveCore(parentPort, workerData as WorkerSetup);
