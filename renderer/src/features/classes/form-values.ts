import dayjs, { type Dayjs } from 'dayjs';
import {
  type ClassFieldsInput,
  classFieldsSchema,
  newClassFieldsSchema,
  type TrainingClass,
} from '../../../../shared/classes/schemas';
import type { FieldIssue } from '../../../../shared/errors';
import { toFieldIssues } from '../../../../shared/validation';

// What the antd form holds: dates as Dayjs, optional numbers as null, text as typed.
export type ClassFormValues = {
  name?: string;
  category?: string;
  year?: number | null;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  location?: string;
  sponsor?: string;
  headTeacher?: string;
  plannedSize?: number | null;
  goals?: string;
  notes?: string;
};

const isoOf = (value: Dayjs | null | undefined): string | undefined => (value ? value.format('YYYY-MM-DD') : undefined);

export const toFields = (values: ClassFormValues): ClassFieldsInput => ({
  name: values.name ?? '',
  category: values.category,
  year: values.year ?? undefined,
  startDate: isoOf(values.startDate) ?? '',
  endDate: isoOf(values.endDate) ?? '',
  location: values.location ?? '',
  sponsor: values.sponsor ?? '',
  headTeacher: values.headTeacher ?? '',
  plannedSize: values.plannedSize ?? null,
  goals: values.goals ?? '',
  notes: values.notes ?? '',
});

export const fromClass = (c: TrainingClass): ClassFormValues => ({
  name: c.name,
  category: c.category,
  year: c.year,
  startDate: dayjs(c.startDate),
  endDate: dayjs(c.endDate),
  location: c.location,
  sponsor: c.sponsor,
  headTeacher: c.headTeacher,
  plannedSize: c.plannedSize,
  goals: c.goals,
  notes: c.notes,
});

// The same schema the router parses with: the form can never accept what the core would refuse (a
// new class's category among it: chosen by the person, never a default).
export const validateClassForm = (values: ClassFormValues, creating: boolean): FieldIssue[] => {
  const fields = toFields(values);
  // An empty date is "required", not "invalid date".
  const parsed = (creating ? newClassFieldsSchema : classFieldsSchema).safeParse(
    { ...fields, startDate: fields.startDate || undefined, endDate: fields.endDate || undefined },
    { reportInput: true },
  );
  return parsed.success ? [] : toFieldIssues(parsed.error.issues);
};
