// Events the core sends while it works; the window shows them as progress bars.
export type JobProgress = {
  type: 'job.progress';
  jobId: string;
  phase: string;
  done: number;
  total: number;
};

export type CoreEvent = JobProgress;
