import { useState } from 'react';
import type { JobProgress } from '../../../shared/events';
import { api } from '../api';

export type Working = { label: string; jobId: string; progress?: JobProgress };

// Long work the page started: its label, where it is, and a way to stop it. One job at a time per
// screen; the core stops it at its next safe point and leaves data and files as they were.
export const useJob = () => {
  const [working, setWorking] = useState<Working>();

  const run = async <T>(label: string, start: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = crypto.randomUUID();
    setWorking({ label, jobId });
    const stop = window.api.onEvent((event) => {
      if (event.type === 'job.progress' && event.jobId === jobId) setWorking({ label, jobId, progress: event });
    });
    try {
      return await start(jobId);
    } finally {
      stop();
      setWorking(undefined);
    }
  };

  const cancel = () => {
    if (working) void api.jobs.cancel({ jobId: working.jobId });
  };

  return { working, run, cancel };
};
