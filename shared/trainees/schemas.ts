import { z } from 'zod';
import { toUtcMs } from '../dates';
import { checkIdNumber, type IdCardProblem, normaliseIdNumber } from '../idcard';
import { normaliseEthnicity } from '../text/ethnicity';
import { withLabels } from '../validation';

export const sexes = ['male', 'female'] as const;
export type Sex = (typeof sexes)[number];

export const enrolmentStatuses = ['active', 'on_leave', 'withdrawn', 'completed'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

export const idProblemIssue: Record<
  IdCardProblem,
  'id_format' | 'id_old_format' | 'id_region' | 'id_birth_date' | 'id_check_digit'
> = {
  format: 'id_format',
  old_format: 'id_old_format',
  region: 'id_region',
  birth_date: 'id_birth_date',
  check_digit: 'id_check_digit',
};

// Birth dates in personnel lists are often only a month (1980.05): YYYY-MM or YYYY-MM-DD.
export const isPartialDate = (value: string): boolean =>
  /^\d{4}-\d{2}$/.test(value) ? toUtcMs(`${value}-01`) !== undefined : toUtcMs(value) !== undefined;

// People's names: inner spaces (张　三) are padding, not part of the name; so are the invisible marks
// a name pasted from a chat or a web form brings (zero-width spaces, direction overrides, soft
// hyphens: Unicode's format and control characters) — kept, the name was found by nobody typing it.
export const normaliseName = (raw: string): string =>
  // Most names are ideographs (or letters) and nothing else: already as they should be.
  /^[\u4e00-\u9fffA-Za-z·]*$/.test(raw)
    ? raw
    : raw
        .normalize('NFKC')
        .replace(/[\s\p{Cf}\p{Cc}]+/gu, '')
        .replace(/[•．・]/g, '·');

const phonePattern = /^[+\d][\d\s-]{5,24}$/;

export const text = (max: number) => z.string().trim().max(max);

export const traineeLimits = { name: 50, unit: 100, position: 100, short: 30, notes: 500 } as const;

export const traineeFieldsSchema = z.strictObject({
  name: z.string().transform(normaliseName).pipe(z.string().min(1).max(traineeLimits.name)),
  sex: z.enum(sexes).nullable().default(null),
  ethnicity: text(traineeLimits.short).transform(normaliseEthnicity).default(''),
  birthDate: z
    .string()
    .trim()
    .refine(isPartialDate, { params: { code: 'invalid_date' } })
    .nullable()
    .default(null),
  idNumber: z
    .string()
    .transform(normaliseIdNumber)
    .superRefine((value, ctx) => {
      if (value === '') return;
      const checked = checkIdNumber(value);
      if (!checked.ok) ctx.addIssue({ code: 'custom', params: { code: idProblemIssue[checked.problem] } });
    })
    .default(''),
  phone: text(traineeLimits.short)
    .refine((value) => value === '' || phonePattern.test(value), { params: { code: 'invalid_phone' } })
    .default(''),
  unit: text(traineeLimits.unit).default(''),
  position: text(traineeLimits.position).default(''),
  rank: text(traineeLimits.short).default(''),
  politicalStatus: text(traineeLimits.short).default(''),
  education: text(traineeLimits.short).default(''),
  notes: text(traineeLimits.notes).default(''),
});

export type TraineeFieldsInput = z.input<typeof traineeFieldsSchema>;
export type TraineeFields = z.output<typeof traineeFieldsSchema>;

export const enrolmentFieldsSchema = z.strictObject({
  group: z.number().int().min(1).max(99).nullable().default(null),
  role: text(traineeLimits.short).default(''),
  status: z.enum(enrolmentStatuses).default('active'),
  notes: text(traineeLimits.notes).default(''),
});

export type EnrolmentFields = z.output<typeof enrolmentFieldsSchema>;

// Personal data crosses the boundary masked; the full values only through an explicit, logged reveal.
export const personBase = {
  name: z.string(),
  sex: z.enum(sexes).nullable(),
  ethnicity: z.string(),
  birthDate: z.string().nullable(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  unit: z.string(),
  position: z.string(),
  rank: z.string(),
  politicalStatus: z.string(),
  education: z.string(),
  notes: z.string(),
};

export const traineeSummarySchema = z.object({ id: z.number().int(), ...personBase, classCount: z.number().int() });
export type TraineeSummary = z.output<typeof traineeSummarySchema>;

export const traineeEnrolmentSchema = z.object({
  enrolmentId: z.number().int(),
  classId: z.number().int(),
  classCode: z.string(),
  className: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  group: z.number().int().nullable(),
  role: z.string(),
  status: z.enum(enrolmentStatuses),
});

export const traineeDetailSchema = traineeSummarySchema.extend({ enrolments: z.array(traineeEnrolmentSchema) });
export type TraineeDetail = z.output<typeof traineeDetailSchema>;

export const revealedSchema = z.object({ id: z.number().int(), idNumber: z.string(), phone: z.string() });
export type Revealed = z.output<typeof revealedSchema>;

const id = z.number().int().positive();

// A person's "name" is 姓名, not the 班次名称 that "name" means for a class.
export const personLabels = { name: 'fields.personName' } as const;

// The message key labelling a field of a person (roster columns, import mapping, forms).
export const personFieldKey = <F extends string>(field: F): 'fields.personName' | `fields.${Exclude<F, 'name'>}` =>
  field === 'name' ? personLabels.name : (`fields.${field}` as `fields.${Exclude<F, 'name'>}`);

export const traineeSchemas = {
  search: z.strictObject({
    search: z.string().trim().max(100).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  get: z.strictObject({ id }),
  update: withLabels(z.strictObject({ id, fields: traineeFieldsSchema }), { 'fields.name': personLabels.name }),
  reveal: z.strictObject({ ids: z.array(id).min(1).max(20_000), purpose: z.string().trim().max(100).default('') }),
};
