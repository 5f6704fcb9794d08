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

export const closingSchemas = {
  check: z.strictObject({ classId: idSchema }),
  figures: z.strictObject({ classId: idSchema }),
  export: z.strictObject({ classId: idSchema, grant: grantSchema, jobId: jobIdSchema }),
  // The study hours go up to a cadre-training platform, which knows people by their full 身份证号:
  // masked unless the person ticks it in (and the log says so).
  hours: z.strictObject({ classId: idSchema, grant: grantSchema, jobId: jobIdSchema, fullIdNumber: z.boolean().default(false) }),
};
