import { z } from 'zod';
import { backupCountsSchema } from '../backup/schemas';

export const checkReportSchema = z.object({
  ok: z.boolean(),
  integrity: z.array(z.string()),
  foreignKeys: z.array(z.object({ table: z.string(), rowid: z.number().nullable(), parent: z.string() })),
  files: z.object({
    checked: z.number().int(),
    missing: z.array(z.string()),
    mismatched: z.array(z.string()),
    orphans: z.array(z.string()),
    leftovers: z.array(z.string()),
  }),
  counts: backupCountsSchema,
});
export type CheckReport = z.output<typeof checkReportSchema>;
