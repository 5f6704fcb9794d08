import { z } from 'zod';
import { jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';

export const backupReasons = ['manual', 'daily', 'close', 'before-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

export const backupCountsSchema = z.object({
  classes: z.number().int(),
  trainees: z.number().int(),
  enrolments: z.number().int(),
  files: z.number().int(),
});

// Why a backup is kept (see backup/retention.ts in the core).
export const keepRules = ['last', 'daily', 'weekly', 'monthly', 'protected'] as const;
export type KeepRule = (typeof keepRules)[number];

export const backupInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(backupReasons),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: backupCountsSchema,
  // The database it was made from (a random id of the database's own, in its settings): how backups of
  // two data folders sharing one backup folder are told apart. Backups made before ids have none.
  databaseId: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  bytes: z.number().int(),
  // In the backup list: the retention rules that keep it.
  keptBy: z.array(z.enum(keepRules)).optional(),
  // In the backup list and a backup inspected: made from another database (another data folder or
  // workstation using the same backup folder). This database's rules neither keep nor delete it.
  otherDatabase: z.boolean().optional(),
});
export type BackupInfo = z.output<typeof backupInfoSchema>;

// A backup in the backup folder is named by its folder's name; one elsewhere by a folder the person
// chose in a dialog (a restoreFrom grant).
// (Older backups have no milliseconds or counter in their names.)
export const backupNamePattern = /^cadre-backup-\d{8}-\d{6}(-\d{3})?(-\d+)?-(manual|daily|close|before-restore)$/;
const backupName = z.string().refine((value) => backupNamePattern.test(value), { params: { code: 'invalid_format' } });

const sourceFields = { backup: backupName.optional(), grant: grantSchema.optional() };
const oneSource = (value: { backup?: string | undefined; grant?: string | undefined }, ctx: z.RefinementCtx) => {
  if ((value.backup === undefined) === (value.grant === undefined))
    ctx.addIssue({ code: 'custom', path: ['backup'], params: { code: 'required' } });
};

export const backupSchemas = {
  // Into another folder than the usual one (the CLI's --out): a folder grant.
  create: z.strictObject({
    folder: grantSchema.optional(),
    reason: z.enum(['manual', 'daily', 'close']).default('manual'),
    jobId: jobIdSchema,
  }),
  list: z.strictObject({}),
  inspect: z.strictObject(sourceFields).superRefine(oneSource),
  restore: z.strictObject({ ...sourceFields, jobId: jobIdSchema }).superRefine(oneSource),
  // The backup folder is only ever changed through the folder dialog; null goes back to the default.
  setFolder: z.strictObject({ grant: grantSchema.nullable() }),
};

export type BackupSource = { backup?: string | undefined; grant?: string | undefined };
