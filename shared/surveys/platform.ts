import { z } from 'zod';
import { idSchema, jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';
import { satisfactions, surveySchema } from './schemas';

// Questionnaires answered on a platform (问卷星, 腾讯问卷) and downloaded as its export: the
// platform's own columns first (序号, 提交答卷时间, 来自IP …), then one column per question headed
// "1、您对……是否满意", the answers written as the option's words or its number. The person says which
// survey the file answers; the question columns are matched to its items in order.

export const platforms = ['wjx', 'tencent'] as const;
export type Platform = (typeof platforms)[number];

// What option 1 stands for when answers come as numbers: the platforms list 非常满意 first.
export const oneMeansValues = ['best', 'worst'] as const;
export type OneMeans = (typeof oneMeansValues)[number];

// The option words, by the score they give (1 非常不满意 … 5 非常满意), as the platforms' templates
// and the schools' own questionnaires write them.
export const answerWords: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly string[]>> = {
  5: ['非常满意', '很满意', '十分满意', '特别满意'],
  4: ['满意', '比较满意', '较满意'],
  3: ['基本满意', '一般', '较一般'],
  2: ['不满意', '不太满意', '比较不满意', '较不满意'],
  1: ['非常不满意', '很不满意', '十分不满意', '极不满意'],
};

// The columns each platform writes before the questions: seeing one of its marks tells the
// platform; an answer sheet's number and submission time make its identity on the platform.
export const platformColumns: Readonly<
  Record<Platform, { marks: readonly string[]; number: readonly string[]; time: readonly string[] }>
> = {
  wjx: {
    marks: ['提交答卷时间', '所用时间', '来源详情', '来自IP', '答卷时间'],
    number: ['序号'],
    time: ['提交答卷时间', '答卷时间'],
  },
  tencent: {
    marks: ['开始答题时间', '结束答题时间', '答题时长'],
    number: ['编号'],
    time: ['结束答题时间', '开始答题时间'],
  },
};

// What a platform writes in a cell with no answer: "(跳过)" a skipped question, "(空)" an empty box,
// -3 and -2 the same in exports of option numbers (spaces and full-width brackets folded first).
export const noAnswerWords: readonly string[] = ['', '(空)', '(跳过)', '-3', '-2'];

// The command line's words for which end option 1 is.
export const oneMeansWords: Readonly<Record<OneMeans, string>> = { best: '非常满意', worst: '非常不满意' };

const platformSource = {
  classId: idSchema,
  grant: grantSchema,
  satisfaction: z.enum(satisfactions),
  // The course, teacher or teaching point asked about, by its number (the dialog) or its name (the
  // command line); neither: the class as a whole.
  subjectId: idSchema.nullable().default(null),
  subjectName: z.string().trim().max(200).optional(),
  oneMeans: z.enum(oneMeansValues).optional(),
  jobId: jobIdSchema,
};

export const platformImportSchemas = {
  preview: z.strictObject(platformSource),
  commit: z.strictObject({ ...platformSource, token: z.string().min(1).max(200) }),
};
export type PlatformSource = z.output<typeof platformImportSchemas.preview>;

export const platformColumnUses = ['platform', 'item', 'comment', 'unused'] as const;

export const platformPreviewSchema = z.object({
  token: z.string(),
  fileName: z.string(),
  platform: z.enum(platforms),
  // The survey the file answers: the one there is, or the one the import will make.
  survey: z.object({ id: z.number().int().nullable(), title: z.string(), items: z.array(z.string()) }),
  // Every column of the file, and what became of it: a platform column skipped, the item a question
  // went to (1-based), the comment, or a question not used (an earlier free-text one).
  columns: z.array(
    z.object({
      letter: z.string(),
      header: z.string(),
      use: z.enum(platformColumnUses),
      item: z.number().int().nullable(),
    }),
  ),
  // Whether answers come as option numbers (then oneMeans must be said).
  numbers: z.boolean(),
  oneMeans: z.enum(oneMeansValues).nullable(),
  rows: z.number().int(),
  // Rows with no answer and no comment at all: not questionnaires.
  blank: z.number().int(),
  added: z.number().int(),
  already: z.number().int(),
  skipped: z.number().int(),
  comments: z.number().int(),
  // The satisfaction rate of the questionnaires this import adds (when the numbers' sense is known).
  satisfiedRate: z.number().nullable(),
});
export type PlatformPreview = z.output<typeof platformPreviewSchema>;

export const platformResultSchema = z.object({
  survey: surveySchema,
  added: z.number().int(),
  already: z.number().int(),
  blank: z.number().int(),
});
export type PlatformResult = z.output<typeof platformResultSchema>;
