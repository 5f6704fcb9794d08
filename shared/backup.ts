import { z } from 'zod';
import { absolutePath } from './paths';

export const backupReasons = ['manual', 'daily', 'close', 'before-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

export const backupCountsSchema = z.object({
  classes: z.number().int(),
  trainees: z.number().int(),
  enrolments: z.number().int(),
  files: z.number().int(),
});

export const backupInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(backupReasons),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: backupCountsSchema,
  bytes: z.number().int(),
});
export type BackupInfo = z.output<typeof backupInfoSchema>;

const id = z.string().max(100).optional();

export const backupSchemas = {
  // Into another folder than the usual one (the CLI's --out).
  create: z.strictObject({
    dir: absolutePath().optional(),
    reason: z.enum(['manual', 'daily', 'close']).default('manual'),
    jobId: id,
  }),
  list: z.strictObject({}),
  inspect: z.strictObject({ path: absolutePath() }),
  restore: z.strictObject({ path: absolutePath(), jobId: id }),
};

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
