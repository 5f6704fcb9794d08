import { z } from 'zod';
import { jobIdSchema } from '../channel';
import { importTokenSchema } from '../files/import-preview';
import { grantSchema, ignoredColumnsSchema } from '../files/schemas';
import { withLabels } from '../validation';

const text = (max: number) => z.string().trim().max(max);
const id = z.number().int().positive();

export const staffFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  roles: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
  organisation: text(100).default(''),
  title: text(50).default(''),
  phone: text(30).default(''),
  expertise: text(200).default(''),
  notes: text(500).default(''),
  // 外聘: a lecturer from outside the school (a university, a department, a village).
  external: z.boolean().default(false),
});
export type StaffFields = z.output<typeof staffFieldsSchema>;
export type StaffFieldsInput = z.input<typeof staffFieldsSchema>;

export const staffSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  roles: z.array(z.string()),
  organisation: z.string(),
  title: z.string(),
  phone: z.string(),
  expertise: z.string(),
  notes: z.string(),
  external: z.boolean(),
  sessionCount: z.number().int(),
});
export type Staff = z.output<typeof staffSchema>;

export const teachingSchema = z.object({
  sessionId: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  title: z.string(),
  format: z.string(),
  place: z.string(),
});

export const staffDetailSchema = staffSchema.extend({
  teams: z.array(z.object({ classId: z.number().int(), className: z.string(), role: z.string() })),
  teaching: z.array(teachingSchema),
});
export type StaffDetail = z.output<typeof staffDetailSchema>;

const staffLabels = { name: 'fields.personName' } as const;

export const staffSchemas = {
  search: z.strictObject({ search: z.string().trim().max(100).optional() }),
  get: z.strictObject({ id }),
  create: withLabels(staffFieldsSchema, staffLabels),
  update: withLabels(z.strictObject({ id, fields: staffFieldsSchema }), { 'fields.name': staffLabels.name }),
  team: z.strictObject({ classId: id }),
  importPreview: z.strictObject({ grant: grantSchema, jobId: jobIdSchema }),
  import: z.strictObject({ grant: grantSchema, jobId: jobIdSchema, token: importTokenSchema.optional() }),
  export: z.strictObject({ grant: grantSchema, jobId: jobIdSchema }),
  setTeam: z.strictObject({
    classId: id,
    members: z.array(z.strictObject({ staffId: id, role: z.string().trim().min(1).max(30) })).max(200),
  }),
};

export const teamMemberSchema = z.object({
  staffId: z.number().int(),
  name: z.string(),
  role: z.string(),
  organisation: z.string(),
  title: z.string(),
});
export type TeamMember = z.output<typeof teamMemberSchema>;

export const staffImportResultSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  ignoredColumns: ignoredColumnsSchema,
});

// The columns of a staff list (师资库), and the words offices head them with.
export type StaffColumn = 'name' | 'organisation' | 'title' | 'phone' | 'external' | 'expertise' | 'roles' | 'notes';

export const staffColumns: Record<StaffColumn, readonly string[]> = {
  name: ['姓名', '名字', '授课人', '教师姓名'],
  organisation: ['单位', '工作单位', '所在单位'],
  title: ['职务职称', '职务', '职称', '职务/职称', '职务、职称', '职级'],
  phone: ['联系电话', '电话', '手机'],
  external: ['内部/外聘', '类别', '聘任类型', '是否外聘', '外聘', '校内/外聘', '专职/兼职', '专兼职', '师资类别', '教师类别'],
  expertise: ['讲授专题', '专长', '研究方向', '授课专题'],
  roles: ['角色', '项目组角色'],
  notes: ['备注'],
};

// The 内部/外聘 (类别) column as offices write it: 外聘 / 校外 / 兼职 / 是 for someone from outside the
// school, 校内 / 专职 / 否 for its own; blank is the school's own. Undefined for any other word.
export const externalOfWord = (text: string): boolean | undefined => {
  if (/^(外聘|校外|外部|是|兼职|外聘教师|兼职教师|特聘|客座)$/.test(text)) return true;
  if (/^(|内部|校内|本校|专职|否|专职教师|校内教师|内聘)$/.test(text)) return false;
  return undefined;
};
