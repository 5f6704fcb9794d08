import { z } from 'zod';
import { isoDate } from '../dates';
import { idSchema, jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';
import { withLabels } from '../validation';

// Times of day as schedules print them: 08:30.
export const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
const time = () =>
  z
    .string()
    .trim()
    .refine(isTime, { params: { code: 'invalid_time' }, abort: true });

export const slots = ['morning', 'afternoon', 'evening'] as const;
export type Slot = (typeof slots)[number];

// 上午 until noon, 下午 until six, 晚上 after.
export const slotOf = (start: string): Slot => (start < '12:00' ? 'morning' : start < '18:00' ? 'afternoon' : 'evening');

// When a session is added by clicking an empty half-day.
export const slotDefaults: Record<Slot, { start: string; end: string }> = {
  morning: { start: '08:30', end: '11:30' },
  afternoon: { start: '14:00', end: '17:00' },
  evening: { start: '19:00', end: '21:00' },
};

// How official documents write a session's time: 上午 08:30—11:30 (the dash is the Chinese 破折号).
const slotWords: Record<Slot, string> = { morning: '上午', afternoon: '下午', evening: '晚上' };
export const printedTime = (session: { start: string; end: string }) =>
  `${slotWords[slotOf(session.start)]} ${session.start}—${session.end}`;

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const timesInOrder = (value: { start: string; end: string }) => value.end > value.start;
const timesValid = (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
  payload.issues.every((issue) => {
    const head = issue.path?.[0];
    return head !== undefined && head !== 'start' && head !== 'end';
  });

export const sessionFieldsSchema = z
  .strictObject({
    date: isoDate(),
    start: time(),
    end: time(),
    title: z.string().trim().min(1).max(100),
    module: z.string().trim().max(30).default(''),
    format: z.string().trim().max(30).default(''),
    teacherIds: z
      .array(z.number().int().positive())
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, { params: { code: 'duplicate' } })
      .default([]),
    place: z.string().trim().max(100).default(''),
    // The teaching point the session is held at (its place is then the point's name, unless given).
    siteId: idSchema.nullable().default(null),
    groups: z
      .array(z.number().int().min(1).max(99))
      .max(99)
      .refine((groups) => new Set(groups).size === groups.length, { params: { code: 'duplicate' } })
      .default([]),
    notes: z.string().trim().max(500).default(''),
  })
  .refine(timesInOrder, { path: ['end'], params: { code: 'end_before_start' }, when: timesValid });

export type SessionFields = z.output<typeof sessionFieldsSchema>;
export type SessionFieldsInput = z.input<typeof sessionFieldsSchema>;

export const conflictKinds = [
  'teacher_busy',
  'place_busy',
  'outside_class',
  'group_overlap',
  'travel_time',
  'over_capacity',
  'no_teacher',
  'no_place',
] as const;
export type ConflictKind = (typeof conflictKinds)[number];

// Errors cannot be saved; warnings can, once someone gives a reason.
export const conflictSeverity: Record<ConflictKind, 'error' | 'warning'> = {
  teacher_busy: 'error',
  outside_class: 'error',
  group_overlap: 'error',
  place_busy: 'warning',
  travel_time: 'warning',
  over_capacity: 'warning',
  no_teacher: 'warning',
  no_place: 'warning',
};

export const acceptedSchema = z.strictObject({ kind: z.enum(conflictKinds), reason: z.string().trim().min(1).max(200) });
export type Accepted = z.output<typeof acceptedSchema>;

const sessionRefSchema = z.object({
  id: z.number().int().nullable(),
  classId: z.number().int(),
  className: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  title: z.string(),
});

export const conflictSchema = z.object({
  kind: z.enum(conflictKinds),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  sessions: z.array(sessionRefSchema),
  accepted: z.string().nullable(),
});
export type Conflict = z.output<typeof conflictSchema>;

export const sessionSchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  slot: z.enum(slots),
  title: z.string(),
  module: z.string(),
  format: z.string(),
  teachers: z.array(z.object({ id: z.number().int(), name: z.string() })),
  place: z.string(),
  siteId: z.number().int().nullable(),
  groups: z.array(z.number().int()),
  notes: z.string(),
  accepted: z.array(z.object({ kind: z.enum(conflictKinds), reason: z.string() })),
});
export type Session = z.output<typeof sessionSchema>;

// What one edits of a stored session: the form's start, a move, a copy to another class.
export const sessionFieldsOf = (session: Session): SessionFields => ({
  date: session.date,
  start: session.start,
  end: session.end,
  title: session.title,
  module: session.module,
  format: session.format,
  teacherIds: session.teachers.map((teacher) => teacher.id),
  place: session.place,
  siteId: session.siteId,
  groups: session.groups,
  notes: session.notes,
});

const id = idSchema;

// A session's "groups" are the groups that attend (参加小组), not a number of groups.
const sessionLabels = { 'session.groups': 'fields.groupsList' } as const;

export const scheduleSchemas = {
  list: z.strictObject({ classId: id }),
  check: withLabels(z.strictObject({ classId: id, sessionId: id.optional(), session: sessionFieldsSchema }), sessionLabels),
  save: withLabels(
    z.strictObject({
      classId: id,
      sessionId: id.optional(),
      session: sessionFieldsSchema,
      accept: z.array(acceptedSchema).max(10).default([]),
    }),
    sessionLabels,
  ),
  remove: z.strictObject({ sessionId: id }),
  conflicts: z.strictObject({ classId: id }),
  copyFrom: z.strictObject({ classId: id, sourceClassId: id, replace: z.boolean().default(false) }),
  balance: z.strictObject({ classId: id }),
  export: z.strictObject({
    classId: id.optional(),
    teacherId: id.optional(),
    format: z.enum(['xlsx', 'docx', 'pdf', 'ics']),
    grant: grantSchema,
    jobId: jobIdSchema,
  }),
  print: z.strictObject({ classId: id, jobId: jobIdSchema }),
};

export const balanceSchema = z.object({
  totalHours: z.number(),
  modules: z.array(z.object({ name: z.string(), hours: z.number(), sessions: z.number().int() })),
  formats: z.array(z.object({ name: z.string(), hours: z.number(), sessions: z.number().int() })),
});
