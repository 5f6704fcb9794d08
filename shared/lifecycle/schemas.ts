import { z } from 'zod';
import { idSchema, jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';
import { satisfactions } from '../surveys/schemas';

// Closing a class (结业): what must be there first, and the figures its summary reports.

export const checkItems = ['roster', 'attendance', 'reports', 'reviews', 'surveys'] as const;
export type CheckItem = (typeof checkItems)[number];

export const checklistSchema = z.object({
  ready: z.boolean(),
  items: z.array(
    z.object({
      item: z.enum(checkItems),
      done: z.boolean(),
      // What is missing, in a sentence (empty when done).
      missing: z.string(),
    }),
  ),
});
export type Checklist = z.output<typeof checklistSchema>;

const named = z.object({ name: z.string(), count: z.number().int() });
const hours = z.object({ name: z.string(), hours: z.number(), sessions: z.number().int() });

export const classFiguresSchema = z.object({
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  days: z.number().int(),
  trainees: z.number().int(),
  male: z.number().int(),
  female: z.number().int(),
  units: z.array(named),
  sessions: z.number().int(),
  totalHours: z.number(),
  modules: z.array(hours),
  formats: z.array(hours),
  sites: z.array(z.string()),
  stays: z.number().int(),
  stayNights: z.number().int(),
  labourHours: z.number(),
  attendanceRate: z.number().nullable(),
  reports: z.number().int(),
  excellent: z.array(z.object({ title: z.string(), authors: z.string() })),
  satisfaction: z.array(
    z.object({
      satisfaction: z.enum(satisfactions),
      responses: z.number().int(),
      mean: z.number().nullable(),
      satisfiedRate: z.number().nullable(),
    }),
  ),
});
export type ClassFigures = z.output<typeof classFiguresSchema>;

// 结业证书 go to those who met the class's requirements; the person sees who has not, and why, and
// chooses. Each reason is one of these, with its sentence ("缺勤 2 次").
export const certificateReasons = ['noReport', 'reportFailed', 'absent', 'attendance', 'fourTogethers'] as const;
export type CertificateReason = (typeof certificateReasons)[number];

export const certificateCandidatesSchema = z.object({
  // What could not be checked for the whole class (no attendance taken at all …).
  warnings: z.array(z.string()),
  // In roster order (姓氏笔画), each with the 证书编号 their certificate carries.
  people: z.array(
    z.object({
      traineeId: z.number().int(),
      name: z.string(),
      unit: z.string(),
      number: z.string(),
      met: z.boolean(),
      reasons: z.array(z.object({ reason: z.enum(certificateReasons), text: z.string() })),
    }),
  ),
});
export type CertificateCandidates = z.output<typeof certificateCandidatesSchema>;

export const closingSchemas = {
  check: z.strictObject({ classId: idSchema }),
  figures: z.strictObject({ classId: idSchema }),
  export: z.strictObject({ classId: idSchema, grant: grantSchema, jobId: jobIdSchema }),
  candidates: z.strictObject({ classId: idSchema }),
  // The trainees chosen for a certificate: each on the class's roster, once (checked by the core,
  // which names who is wrong).
  certificates: z.strictObject({
    classId: idSchema,
    grant: grantSchema,
    jobId: jobIdSchema,
    traineeIds: z.array(idSchema).max(10_000),
  }),
  // The study hours go up to a cadre-training platform, which knows people by their full 身份证号:
  // masked unless the person ticks it in (and the log says so).
  hours: z.strictObject({ classId: idSchema, grant: grantSchema, jobId: jobIdSchema, fullIdNumber: z.boolean().default(false) }),
};
