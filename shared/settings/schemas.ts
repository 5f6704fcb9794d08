import { z } from 'zod';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

export const settingsSchema = z.object({
  schoolName: z.string(),
  // The name of the person at this workstation, written beside each command in the audit log (the
  // operating system's account name is kept as a detail).
  operatorName: z.string(),
  locale: z.enum(locales),
  firstRunDone: z.boolean(),
  // Backups: where (empty = the data folder's backups/), which to keep (the newest N, then one a day,
  // a week and a month for so many of each), whether daily and on close.
  backupDir: z.string(),
  backupKeep: z.number().int(),
  backupKeepDaily: z.number().int(),
  backupKeepWeekly: z.number().int(),
  backupKeepMonthly: z.number().int(),
  autoBackup: z.boolean(),
  lastBackupAt: z.string(),
});

export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  schoolName: '',
  operatorName: '',
  locale: 'zh-CN',
  firstRunDone: false,
  backupDir: '',
  backupKeep: 10,
  backupKeepDaily: 14,
  backupKeepWeekly: 8,
  backupKeepMonthly: 12,
  autoBackup: true,
  lastBackupAt: '',
};

export const settingsPatchSchema = z.strictObject({
  schoolName: z.string().trim().max(60).optional(),
  operatorName: z.string().trim().max(30).optional(),
  locale: z.enum(locales).optional(),
  firstRunDone: z.boolean().optional(),
  backupKeep: z.number().int().min(1).max(365).optional(),
  backupKeepDaily: z.number().int().min(0).max(365).optional(),
  backupKeepWeekly: z.number().int().min(0).max(260).optional(),
  backupKeepMonthly: z.number().int().min(0).max(240).optional(),
  autoBackup: z.boolean().optional(),
});
