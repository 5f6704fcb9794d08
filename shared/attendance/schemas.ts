import { z } from 'zod';
import { idSchema as id, jobIdSchema } from '../channel';
import { isoDate } from '../dates';
import { grantSchema } from '../files/schemas';
import { sessionSchema } from '../schedule/schemas';

export const attendanceStatuses = ['present', 'late', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export const attendanceSchemas = {
  session: z.strictObject({ sessionId: id }),
  record: z.strictObject({
    sessionId: id,
    marks: z
      .array(
        z.strictObject({ enrolmentId: id, status: z.enum(attendanceStatuses), reason: z.string().trim().max(200).default('') }),
      )
      .max(20_000),
  }),
  allPresent: z.strictObject({ sessionId: id }),
  leave: z.strictObject({ enrolmentId: id, from: isoDate(), to: isoDate(), reason: z.string().trim().min(1).max(200) }),
  summary: z.strictObject({ classId: id }),
  export: z.strictObject({ classId: id, grant: grantSchema, jobId: jobIdSchema }),
};

export const sessionAttendanceSchema = z.object({
  session: sessionSchema,
  rows: z.array(
    z.object({
      enrolmentId: z.number().int(),
      name: z.string(),
      unit: z.string(),
      group: z.number().int().nullable(),
      status: z.enum(attendanceStatuses).nullable(),
      reason: z.string(),
    }),
  ),
});

export const attendanceSummarySchema = z.object({
  sessions: z.number().int(),
  recorded: z.number().int(),
  classRate: z.number().nullable(),
  trainees: z.array(
    z.object({
      enrolmentId: z.number().int(),
      name: z.string(),
      expected: z.number().int(),
      present: z.number().int(),
      late: z.number().int(),
      leave: z.number().int(),
      absent: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
});
