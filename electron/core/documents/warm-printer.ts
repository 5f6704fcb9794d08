// The printer a PDF export uses (Electron's hidden print window, the CLI's headless Chromium), kept
// warm between documents: starting it costs more than printing a 签到表, so the first print starts it
// and the next ones reuse it. Each document still gets a fresh page of its own (see the platforms).
// Prints run one after another, so two exports never share a page. After `idleMs` without a print it
// is closed; the timer never keeps a process alive (the CLI exits when its work is done), and
// `dispose` closes it when the core closes, after the prints under way.
export type WarmPrinter<T> = {
  use: <R>(work: (printer: T) => Promise<R>) => Promise<R>;
  dispose: () => Promise<void>;
};

export const warmPrinter = <T>(options: {
  start: () => Promise<T>;
  close: (printer: T) => Promise<void> | void;
  // False once the printer died on its own (a crashed browser, a destroyed window): started anew.
  alive: (printer: T) => boolean;
  idleMs: number;
}): WarmPrinter<T> => {
  let current: Promise<T> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let idle: NodeJS.Timeout | undefined;

  const release = async () => {
    const held = current;
    current = undefined;
    const printer = await held?.catch(() => undefined);
    if (printer === undefined || !options.alive(printer)) return;
    try {
      await options.close(printer);
    } catch {
      // Closing fails only for a printer that is going or gone already: nothing is left to close.
    }
  };

  const dispose = (): Promise<void> => {
    clearTimeout(idle);
    const done = queue.then(release, release);
    queue = done.catch(() => undefined);
    return done;
  };

  const use = <R>(work: (printer: T) => Promise<R>): Promise<R> => {
    clearTimeout(idle);
    waiting += 1;
    const run = queue.then(async () => {
      const held = await current?.catch(() => undefined);
      if (held === undefined || !options.alive(held)) current = options.start();
      return work(await (current as Promise<T>));
    });
    queue = run
      .catch(() => undefined)
      .finally(() => {
        waiting -= 1;
        if (waiting > 0) return;
        idle = setTimeout(() => void dispose(), options.idleMs);
        idle.unref();
      });
    return run;
  };

  return { use, dispose };
};
