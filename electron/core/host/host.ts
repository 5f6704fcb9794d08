import type { Worker } from 'node:worker_threads';
import { type Channel, contract, isChannel, type OutputOf } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import type { CoreEvent } from '../../../shared/events';
import { message } from '../../../shared/i18n/translate';
import { err, ok, type Result } from '../../../shared/result';
import type { Platform } from '../platform';
import type { FromWorker, ToWorker } from './protocol';

// The side of the core host that runs where the windows are (Electron's main process, the e2e
// harness, the bench). It starts the worker, numbers every call, relays events, answers the worker's
// platform calls, and keeps its promise that every call gets an answer: when the worker dies, every
// pending call is answered with HOST_FAILED and a fresh worker is started — only after the old one
// has exited, so two connections never write the same database.
export type CoreHostOptions = {
  // Starts a worker running host/worker.ts for the data folder.
  spawn: () => Worker;
  platform: Platform;
  emit: (event: CoreEvent) => void;
  log?: (line: string) => void;
  // A worker that keeps dying is not restarted forever: at most this many restarts a minute.
  maxRestartsPerMinute?: number;
};

export type CoreHost = {
  // The untyped door, for IPC and the e2e harness: anything may arrive here.
  handle: (channel: unknown, input: unknown) => Promise<Result<unknown>>;
  call: <C extends Channel>(channel: C, input: unknown) => Promise<Result<OutputOf<C>>>;
  // Resolves once the current worker has opened the data folder; the error if it could not.
  ready: () => Promise<Result<null>>;
  // Stops the worker's jobs, closes the database and ends the worker.
  close: () => Promise<void>;
  restarts: () => number;
  // The jobs under way (an import, an export, a backup), by channel: what quitting would stop.
  running: () => Channel[];
  // Resolves true once no job is under way, or false if one still is after `ms`.
  whenIdle: (ms: number) => Promise<boolean>;
};

type State = 'starting' | 'ready' | 'failed' | 'closing' | 'closed' | 'dead';

const hostFailed = (): AppErrorShape => ({ code: 'HOST_FAILED', message: message('errors.HOST_FAILED') });

export const startCoreHost = (options: CoreHostOptions): CoreHost => {
  const log = options.log ?? (() => undefined);
  const limit = options.maxRestartsPerMinute ?? 3;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const restartTimes: number[] = [];
  let restarts = 0;
  let nextId = 0;
  let state: State = 'starting';
  let failure: AppErrorShape | undefined;
  let readyWaiters: ((result: Result<null>) => void)[] = [];
  let closed: (() => void) | undefined;
  let worker: Worker;
  const jobs = new Map<number, Channel>();
  let idleWaiters: (() => void)[] = [];
  const jobDone = (id: number) => {
    if (!jobs.delete(id) || jobs.size > 0) return;
    for (const waiter of idleWaiters) waiter();
    idleWaiters = [];
  };

  const settleReady = (result: Result<null>) => {
    for (const waiter of readyWaiters) waiter(result);
    readyWaiters = [];
  };

  const answerAll = (error: AppErrorShape) => {
    for (const resolve of pending.values()) resolve(err(error));
    pending.clear();
  };

  const runPlatform = async (current: Worker, request: Extract<FromWorker, { type: 'platform' }>) => {
    let result: Result<unknown>;
    try {
      // The request names one method with that method's own arguments (see PlatformRequest).
      const method = options.platform[request.method] as (...args: unknown[]) => Promise<unknown>;
      result = ok(await method(...request.args));
    } catch (error) {
      const shape =
        typeof error === 'object' && error !== null && 'toShape' in error && typeof error.toShape === 'function'
          ? (error.toShape() as AppErrorShape)
          : { code: 'INTERNAL' as const, message: error instanceof Error ? error.message : String(error) };
      result = err(shape);
    }
    // A worker that died while the dialog was open no longer listens.
    if (current === worker && state !== 'closed' && state !== 'dead')
      current.postMessage({ type: 'platformResult', id: request.id, result } satisfies ToWorker);
  };

  const start = () => {
    state = 'starting';
    failure = undefined;
    const current = options.spawn();
    worker = current;
    current.on('message', (incoming: FromWorker) => {
      if (current !== worker) return;
      switch (incoming.type) {
        case 'ready':
          state = 'ready';
          settleReady(ok(null));
          return;
        case 'failed':
          state = 'failed';
          failure = incoming.error;
          settleReady(err(incoming.error));
          return;
        case 'result':
          pending.get(incoming.id)?.(incoming.result);
          pending.delete(incoming.id);
          return;
        case 'event':
          options.emit(incoming.event);
          return;
        case 'platform':
          void runPlatform(current, incoming);
          return;
        case 'closed':
          return;
      }
    });
    current.on('error', (error) => log(`core worker error: ${error.stack ?? error.message}`));
    current.on('exit', (code) => {
      if (current !== worker) return;
      answerAll(failure ?? hostFailed());
      if (state === 'closing') {
        state = 'closed';
        closed?.();
        return;
      }
      // A data folder that cannot be opened will not open on a second try either.
      if (state === 'failed') return;
      log(`core worker exited (${code}) with calls in flight; restarting`);
      const now = Date.now();
      restartTimes.push(now);
      while (restartTimes.length > 0 && (restartTimes[0] ?? 0) < now - 60_000) restartTimes.shift();
      if (restartTimes.length > limit) {
        state = 'dead';
        failure = hostFailed();
        settleReady(err(failure));
        return;
      }
      restarts += 1;
      start();
    });
  };

  const handle = (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (state === 'failed' || state === 'dead' || state === 'closing' || state === 'closed')
      return Promise.resolve(err(failure ?? hostFailed()));
    nextId += 1;
    const id = nextId;
    if (isChannel(channel) && contract[channel].kind === 'job') jobs.set(id, channel);
    return new Promise((resolve) => {
      pending.set(id, (result) => {
        resolve(result);
        jobDone(id);
      });
      try {
        worker.postMessage({ type: 'call', id, channel, input } satisfies ToWorker);
      } catch {
        // Something that cannot travel between threads (a function, a symbol) is not an input.
        pending.delete(id);
        jobDone(id);
        resolve(err({ code: 'INVALID_INPUT', message: message('errors.INVALID_INPUT') }));
      }
    });
  };

  start();

  return {
    handle,
    call: <C extends Channel>(channel: C, input: unknown) => handle(channel, input) as Promise<Result<OutputOf<C>>>,
    ready: () => {
      if (state === 'ready') return Promise.resolve(ok(null));
      if (state !== 'starting') return Promise.resolve(err(failure ?? hostFailed()));
      return new Promise((resolve) => readyWaiters.push(resolve));
    },
    close: () => {
      if (state === 'closed') return Promise.resolve();
      const exited = new Promise<void>((resolve) => {
        closed = resolve;
      });
      const current = worker;
      state = 'closing';
      current.postMessage({ type: 'close' } satisfies ToWorker);
      // A worker stuck in a long synchronous step is stopped after a grace period: SQLite rolls back
      // whatever transaction it had open.
      const force = setTimeout(() => void current.terminate(), 30_000);
      return exited.finally(() => clearTimeout(force));
    },
    restarts: () => restarts,
    running: () => [...jobs.values()],
    whenIdle: (ms) =>
      jobs.size === 0
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            const timer = setTimeout(() => {
              idleWaiters = idleWaiters.filter((waiter) => waiter !== done);
              resolve(false);
            }, ms);
            const done = () => {
              clearTimeout(timer);
              resolve(true);
            };
            idleWaiters.push(done);
          }),
  };
};
