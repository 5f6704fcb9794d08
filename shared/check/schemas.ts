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
    // Stored files no record refers to any more: no fault; removed once a backup holds them.
    unreferenced: z.array(z.string()),
  }),
  counts: backupCountsSchema,
});
export type CheckReport = z.output<typeof checkReportSchema>;

// What 清理 removed: stored files nothing referred to (and their bytes), those still waiting for a
// backup to hold them, and the strays of files/ (a crash's, a restore's, temporary files).
export const cleanResultSchema = z.object({
  removed: z.number().int(),
  bytes: z.number().int(),
  waiting: z.number().int(),
  strays: z.number().int(),
});
export type CleanResult = z.output<typeof cleanResultSchema>;
