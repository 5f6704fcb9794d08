import type { MessagePort } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { err, type Result } from '../../../shared/result';
import { openCoreOrRecover, type OpenedCore } from '../open';
import type { Platform, PlatformMethod } from '../platform';
import { type FromWorker, platformTimeouts, type PlatformRequest, type ToWorker, type WorkerSetup } from './protocol';

type Port = Pick<MessagePort, 'postMessage' | 'on'>;

const shapeOf = (error: unknown): AppErrorShape =>
  error instanceof AppError ? error.toShape() : { code: 'INTERNAL', message: message('errors.INTERNAL') };

// The platform as the worker sees it: each call goes to the host over the port and waits, at most
// as long as that kind of call may take, for its answer.
const remotePlatform = (
  post: (message: FromWorker) => void,
  pending: Map<number, (result: Result<unknown>) => void>,
  timeouts: Record<PlatformMethod, number>,
): Platform => {
  let next = 0;
  const request = (call: PlatformRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      next += 1;
      const id = next;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new AppError('INVALID_STATE', message('platform.timeout')));
      }, timeouts[call.method]);
      pending.set(id, (result) => {
        clearTimeout(timer);
        pending.delete(id);
        if (result.ok) resolve(result.value);
        else reject(new AppError(result.error.code, result.error.message, result.error.details));
      });
      post({ type: 'platform', id, ...call });
    });
  // Each method forwards its own arguments; the answer is what main's implementation returned.
  const forward =
    <M extends PlatformMethod>(method: M) =>
    (...args: Parameters<Platform[M]>) =>
      request({ method, args } as PlatformRequest) as ReturnType<Platform[M]>;
  return {
    chooseOpenFile: forward('chooseOpenFile'),
    chooseSaveFile: forward('chooseSaveFile'),
    chooseOpenFiles: forward('chooseOpenFiles'),
    chooseFolder: forward('chooseFolder'),
    showInFolder: forward('showInFolder'),
    openFile: forward('openFile'),
    useDataFolder: forward('useDataFolder'),
    printToPdf: forward('printToPdf'),
    printDocument: forward('printDocument'),
    confirmRecovery: forward('confirmRecovery'),
  };
};

// The worker's side: opens the data folder, answers calls through the one router, forwards events
// and platform calls, and closes the database when asked (after stopping and awaiting its jobs).
export const serveCore = (port: Port, setup: WorkerSetup): void => {
  const post = (out: FromWorker) => port.postMessage(out);
  const platformAnswers = new Map<number, (result: Result<unknown>) => void>();
  const platform = remotePlatform(post, platformAnswers, { ...platformTimeouts, ...setup.platformTimeouts });
  const inFlight = new Set<Promise<unknown>>();
  let failure: AppErrorShape | undefined;

  const opening: Promise<OpenedCore | undefined> = openCoreOrRecover({
    dataDir: setup.dataDir,
    nativeBinding: setup.nativeBinding,
    parserEntry: setup.parserEntry,
    dataDirMustExist: setup.dataDirMustExist,
    platform,
    emit: (event) => post({ type: 'event', event }),
  }).then(
    (opened) => {
      post({ type: 'ready' });
      return opened;
    },
    (error: unknown) => {
      failure = shapeOf(error);
      post({ type: 'failed', error: failure });
      return undefined;
    },
  );

  const answer = async (id: number, channel: unknown, input: unknown) => {
    const opened = await opening;
    const result = opened ? await opened.router.handle(channel, input) : err(failure ?? shapeOf(undefined));
    post({ type: 'result', id, result });
  };

  const close = async () => {
    const opened = await opening;
    opened?.core.jobs.cancelAll();
    await Promise.allSettled(inFlight);
    opened?.close();
    post({ type: 'closed' });
    process.exit(0);
  };

  port.on('message', (incoming: ToWorker) => {
    if (incoming.type === 'call') {
      const work = answer(incoming.id, incoming.channel, incoming.input);
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    } else if (incoming.type === 'platformResult') platformAnswers.get(incoming.id)?.(incoming.result);
    else if (incoming.type === 'close') void close();
  });
};
