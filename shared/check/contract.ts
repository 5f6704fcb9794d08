import { z } from 'zod';
import { job, jobIdSchema } from '../channel';
import { checkReportSchema, cleanResultSchema } from './schemas';

export const checkContract = {
  'check.run': job(z.strictObject({ jobId: jobIdSchema }), checkReportSchema, { quiet: true }),
  'check.clean': job(z.strictObject({ jobId: jobIdSchema }), cleanResultSchema),
};
