import { z } from 'zod';
import { jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';

// The columns a roster file may have, and the words people head them with. Matching ignores spaces,
// full-width forms and marks such as "*" or "（必填）".
export const importFields = [
  'seq',
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'phone',
  'unit',
  'position',
  'unitPosition',
  'rank',
  'politicalStatus',
  'education',
  'group',
  'role',
  'notes',
] as const;
export type ImportField = (typeof importFields)[number];

// A 序号 column is told by the table kit's row-number words (序号, 编号, No. …), not by synonyms here:
// the preview marks it 'seq' and the import skips it.
export const headerSynonyms: Record<Exclude<ImportField, 'seq'>, readonly string[]> = {
  name: ['姓名', '名字', '学员姓名', '学员'],
  sex: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生年月', '出生日期', '出生年月日', '生日', '出生时间'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码', '身份证件号码'],
  phone: ['联系电话', '手机', '电话', '手机号', '手机号码', '联系方式', '移动电话', '电话号码'],
  unit: ['工作单位', '单位', '所在单位', '单位名称', '工作单位（全称）'],
  position: ['职务', '现任职务', '职位'],
  // One column holding both, the way most 组织部 lists are written: split on import (unit-position.ts).
  unitPosition: [
    '工作单位及职务',
    '单位及职务',
    '工作单位和职务',
    '单位和职务',
    '单位职务',
    '工作单位职务',
    '现工作单位及职务',
    '工作单位及现任职务',
    '现任单位及职务',
  ],
  rank: ['职级', '级别', '职务级别', '现职级'],
  politicalStatus: ['政治面貌', '党派'],
  education: ['学历', '文化程度', '最高学历', '学历学位'],
  group: ['组别', '小组', '分组', '所在小组'],
  role: ['班委', '班内职务', '班级职务', '班委职务'],
  notes: ['备注', '说明'],
};

export type ImportSeverity = 'error' | 'warning';

export type ImportProblem = {
  row: number;
  column: string;
  field: ImportField | '';
  severity: ImportSeverity;
  message: string;
  // The name on the row (its 姓名 cell), so that a list of problems says who each one is about.
  who: string;
};

export const importActions = ['add', 'update', 'unchanged', 'reject'] as const;
export type ImportAction = (typeof importActions)[number];

export type ImportCounts = { added: number; updated: number; unchanged: number; rejected: number };

export const columnMappingSchema = z
  .array(z.strictObject({ column: z.number().int().min(0).max(500), field: z.enum(importFields).nullable() }))
  .max(500);

const id = z.number().int().positive();

const importSource = {
  classId: id,
  grant: grantSchema,
  sheet: z.string().max(200).optional(),
  headerRow: z.number().int().min(1).max(1_000_000).optional(),
  mapping: columnMappingSchema.optional(),
  // A 工作单位及职务 column is split into 工作单位 and 职务 unless the person turns it off (false: the
  // whole text is the unit, as the file writes it).
  splitUnitPosition: z.boolean().optional(),
  jobId: jobIdSchema,
};

export const importSchemas = {
  preview: z.strictObject(importSource),
  commit: z.strictObject({ ...importSource, token: z.string().max(200).optional() }),
};

const problemSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  field: z.union([z.enum(importFields), z.literal('')]),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  who: z.string(),
});

const countsSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});

export const importPreviewSchema = z.object({
  token: z.string(),
  fileName: z.string(),
  sheets: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number().int(),
  columns: z.array(
    z.object({ column: z.number().int(), letter: z.string(), header: z.string(), field: z.enum(importFields).nullable() }),
  ),
  // The file's words for the columns it has that the roster does not take (序号 aside): not imported.
  ignoredColumns: z.array(z.string()),
  dataRows: z.number().int(),
  // The 工作单位及职务 column, when the file has one: whether it is split, and how many of its cells
  // could not be split with confidence (kept whole as the unit, each one listed among the problems).
  unitPosition: z
    .object({ column: z.string(), header: z.string(), split: z.boolean(), cells: z.number().int(), unsure: z.number().int() })
    .nullable(),
  counts: countsSchema,
  problems: z.array(problemSchema),
  // The first rows as they will be stored, for the preview table.
  // `unsure`: the row's 工作单位及职务 could not be split with confidence (the person looks at it).
  sample: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(importActions),
      values: z.record(z.string(), z.string()),
      unsure: z.boolean(),
    }),
  ),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  counts: countsSchema,
  rejected: z.array(z.object({ row: z.number().int(), who: z.string(), reasons: z.array(z.string()) })),
  warnings: z.number().int(),
});
export type ImportResult = z.output<typeof importResultSchema>;

// Column letters as spreadsheets show them: 0 → A, 26 → AA.
export const columnLetter = (index: number): string => {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};
