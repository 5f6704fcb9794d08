import { jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';
import { z } from 'zod';

export const appWarnings = ['network_drive'] as const;

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  firstRun: z.boolean(),
  classCount: z.number().int(),
  warnings: z.array(z.enum(appWarnings)),
});

export type AppInfo = z.output<typeof appInfoSchema>;

export const appSchemas = {
  useDataFolder: z.strictObject({ folder: grantSchema, jobId: jobIdSchema }),
};
