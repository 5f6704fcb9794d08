import { z } from 'zod';
import { idSchema as id } from '../channel';
import {
  enrolmentFieldsSchema,
  enrolmentStatuses,
  personBase,
  personLabels,
  text,
  traineeFieldsSchema,
  traineeLimits,
} from '../trainees/schemas';
import { withLabels } from '../validation';

// A person as one class's roster lists them: masked personal data, and their place in the class.
export const rosterEntrySchema = z.object({
  enrolmentId: z.number().int(),
  traineeId: z.number().int(),
  ...personBase,
  group: z.number().int().nullable(),
  role: z.string(),
  status: z.enum(enrolmentStatuses),
  enrolmentNotes: z.string(),
});
export type RosterEntry = z.output<typeof rosterEntrySchema>;

export const rosterSorts = ['stroke', 'pinyin', 'unit', 'group'] as const;
export type RosterSort = (typeof rosterSorts)[number];

export const rosterSchemas = {
  list: z.strictObject({
    classId: id,
    search: z.string().trim().max(100).optional(),
    group: z.number().int().min(0).max(99).optional(),
    status: z.enum(enrolmentStatuses).optional(),
    sort: z.enum(rosterSorts).default('stroke'),
  }),
  add: withLabels(
    z.strictObject({
      classId: id,
      // An existing person (chosen from the trainee search) or a new one.
      traineeId: id.optional(),
      trainee: traineeFieldsSchema.optional(),
      enrolment: enrolmentFieldsSchema.default({ group: null, role: '', status: 'active', notes: '' }),
    }),
    { 'trainee.name': personLabels.name },
  ),
  update: withLabels(z.strictObject({ enrolmentId: id, trainee: traineeFieldsSchema, enrolment: enrolmentFieldsSchema }), {
    'trainee.name': personLabels.name,
  }),
  remove: z.strictObject({ enrolmentIds: z.array(id).min(1).max(20_000) }),
  assign: z.strictObject({
    classId: id,
    assignments: z
      .array(
        z.strictObject({
          enrolmentId: id,
          group: z.number().int().min(1).max(99).nullable().optional(),
          role: text(traineeLimits.short).optional(),
          status: z.enum(enrolmentStatuses).optional(),
        }),
      )
      .min(1)
      .max(20_000),
  }),
  splitGroups: z.strictObject({ classId: id, groups: z.number().int().min(1).max(99) }),
};
