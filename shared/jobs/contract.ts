import { z } from 'zod';
import { query } from '../channel';

export const jobsContract = {
  // Asks a running job to stop at its next safe point; a job that has finished answers as it was.
  'jobs.cancel': query(
    z.strictObject({ jobId: z.string().regex(/^[A-Za-z0-9-]{1,100}$/) }),
    z.object({ cancelled: z.boolean() }),
  ),
};
