import { z } from 'zod';
import { isoDate } from '../dates';
import { jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';

// The workbench (工作台): the first screen of a 教务处 — what is running and coming, today's sessions,
// what needs doing, and the year in figures and charts.

export const todoKinds = ['reportsMissing', 'conflicts', 'missingIds', 'householdsUnconfirmed', 'surveysMissing'] as const;
export type TodoKind = (typeof todoKinds)[number];

const named = z.object({ name: z.string(), value: z.number() });

export const overviewSchema = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  classes: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      status: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      // Days until it starts (0 when under way).
      daysToStart: z.number().int(),
      trainees: z.number().int(),
    }),
  ),
  today: z.array(
    z.object({
      sessionId: z.number().int(),
      classId: z.number().int(),
      className: z.string(),
      start: z.string(),
      end: z.string(),
      title: z.string(),
      place: z.string(),
    }),
  ),
  // 报到 of the classes whose first day it is, or that are checking people in today: the 报到率 at a glance.
  checkins: z.array(
    z.object({
      classId: z.number().int(),
      className: z.string(),
      arrived: z.number().int(),
      expected: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
  todo: z.array(z.object({ kind: z.enum(todoKinds), classId: z.number().int(), className: z.string(), count: z.number().int() })),
  figures: z.object({
    classes: z.number().int(),
    trainees: z.number().int(),
    people: z.number().int(),
    trainingDays: z.number().int(),
    visits: z.number().int(),
    labourHours: z.number(),
    reports: z.number().int(),
    excellent: z.number().int(),
    responses: z.number().int(),
    satisfiedRate: z.number().nullable(),
  }),
  charts: z.object({
    traineesByUnit: z.array(named),
    traineesByMonth: z.array(z.number().int()),
    hoursByModule: z.array(named),
    satisfactionByClass: z.array(named),
  }),
});
export type Overview = z.output<typeof overviewSchema>;
export const todoSchema = overviewSchema.shape.todo;

// The figures a card shows, each with the list behind it.
export const figureKeys = [
  'classes',
  'trainees',
  'trainingDays',
  'visits',
  'labourHours',
  'reports',
  'excellent',
  'satisfiedRate',
] as const;
export type FigureKey = (typeof figureKeys)[number];

// The rows behind a figure, as a table: each row names the class it belongs to, so it can open it.
export const figureListSchema = z.object({
  figure: z.enum(figureKeys),
  title: z.string(),
  columns: z.array(z.object({ label: z.string(), width: z.number(), align: z.enum(['left', 'center']) })),
  rows: z.array(z.object({ classId: z.number().int(), cells: z.array(z.string()) })),
});
export type FigureList = z.output<typeof figureListSchema>;

const year = z.number().int().min(2000).max(2100);

export const workbenchSchemas = {
  overview: z.strictObject({ year: year.optional(), today: isoDate().optional() }),
  conflicts: z.strictObject({ today: isoDate().optional() }),
  figureList: z.strictObject({ year, figure: z.enum(figureKeys) }),
  export: z.strictObject({ year, grant: grantSchema, jobId: jobIdSchema }),
};
