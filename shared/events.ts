// The stages long work goes through, as the progress bar names them.
export const jobPhases = ['read', 'check', 'prepare', 'write', 'backup', 'files', 'restore', 'integrity', 'hash'] as const;
export type JobPhase = (typeof jobPhases)[number];

// Events the core sends while it works; the window shows them as progress bars.
export type JobProgress = {
  type: 'job.progress';
  jobId: string;
  phase: JobPhase;
  done: number;
  total: number;
};

export type CoreEvent = JobProgress;
