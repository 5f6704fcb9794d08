import { z } from 'zod';
import { idSchema as id } from '../channel';
import { personLabels, traineeFieldsSchema } from '../trainees/schemas';
import { withLabels } from '../validation';

// 报到: a class's first day(s), when each trainee arrives and is checked in — or is noted late, or on leave.
export const checkinStatuses = ['arrived', 'late', 'leave'] as const;
export type CheckinStatus = (typeof checkinStatuses)[number];

const note = z.string().trim().max(200).default('');

export const checkinSchemas = {
  list: z.strictObject({ classId: id, missing: z.boolean().default(false) }),
  // A few letters of the name (pinyin initials as search takes them), the full name, or a 身份证号 as
  // a reader types it. Either the person is found alone and checked in, or the choices come back.
  checkIn: z.strictObject({
    classId: id,
    query: z.string().trim().min(1).max(100).optional(),
    enrolmentId: id.optional(),
  }),
  mark: z.strictObject({ enrolmentId: id, status: z.enum(checkinStatuses), note }),
  undo: z.strictObject({ enrolmentId: id }),
  // Someone not on the roster who came anyway: added as any roster row is, and checked in at once.
  walkIn: withLabels(z.strictObject({ classId: id, trainee: traineeFieldsSchema, note }), {
    'trainee.name': personLabels.name,
  }),
};

export const checkinRowSchema = z.object({
  enrolmentId: z.number().int(),
  traineeId: z.number().int(),
  name: z.string(),
  unit: z.string(),
  position: z.string(),
  group: z.number().int().nullable(),
  phoneMasked: z.string(),
  idNumberMasked: z.string(),
  status: z.enum(checkinStatuses).nullable(),
  // Local time (rule 10): 2026-12-05 08:31:05.
  at: z.string().nullable(),
  note: z.string(),
});
export type CheckinRow = z.output<typeof checkinRowSchema>;

export const checkinFiguresSchema = z.object({
  // 应到: everyone on the roster who has not withdrawn; 实到: arrived or late.
  expected: z.number().int(),
  arrived: z.number().int(),
  late: z.number().int(),
  leave: z.number().int(),
  rate: z.number().nullable(),
});
export type CheckinFigures = z.output<typeof checkinFiguresSchema>;

export const checkinListSchema = z.object({
  className: z.string(),
  figures: checkinFiguresSchema,
  // By unit, each unit's people in stroke order; the units in pinyin order.
  units: z.array(z.object({ unit: z.string(), rows: z.array(checkinRowSchema) })),
});

export const checkinOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('checkedIn'), row: checkinRowSchema, summary: z.string() }),
  z.object({ outcome: z.literal('already'), row: checkinRowSchema, summary: z.string() }),
  // More than one person fits (or only nearly): never guessed, the person at the desk chooses.
  z.object({ outcome: z.literal('choose'), choices: z.array(checkinRowSchema), approximate: z.boolean(), summary: z.string() }),
]);
export type CheckinOutcome = z.output<typeof checkinOutcomeSchema>;
