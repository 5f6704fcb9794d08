import { randomUUID } from 'node:crypto';

// The jobs running in one core, by the id the page (or the CLI) gave them, so they can be cancelled.
export type RunningJobs = {
  start: (jobId: string | undefined) => { signal: AbortSignal; finish: () => void };
  cancel: (jobId: string) => boolean;
  cancelAll: () => number;
};

export const runningJobs = (): RunningJobs => {
  const running = new Map<string, AbortController>();
  return {
    start: (jobId) => {
      const key = jobId ?? randomUUID();
      const controller = new AbortController();
      running.set(key, controller);
      return { signal: controller.signal, finish: () => running.delete(key) };
    },
    cancel: (jobId) => {
      const controller = running.get(jobId);
      controller?.abort();
      return controller !== undefined;
    },
    cancelAll: () => {
      for (const controller of running.values()) controller.abort();
      return running.size;
    },
  };
};
