import type { Handlers } from '../router';

export const jobsHandlers = {
  'jobs.cancel': (core, { jobId }) => ({ cancelled: core.jobs.cancel(jobId) }),
} satisfies Handlers;
