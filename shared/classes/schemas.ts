import { z } from 'zod';
import { jobIdSchema } from '../channel';
import { isoDate } from '../dates';
import { grantSchema } from '../files/schemas';

export const classStatuses = ['planning', 'in_progress', 'finished', 'archived'] as const;
export type ClassStatus = (typeof classStatuses)[number];

// The order a class lives through; archiving freezes it, and only an explicit unarchive thaws it.
export const statusFlow: Record<ClassStatus, readonly ClassStatus[]> = {
  planning: ['in_progress'],
  in_progress: ['planning', 'finished'],
  finished: ['in_progress', 'archived'],
  archived: [],
};

export const canMoveTo = (from: ClassStatus, to: ClassStatus): boolean => statusFlow[from].includes(to);

const text = (max: number) => z.string().trim().max(max);

export const classLimits = { name: 100, category: 30, text: 100, person: 50, long: 2000, plannedSize: 10_000 } as const;

const datesInOrder = (value: { startDate: string; endDate: string }) => value.endDate >= value.startDate;

// Compare the dates even when other fields are wrong (the form shows every problem at once), but
// only when both dates, and the object holding them, passed their own checks.
const datesValid = (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
  payload.issues.every((issue) => {
    const head = issue.path?.[0];
    return head !== undefined && head !== 'startDate' && head !== 'endDate';
  });

const classFieldShape = {
  name: z.string().trim().min(1).max(classLimits.name),
  // On an edit, left out keeps what the class has. A new class has none: the person chooses (a
  // silent 主体班 was a category nobody chose).
  category: z.string().trim().min(1).max(classLimits.category).optional(),
  // When left out, the year is the start date's year; a class planned for one year may start in the next.
  year: z.number().int().min(2000).max(2100).optional(),
  startDate: isoDate(),
  endDate: isoDate(),
  location: text(classLimits.text).default(''),
  sponsor: text(classLimits.text).default(''),
  headTeacher: text(classLimits.person).default(''),
  plannedSize: z.number().int().positive().max(classLimits.plannedSize).nullable().default(null),
  goals: text(classLimits.long).default(''),
  notes: text(classLimits.long).default(''),
};

const endNotBeforeStart = { path: ['endDate'], params: { code: 'end_before_start' }, when: datesValid };

export const classFieldsSchema = z.strictObject(classFieldShape).refine(datesInOrder, endNotBeforeStart);

// A new class: the same fields, its category chosen.
export const newClassFieldsSchema = z
  .strictObject({ ...classFieldShape, category: z.string().trim().min(1).max(classLimits.category) })
  .refine(datesInOrder, endNotBeforeStart);

export type ClassFieldsInput = z.input<typeof classFieldsSchema>;
export type ClassFields = z.output<typeof classFieldsSchema>;

export const trainingClassSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  year: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  location: z.string(),
  sponsor: z.string(),
  headTeacher: z.string(),
  plannedSize: z.number().int().nullable(),
  goals: z.string(),
  notes: z.string(),
  status: z.enum(classStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type TrainingClass = z.output<typeof trainingClassSchema>;

const id = z.number().int().positive();

// A class is named by its id (the UI) or by its code such as 2019-002 (people, the CLI).
export const classRefSchema = z.union([id, z.string().trim().min(1).max(40)]);

export const classListQuerySchema = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
  category: z.string().trim().max(classLimits.category).optional(),
  status: z.enum(classStatuses).optional(),
  search: z.string().trim().max(100).optional(),
});

export type ClassListQuery = z.input<typeof classListQuerySchema>;

export const classSchemas = {
  list: classListQuerySchema,
  get: z.strictObject({ ref: classRefSchema }),
  create: newClassFieldsSchema,
  update: z.strictObject({ id, fields: classFieldsSchema }),
  remove: z.strictObject({ id }),
  copy: z.strictObject({
    id,
    startDate: isoDate(),
    name: z.string().trim().min(1).max(classLimits.name).optional(),
    // Classes repeat every year: the schedule (moved by the same number of days) and the project
    // team can come along.
    withSchedule: z.boolean().default(false),
    withTeam: z.boolean().default(false),
  }),
  // Marking a class 已结业 or 已归档 waits for its closing checklist; `anyway` is the person's answer
  // after being shown what is missing (the log keeps what was).
  setStatus: z.strictObject({ id, status: z.enum(classStatuses), anyway: z.boolean().default(false) }),
  unarchive: z.strictObject({ id }),
  // The 学员手册 (.docx) written through a save grant.
  handbook: z.strictObject({ classId: id, grant: grantSchema, jobId: jobIdSchema }),
};

// "2019年市管干部培训班" copied into 2020 becomes "2020年市管干部培训班"; a name without its year gets
// a visible suffix, so that the two classes can be told apart in every list.
export const copiedClassName = (name: string, fromYear: number, toYear: number, suffix: string): string => {
  if (fromYear !== toYear && name.includes(String(fromYear))) return name.replaceAll(String(fromYear), String(toYear));
  return `${name}${suffix}`.slice(0, classLimits.name);
};

// The heading official documents give a class: "2019年市管干部培训班" already says its year; a name
// without one gets it in front.
export const classTitle = (c: { name: string; year: number }): string =>
  c.name.startsWith(`${c.year}年`) ? c.name : `${c.year}年${c.name}`;
