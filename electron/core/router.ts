import { type Channel, type Contract, contract, isChannel, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { AppError, type AppErrorShape } from '../../shared/errors';
import { message } from '../../shared/i18n/translate';
import { err, ok, type Result } from '../../shared/result';
import { findRawPath } from '../../shared/files/raw-path';
import { fieldIssue, invalidInput, parseInput } from '../../shared/validation';
import type { Core } from './context';
import { type Job, startJob } from './jobs/job';
import { readsOf, writesOf } from './db/touched';

// Commands run inside the router's transaction and so must finish synchronously; queries and jobs
// may wait (for a dialog, for Chromium to print a PDF).
export type Handler<C extends Channel> = (
  core: Core,
  input: ParsedInputOf<C>,
  job: Job,
) => Contract[C]['kind'] extends 'command' ? OutputOf<C> : OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers = { readonly [C in Channel]?: Handler<C> };

export type Router = {
  // The typed door, for code that knows its channel at compile time.
  call: <C extends Channel>(channel: C, input: unknown) => Promise<Result<OutputOf<C>>>;
  // The untyped door, for IPC, the CLI and the test harness: anything may arrive here.
  handle: (channel: unknown, input: unknown) => Promise<Result<unknown>>;
};

const sqliteCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_')
    ? error.code
    : undefined;

const toShape = (core: Core, channel: string, error: unknown): AppErrorShape => {
  if (error instanceof AppError) return error.toShape();
  const code = sqliteCode(error);
  if (code?.startsWith('SQLITE_CONSTRAINT')) {
    // A constraint the service should have checked first: report it, but as a conflict, not a crash.
    core.log.error(`constraint on ${channel}`, error);
    return { code: 'CONFLICT', message: message('errors.CONFLICT'), details: { sqlite: code } };
  }
  core.log.error(`failure on ${channel}`, error);
  return { code: 'INTERNAL', message: message('errors.INTERNAL') };
};

const jobIdOf = (input: unknown): string | undefined =>
  typeof input === 'object' && input !== null && 'jobId' in input && typeof input.jobId === 'string' ? input.jobId : undefined;

// Queries and commands finish in one go: nothing can ask them to stop.
const unstoppable = new AbortController();

// Builds the one handler table. Every contract channel must have exactly one handler: a duplicate
// or a missing name is a programming error found at start-up, not at the first click.
export const createRouter = (core: Core, tables: readonly Handlers[]): Router => {
  const table = new Map<Channel, (core: Core, input: never, job: Job) => unknown>();
  for (const handlers of tables) {
    for (const [name, handler] of Object.entries(handlers)) {
      if (!isChannel(name)) throw new Error(`handler for a channel the contract does not know: ${name}`);
      if (table.has(name)) throw new Error(`two handlers for one channel: ${name}`);
      if (handler) table.set(name, handler);
    }
  }
  const missing = Object.keys(contract).filter((name) => !isChannel(name) || !table.has(name));
  if (missing.length > 0) throw new Error(`channels without a handler: ${missing.join(', ')}`);

  const handle = async (channel: unknown, rawInput: unknown): Promise<Result<unknown>> => {
    if (!isChannel(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
      return err({ code: 'UNKNOWN_CHANNEL', message: message('errors.UNKNOWN_CHANNEL', { channel: name }) });
    }
    const spec = contract[channel];
    const handler = table.get(channel);
    try {
      if (!handler) throw new Error(`no handler: ${channel}`);
      // Files are named by grants, never by paths: a value that is a path is refused before any
      // handler runs, so that nothing is read or written on its account.
      const rawPath = findRawPath(rawInput);
      if (rawPath) throw invalidInput([fieldIssue(rawPath.join('.'), 'raw_path')]);
      // The table erases each handler's input type; parsing by the same channel's schema restores it.
      const input = parseInput(spec.input, rawInput ?? {}) as never;
      // Each answer says which domains the call read or wrote (db/touched.ts), so that the page reloads
      // only the screens a write concerns.
      if (spec.kind === 'query') {
        const reads = readsOf(core, channel);
        try {
          return {
            ...ok(await handler(core, input, startJob(core, channel, undefined, unstoppable.signal))),
            read: reads.stop(),
          };
        } finally {
          reads.stop();
        }
      }
      const writes = writesOf(core, channel);
      if (spec.kind === 'command') {
        const job = startJob(core, channel, undefined, unstoppable.signal);
        // A command is one transaction: it lands whole or not at all.
        return { ...ok(job.transaction(() => handler(core, input, job))), wrote: writes.stop() };
      }
      const jobId = jobIdOf(input);
      const running = core.jobs.start(jobId);
      try {
        return { ...ok(await handler(core, input, startJob(core, channel, jobId, running.signal))), wrote: writes.stop() };
      } finally {
        running.finish();
      }
    } catch (error) {
      return err(toShape(core, channel, error));
    }
  };

  return {
    handle,
    call: <C extends Channel>(channel: C, input: unknown) => handle(channel, input) as Promise<Result<OutputOf<C>>>,
  };
};
