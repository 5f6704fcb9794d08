import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import { cancelled } from '../../jobs/cancelled';
import type { ExtractedDocument } from '../../../../shared/reports/schemas';
import type { ArchiveReading, ParseAnswer, ParsedWorkbook, ParseJob, ParseProgress, ParseRequest, ReadArchive } from './protocol';
import { refuseFile } from '../../files/refusal';

// The core's way to read a file that comes from outside: in a worker thread of its own, one file at a
// time, under a deadline that grows with the file's size and a heap that cannot grow past a limit.
// A worker that overruns either is terminated (the person is told the file cannot be read) and the
// next file gets a fresh one; the core's thread never runs a parser, so it never hangs on one.

export type ParserLimits = {
  // How long a file of this many bytes may take to read, once the worker has it.
  deadlineMs: (bytes: number) => number;
  // The worker's heap (V8's old generation), in MB.
  memoryMb: number;
};

// Reading a roster of 10,000 people (about 1 MB) takes well under a second; ten times the slowest
// honest reading measured (an .xls through SheetJS, about half a second per MB) leaves room for a
// busy machine, and still stops a file that loops within seconds.
export const parserLimits: ParserLimits = {
  deadlineMs: (bytes) => 5000 + Math.ceil((bytes / (1024 * 1024)) * 5000),
  memoryMb: 1024,
};

export type Parser = {
  workbook: (path: string, signal?: AbortSignal) => Promise<ParsedWorkbook>;
  // A report's text (and what the file is, by its bytes).
  document: (path: string, signal?: AbortSignal) => Promise<ExtractedDocument>;
  // A class archive, checked, with what `reading` asks of its files (their texts, their bytes); the
  // reading's progress is told as it goes. The deadline grows with the package's size, as for any file.
  archive: (path: string, reading: ArchiveReading, signal?: AbortSignal, progress?: ParseProgress) => Promise<ReadArchive>;
  // Stops the worker now (an idle worker never keeps the process alive, and ends with its thread).
  close: () => Promise<void>;
};

// From the sources the parser is started through tsx (dev-entry.mjs); the built app passes the path
// of its parse-worker.js instead. A plain path (not new URL(…, import.meta.url)): bundlers rewrite those.
export const sourceParserEntry = join(dirname(fileURLToPath(import.meta.url)), 'dev-entry.mjs');

type Running = { worker: Worker; ready: Promise<void>; exited: boolean };

export const parserPool = (entry: string, limits: ParserLimits = parserLimits): Parser => {
  let running: Running | undefined;
  let next = 0;
  // One file at a time: each read waits for the one before it.
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Running => {
    const worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } });
    const started: Running = {
      worker,
      exited: false,
      ready: new Promise<void>((resolve, reject) => {
        worker.once('message', (answer: ParseAnswer) => (answer.type === 'ready' ? resolve() : reject(new Error('no ready'))));
        worker.once('error', reject);
        worker.once('exit', () => reject(new Error('exited before ready')));
      }),
    };
    worker.once('exit', () => {
      started.exited = true;
      if (running === started) running = undefined;
    });
    return started;
  };

  // Past its heap the worker is stopped by V8 (ERR_WORKER_OUT_OF_MEMORY); anything else that ends
  // it is the file's doing too, said in the same words.
  const failed = (error: unknown, name: string) =>
    error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? refuseFile('import.outOfMemory', { name, megabytes: limits.memoryMb })
      : refuseFile('import.unreadable', { name });

  const stop = (which: Running) => {
    if (running === which) running = undefined;
    void which.worker.terminate();
  };

  const read = async <T>(
    request: ParseJob,
    signal: AbortSignal | undefined,
    // The answer's payload, from an answer of the kind asked for.
    take: (answer: ParseAnswer) => T | undefined,
    progress?: ParseProgress,
  ): Promise<T> => {
    const name = basename(request.path);
    let bytes = 0;
    try {
      bytes = statSync(request.path).size;
    } catch {
      // The worker says so, in the words of the reader.
    }
    if (signal?.aborted) throw cancelled();
    const current = running && !running.exited ? running : (running = start());
    // Held while it works; an idle parser does not keep the CLI (or a test) from exiting.
    current.worker.ref();
    try {
      await current.ready;
    } catch (error) {
      stop(current);
      throw failed(error, name);
    }
    next += 1;
    const id = next;
    const deadline = limits.deadlineMs(bytes);
    return new Promise<T>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        current.worker.off('message', onMessage);
        current.worker.off('error', onError);
        current.worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        current.worker.unref();
        outcome();
      };
      const onMessage = (answer: ParseAnswer) => {
        if (answer.type === 'ready' || answer.id !== id) return;
        if (answer.type === 'progress') return progress?.(answer.phase, answer.done, answer.total);
        const taken = take(answer);
        if (taken !== undefined) settle(() => resolve(taken));
        else if (answer.type === 'refused')
          settle(() => reject(new AppError(answer.error.code, answer.error.message, answer.error.details)));
      };
      const onError = (error: unknown) => {
        stop(current);
        settle(() => reject(failed(error, name)));
      };
      const onExit = () => settle(() => reject(refuseFile('import.unreadable', { name })));
      const onAbort = () => {
        stop(current);
        settle(() => reject(cancelled()));
      };
      const timer = setTimeout(() => {
        stop(current);
        settle(() => reject(refuseFile('import.overrun', { name, seconds: Math.round(deadline / 1000) })));
      }, deadline);
      current.worker.on('message', onMessage);
      current.worker.on('error', onError);
      current.worker.on('exit', onExit);
      signal?.addEventListener('abort', onAbort);
      current.worker.postMessage({ ...request, id } satisfies ParseRequest);
    });
  };

  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    workbook: (path, signal) =>
      queued(() =>
        read({ kind: 'workbook', path }, signal, (answer) => (answer.type === 'parsed' ? answer.workbook : undefined)),
      ),
    document: (path, signal) =>
      queued(() =>
        read({ kind: 'document', path }, signal, (answer) => (answer.type === 'extracted' ? answer.document : undefined)),
      ),
    archive: (path, reading, signal, progress) =>
      queued(() =>
        read(
          { kind: 'archive', path, ...reading },
          signal,
          (answer) => (answer.type === 'archive' ? answer.archive : undefined),
          progress,
        ),
      ),
    close: async () => {
      const last = running;
      running = undefined;
      if (last) await last.worker.terminate();
    },
  };
};

// One parser per process (per entry and limits): every data folder a process opens (the CLI's, a
// test's) reads through the same warm worker, as the app's one core does all session.
const shared = new Map<ParserLimits, Map<string, Parser>>();

export const sharedParser = (entry: string, limits: ParserLimits = parserLimits): Parser => {
  const byEntry = shared.get(limits) ?? new Map<string, Parser>();
  shared.set(limits, byEntry);
  const found = byEntry.get(entry);
  if (found) return found;
  const made = parserPool(entry, limits);
  byEntry.set(entry, made);
  return made;
};
