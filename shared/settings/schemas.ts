import { z } from 'zod';
import { hasUnshown } from '../text/shown';
import { certificateNumberLimits, defaultCertificateNumberFormat } from '../lifecycle/certificate-number';

export const handbookLimits = { notice: 5000, routine: 1000 } as const;

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
  // 结业证书: the pattern of their 证书编号 (shared/lifecycle/certificate-number.ts), and the share of
  // the class's hours a trainee must have attended (%) to count as having met the requirements.
  certificateNumberFormat: z.string(),
  certificateMinAttendance: z.number().int(),
  // Lodging: nobody alone in a household (每户至少安排 2 人) as a hard rule of the assignment and of
  // moves by hand; off, it is a goal the assignment keeps where it can.
  lodgingTogether: z.boolean(),
  // 学员手册: the school's 开班须知 and 作息时间 (a line each: "08:30—11:30 上午课程"), written once for
  // every class; empty means the default texts of the message tables (handbook.defaultNotice, defaultRoutine).
  handbookNotice: z.string(),
  handbookRoutine: z.string(),
  // The classroom a 座次表 is drawn for: rows of seats (the first row nearest the 主席台), seats per
  // row, and the aisles (an aisle after seat k of each row); the 主席台 drawn at the top of the chart
  // (as the hall sees it) or at the bottom (as the platform sees it).
  classroom: z.object({
    rows: z.number().int(),
    seats: z.number().int(),
    aisles: z.array(z.number().int()),
    podium: z.enum(['top', 'bottom']),
  }),
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
  certificateNumberFormat: defaultCertificateNumberFormat,
  certificateMinAttendance: 80,
  lodgingTogether: false,
  handbookNotice: '',
  handbookRoutine: '',
  classroom: { rows: 6, seats: 8, aisles: [4], podium: 'top' },
};

export const classroomLimits = { rows: 20, seats: 16, aisles: 3 } as const;
export const podiumSides = ['top', 'bottom'] as const;
export type PodiumSide = (typeof podiumSides)[number];

export const settingsPatchSchema = z.strictObject({
  schoolName: z.string().trim().max(60).optional(),
  // Beside every command in the audit log: one line of visible characters, never a name that breaks
  // the line or turns the words after it around.
  operatorName: z
    .string()
    .trim()
    .max(30)
    .refine((name) => !hasUnshown(name), { params: { code: 'invalid_format' } })
    .optional(),
  locale: z.enum(locales).optional(),
  firstRunDone: z.boolean().optional(),
  backupKeep: z.number().int().min(1).max(365).optional(),
  backupKeepDaily: z.number().int().min(0).max(365).optional(),
  backupKeepWeekly: z.number().int().min(0).max(260).optional(),
  backupKeepMonthly: z.number().int().min(0).max(240).optional(),
  autoBackup: z.boolean().optional(),
  // Its placeholders are checked by the core (settings/service.ts), which says what is wrong with them.
  certificateNumberFormat: z
    .string()
    .trim()
    .min(1)
    .max(certificateNumberLimits.length)
    .refine((format) => !hasUnshown(format), { params: { code: 'invalid_format' } })
    .optional(),
  certificateMinAttendance: z.number().int().min(0).max(100).optional(),
  lodgingTogether: z.boolean().optional(),
  handbookNotice: z.string().trim().max(handbookLimits.notice).optional(),
  handbookRoutine: z.string().trim().max(handbookLimits.routine).optional(),
  classroom: z
    .strictObject({
      rows: z.number().int().min(1).max(classroomLimits.rows),
      seats: z.number().int().min(2).max(classroomLimits.seats),
      aisles: z
        .array(
          z
            .number()
            .int()
            .min(1)
            .max(classroomLimits.seats - 1),
        )
        .max(classroomLimits.aisles),
      // A layout saved before the 主席台 could be turned keeps it at the top.
      podium: z.enum(podiumSides).default('top'),
    })
    // An aisle after the last seat is no aisle; two after the same seat are one.
    .refine(({ seats, aisles }) => aisles.every((k) => k < seats) && new Set(aisles).size === aisles.length, {
      path: ['aisles'],
    })
    .optional(),
});
