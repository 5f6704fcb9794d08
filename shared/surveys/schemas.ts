import { z } from 'zod';
import { idSchema, jobIdSchema } from '../channel';
import { importTokenSchema } from '../files/import-preview';
import { grantSchema } from '../files/schemas';

// Satisfaction surveys (满意度测评). The Liaoyuan project judged itself by four satisfactions: the
// organisation's (组织满意), the trainees' (学员满意), the base's (基地满意) and the teachers' (教师满意).
// A survey asks one of them about one subject — the class as a whole, a course, a teacher, a teaching
// point — with items scored 1–5; each response is one questionnaire filled in.

export const satisfactions = ['organisation', 'trainees', 'base', 'teachers'] as const;
export type Satisfaction = (typeof satisfactions)[number];

export const subjectKinds = ['class', 'session', 'teacher', 'site'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

// 1 很不满意 … 5 非常满意; 4 and 5 count as satisfied.
export const scoreWords = ['很不满意', '不满意', '基本满意', '满意', '非常满意'] as const;
export const satisfiedFrom = 4;

export const templateSchema = z.object({
  satisfaction: z.enum(satisfactions),
  name: z.string(),
  subject: z.enum(subjectKinds),
  items: z.array(z.string()),
  edited: z.boolean(),
});
export type SurveyTemplate = z.output<typeof templateSchema>;

// The questionnaires a school starts with; each can be edited (and reset to these).
export const defaultTemplates: Record<Satisfaction, Omit<SurveyTemplate, 'satisfaction' | 'edited'>> = {
  organisation: {
    name: '组织满意度测评',
    subject: 'class',
    items: ['培训计划与课程设置', '教学组织与班级管理', '食宿与后勤保障', '学风与纪律', '总体评价'],
  },
  trainees: {
    name: '学员满意度测评',
    subject: 'session',
    items: ['内容针对性', '理论联系实际', '讲授水平', '课堂互动', '总体评价'],
  },
  base: {
    name: '基地满意度测评',
    subject: 'site',
    items: ['教学组织', '现场讲解与安排', '学员学习态度', '与基地的沟通协调', '总体评价'],
  },
  teachers: {
    name: '教师满意度测评',
    subject: 'teacher',
    items: ['学员学习态度', '课堂纪律与互动', '教学服务保障', '总体评价'],
  },
};

const score = z.number().int().min(1).max(5).nullable();

// What one questionnaire's comment may hold, typed into the grid or imported (in UTF-16 units, as
// the schema counts them: an imported comment must be one the grid can save again).
export const commentMax = 2000;

export const responseInputSchema = z.strictObject({
  id: idSchema.optional(),
  scores: z.array(score).min(1).max(30),
  comment: z.string().trim().max(commentMax).default(''),
});
export type ResponseInput = z.output<typeof responseInputSchema>;

export const responseSchema = z.object({
  id: z.number().int(),
  scores: z.array(z.number().int().nullable()),
  comment: z.string(),
});
export type SurveyResponse = z.output<typeof responseSchema>;

export const surveySchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  satisfaction: z.enum(satisfactions),
  subject: z.enum(subjectKinds),
  subjectId: z.number().int().nullable(),
  subjectName: z.string(),
  title: z.string(),
  items: z.array(z.string()),
  responses: z.number().int(),
  mean: z.number().nullable(),
  satisfiedRate: z.number().nullable(),
});
export type Survey = z.output<typeof surveySchema>;

export const itemResultSchema = z.object({
  item: z.string(),
  answered: z.number().int(),
  mean: z.number().nullable(),
  // How many gave 1, 2, 3, 4, 5.
  distribution: z.array(z.number().int()),
  satisfiedRate: z.number().nullable(),
});
export const resultsSchema = z.object({
  survey: surveySchema,
  items: z.array(itemResultSchema),
  comments: z.array(z.string()),
});
export type SurveyResults = z.output<typeof resultsSchema>;

// One teacher's or teaching point's surveys over the years, class by class.
export const subjectHistorySchema = z.object({
  name: z.string(),
  rows: z.array(
    z.object({
      classId: z.number().int(),
      className: z.string(),
      year: z.number().int(),
      surveys: z.number().int(),
      responses: z.number().int(),
      mean: z.number().nullable(),
      satisfiedRate: z.number().nullable(),
    }),
  ),
  responses: z.number().int(),
  mean: z.number().nullable(),
  satisfiedRate: z.number().nullable(),
});
export type SubjectHistory = z.output<typeof subjectHistorySchema>;

export const surveysSchemas = {
  templates: z.strictObject({}),
  saveTemplate: z.strictObject({
    satisfaction: z.enum(satisfactions),
    name: z.string().trim().min(1).max(100),
    items: z.array(z.string().trim().min(1).max(100)).min(1).max(30),
  }),
  resetTemplate: z.strictObject({ satisfaction: z.enum(satisfactions) }),
  list: z.strictObject({ classId: idSchema }),
  create: z.strictObject({
    classId: idSchema,
    satisfaction: z.enum(satisfactions),
    subject: z.enum(subjectKinds),
    // The course, teacher or teaching point asked about; none for the class as a whole.
    subjectId: idSchema.nullable().default(null),
  }),
  remove: z.strictObject({ id: idSchema }),
  responses: z.strictObject({ surveyId: idSchema }),
  saveResponses: z.strictObject({ surveyId: idSchema, responses: z.array(responseInputSchema).max(2000) }),
  results: z.strictObject({ surveyId: idSchema }),
  history: z.strictObject({ subject: z.enum(['teacher', 'site']), id: idSchema }),
  importPreview: z.strictObject({ classId: idSchema, grant: grantSchema, jobId: jobIdSchema }),
  import: z.strictObject({ classId: idSchema, grant: grantSchema, jobId: jobIdSchema, token: importTokenSchema.optional() }),
  // An empty questionnaire table to fill in and import: the columns the import reads.
  template: z.strictObject({ classId: idSchema, grant: grantSchema, jobId: jobIdSchema }),
};

// The columns of a file of questionnaires, one row a questionnaire: which survey (its kind and its
// subject — a course's title, a teacher's or a teaching point's name, empty for the class), the
// scores by item number, and what was written.
export const surveyColumns = {
  satisfaction: ['测评类型', '满意度类型', '类型'],
  subject: ['测评对象', '评价对象', '对象'],
  comment: ['意见建议', '意见和建议', '建议', '留言', '评语'],
} as const;
export const itemColumn = (n: number) => [`第${n}题`, `题${n}`, String(n)];
// The number an item's column is headed with (第31题, 第 0 题, 题999), whatever it is: a grid's column
// past the items a questionnaire can have is told from a column nobody asked for.
export const itemNumberOf = (header: string): number | undefined => {
  const numbered = /^(?:第\s*(\d+)\s*题|题\s*(\d+))$/.exec(header.normalize('NFKC'));
  const digits = numbered?.[1] ?? numbered?.[2];
  return digits === undefined ? undefined : Number(digits);
};
export const satisfactionWords: Record<Satisfaction, readonly string[]> = {
  organisation: ['组织满意', '组织满意度', '组织满意度测评'],
  trainees: ['学员满意', '学员满意度', '学员满意度测评'],
  base: ['基地满意', '基地满意度', '基地满意度测评'],
  teachers: ['教师满意', '教师满意度', '教师满意度测评'],
};
