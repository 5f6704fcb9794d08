import { z } from 'zod';
import { idSchema, jobIdSchema } from '../channel';
import { isoDate } from '../dates';
import { importTokenSchema } from '../files/import-preview';
import { grantSchema, ignoredColumnsSchema } from '../files/schemas';
import { withLabels } from '../validation';

// Teaching bases (教学基地) and the teaching points (现场教学点) they hold: where classes go when
// they leave the classroom, how many they hold at once, and how far apart they are.

const text = (max: number) => z.string().trim().max(max);
const id = idSchema;

export const baseFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  address: text(200).default(''),
  notes: text(500).default(''),
  active: z.boolean().default(true),
});
export type BaseFields = z.output<typeof baseFieldsSchema>;

export const pointFieldsSchema = z.strictObject({
  baseId: id.nullable().default(null),
  name: z.string().trim().min(1).max(100),
  kind: text(30).default(''),
  address: text(200).default(''),
  township: text(50).default(''),
  contactName: text(50).default(''),
  contactPhone: text(30).default(''),
  // The guide on site: one of the staff, or just a name.
  guideStaffId: id.nullable().default(null),
  guideName: text(50).default(''),
  // People at once; empty when nobody has counted.
  capacity: z.number().int().min(1).max(10_000).nullable().default(null),
  topics: text(500).default(''),
  modules: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
  minutesFromSchool: z.number().int().min(0).max(1440).nullable().default(null),
  notes: text(500).default(''),
  active: z.boolean().default(true),
});
export type PointFields = z.output<typeof pointFieldsSchema>;
export type PointFieldsInput = z.input<typeof pointFieldsSchema>;

export const pointSchema = z.object({
  id: z.number().int(),
  baseId: z.number().int().nullable(),
  baseName: z.string(),
  name: z.string(),
  kind: z.string(),
  address: z.string(),
  township: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  guideStaffId: z.number().int().nullable(),
  guideName: z.string(),
  capacity: z.number().int().nullable(),
  topics: z.string(),
  modules: z.array(z.string()),
  minutesFromSchool: z.number().int().nullable(),
  notes: z.string(),
  active: z.boolean(),
  households: z.number().int(),
  visits: z.number().int(),
});
export type Point = z.output<typeof pointSchema>;

export const baseSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  address: z.string(),
  notes: z.string(),
  active: z.boolean(),
  points: z.array(pointSchema),
});
export type Base = z.output<typeof baseSchema>;

// The six things a point is judged on, each 1–5.
export const reviewAspects = ['theme', 'courses', 'facilities', 'management', 'teaching', 'effect'] as const;
export type ReviewAspect = (typeof reviewAspects)[number];

const score = z.number().int().min(1).max(5);
export const reviewFieldsSchema = z.strictObject({
  reviewedOn: isoDate(),
  reviewer: text(50).default(''),
  theme: score,
  courses: score,
  facilities: score,
  management: score,
  teaching: score,
  effect: score,
  notes: text(500).default(''),
});
export type ReviewFields = z.output<typeof reviewFieldsSchema>;

export const reviewSchema = z.object({
  id: z.number().int(),
  reviewedOn: z.string(),
  reviewer: z.string(),
  theme: z.number().int(),
  courses: z.number().int(),
  facilities: z.number().int(),
  management: z.number().int(),
  teaching: z.number().int(),
  effect: z.number().int(),
  notes: z.string(),
  average: z.number(),
});
export type Review = z.output<typeof reviewSchema>;

// A class's visit: the sessions held at the point, and how many went.
export const visitSchema = z.object({
  classId: z.number().int(),
  className: z.string(),
  date: z.string(),
  sessions: z.number().int(),
  titles: z.array(z.string()),
  trainees: z.number().int(),
});
export type Visit = z.output<typeof visitSchema>;

export const travelSchema = z.object({ siteId: z.number().int(), name: z.string(), minutes: z.number().int().nullable() });

export const pointDetailSchema = pointSchema.extend({
  guideStaffName: z.string().nullable(),
  visitHistory: z.array(visitSchema),
  reviews: z.array(reviewSchema),
  travel: z.array(travelSchema),
});
export type PointDetail = z.output<typeof pointDetailSchema>;

export const siteImportResultSchema = z.object({
  bases: z.object({ added: z.number().int(), updated: z.number().int() }),
  points: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  // Bases that points moved away from and that now hold none: offered for removal.
  emptiedBases: z.array(z.object({ id: z.number().int(), name: z.string() })),
  ignoredColumns: ignoredColumnsSchema,
});
export type SiteImportResult = z.output<typeof siteImportResultSchema>;

const pointLabels = { 'fields.name': 'fields.pointName', 'fields.kind': 'fields.pointKind' } as const;

export const sitesSchemas = {
  tree: z.strictObject({ search: z.string().trim().max(100).optional(), includeInactive: z.boolean().default(false) }),
  get: z.strictObject({ id }),
  saveBase: withLabels(z.strictObject({ id: id.optional(), fields: baseFieldsSchema }), { 'fields.name': 'fields.baseName' }),
  savePoint: withLabels(z.strictObject({ id: id.optional(), fields: pointFieldsSchema }), pointLabels),
  // Minutes to each other point given; null clears one.
  setTravel: z.strictObject({
    id,
    travel: z.array(z.strictObject({ siteId: id, minutes: z.number().int().min(0).max(1440).nullable() })).max(500),
  }),
  addReview: z.strictObject({ id, review: reviewFieldsSchema }),
  removeReview: z.strictObject({ reviewId: id }),
  importPreview: z.strictObject({ grant: grantSchema, jobId: jobIdSchema }),
  import: z.strictObject({ grant: grantSchema, jobId: jobIdSchema, token: importTokenSchema.optional() }),
  export: z.strictObject({ grant: grantSchema, jobId: jobIdSchema }),
  removeBase: z.strictObject({ id }),
};

// The columns of a list of teaching points, and the words offices head them with (the first is
// what an export writes).
export type SiteColumn =
  | 'base'
  | 'name'
  | 'kind'
  | 'address'
  | 'township'
  | 'contactName'
  | 'contactPhone'
  | 'guide'
  | 'capacity'
  | 'topics'
  | 'modules'
  | 'minutesFromSchool'
  | 'notes'
  | 'active';

export const siteColumns: Record<SiteColumn, readonly string[]> = {
  base: ['所属基地', '教学基地', '基地', '基地名称', '教学基地名称', '所属基地名称'],
  name: ['教学点名称', '现场教学点', '教学点', '名称'],
  kind: ['类型', '类别'],
  address: ['地址', '详细地址'],
  township: ['乡镇', '所在乡镇'],
  contactName: ['联系人'],
  contactPhone: ['联系电话', '电话', '联系方式'],
  guide: ['现场讲解人', '讲解人', '现场讲解员', '讲解员', '现场教师'],
  capacity: ['容纳人数', '可容纳人数', '容量'],
  topics: ['教学专题', '专题', '教学内容'],
  modules: ['教学模块', '模块'],
  minutesFromSchool: ['距党校车程（分钟）', '距党校车程', '车程（分钟）', '车程'],
  notes: ['备注'],
  active: ['启用', '是否启用'],
};
