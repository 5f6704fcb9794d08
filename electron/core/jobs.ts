import type { Core } from './context';

// Long work reports where it is and lets the event loop breathe, so the window stays responsive
// and shows a progress bar. Jobs are the router's third kind of channel, beside queries and commands.
export type Job = {
  progress: (phase: string, done: number, total: number) => void;
  pause: () => Promise<void>;
};

export const startJob = (core: Core, jobId: string | undefined): Job => ({
  progress: (phase, done, total) => {
    if (jobId) core.emit({ type: 'job.progress', jobId, phase, done, total });
  },
  pause: () => new Promise((resolve) => setImmediate(resolve)),
});

// Runs `step` over `items` in slices, reporting progress between them.
export const inSlices = async <T>(
  job: Job,
  phase: string,
  items: readonly T[],
  step: (item: T, index: number) => void,
  slice = 500,
): Promise<void> => {
  for (let start = 0; start < items.length; start += slice) {
    const end = Math.min(items.length, start + slice);
    for (let i = start; i < end; i += 1) step(items[i] as T, i);
    job.progress(phase, end, items.length);
    await job.pause();
  }
};
