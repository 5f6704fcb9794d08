import { z } from 'zod';
import { jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';
import { conflictSchema } from './schemas';

// A 课程安排表 as schools exchange it, and as this app exports it: 日期 / 星期 / 时间 / 课程内容 /
// 教学形式 / 授课人 / 地点, with a day's date written once over its sessions (merged cells).
export const scheduleImportFields = [
  'date',
  'weekday',
  'time',
  'title',
  'module',
  'format',
  'teachers',
  'place',
  'notes',
] as const;
export type ScheduleImportField = (typeof scheduleImportFields)[number];

export const scheduleHeaderSynonyms: Record<ScheduleImportField, readonly string[]> = {
  date: ['日期', '上课日期', '月日'],
  // Known, so never listed as left out, but not read: the date says which day of the week it is.
  weekday: ['星期', '星期几', '周几'],
  time: ['时间', '时段', '上课时间', '课时安排'],
  title: ['课程内容', '课程', '内容', '课程名称', '课题', '专题', '教学内容', '教学专题'],
  module: ['教学模块', '模块'],
  format: ['教学形式', '形式', '教学方式', '方式'],
  teachers: ['授课人', '授课教师', '授课老师', '主讲', '主讲人', '教师', '主持人'],
  place: ['地点', '上课地点', '教学地点', '场地', '教室'],
  notes: ['备注', '说明'],
};

const id = z.number().int().positive();

export const scheduleImportSchemas = {
  preview: z.strictObject({ classId: id, grant: grantSchema, jobId: jobIdSchema }),
  commit: z.strictObject({
    classId: id,
    grant: grantSchema,
    // The preview's fingerprint of the file: a file changed since is refused, not imported unseen.
    token: z.string().max(200),
    // Lecturers the 师资库 does not have yet are added (as 外聘, with their unit) in the same commit.
    addTeachers: z.boolean().default(false),
    jobId: jobIdSchema,
  }),
};

export const scheduleImportRowSchema = z.object({
  row: z.number().int(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  title: z.string(),
  module: z.string(),
  format: z.string(),
  teachers: z.array(z.string()),
  // Those of them the 师资库 does not have yet.
  newTeachers: z.array(z.string()),
  place: z.string(),
  // The teaching point the place names, when it names one.
  siteName: z.string().nullable(),
  // What keeps this row out, with the column it is about ("" for the row as a whole).
  problems: z.array(z.object({ column: z.string(), message: z.string() })),
});
export type ScheduleImportRow = z.output<typeof scheduleImportRowSchema>;

export const scheduleImportPreviewSchema = z.object({
  token: z.string(),
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.number().int(),
  // The file's words for the columns it has that a schedule does not take (序号 aside): not imported.
  ignoredColumns: z.array(z.string()),
  rows: z.array(scheduleImportRowSchema),
  // Lecturers to add to the 师资库 (外聘), with the rows that name them.
  newTeachers: z.array(
    z.object({ name: z.string(), organisation: z.string(), title: z.string(), rows: z.array(z.number().int()) }),
  ),
  // Clashes the sessions would have, with each other or with other classes, found on a trial run.
  conflicts: z.array(conflictSchema),
});
export type ScheduleImportPreview = z.output<typeof scheduleImportPreviewSchema>;

export const scheduleImportResultSchema = z.object({
  added: z.number().int(),
  teachersAdded: z.number().int(),
  conflicts: z.array(conflictSchema),
});
