import { z } from 'zod';
import { idSchema, jobIdSchema } from '../channel';
import { isoDate } from '../dates';
import { importTokenSchema } from '../files/import-preview';
import { grantSchema } from '../files/schemas';
import { withoutMarks } from '../text/shown';
import { withLabels } from '../validation';

// Research reports (调研报告): the topics a class writes on, who writes on which, each file handed in
// (every upload a version), what it says (extracted and indexed), how it was judged, and where it
// went afterwards (published in the school's journal, sent up to the leadership).

const text = (max: number) => z.string().trim().max(max);

// Control characters (a line break, a tab, a NUL) and runs of spaces become one space; bidi overrides
// and zero-width marks, which would make the title read otherwise in the 汇编 and the log, go.
const oneLine = (value: string): string =>
  Array.from(withoutMarks(value), (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
const id = idSchema;

// What a report's file is, decided by its bytes.
export const documentFormats = ['docx', 'doc', 'wps', 'pdf', 'txt', 'md'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

// text: the words were read; encrypted: a PDF with a password; none: nothing to read (a scan, a WPS
// file no library reads). The file is kept in every case.
export const textStatuses = ['text', 'encrypted', 'none'] as const;
export type TextStatus = (typeof textStatuses)[number];

// What the parser worker reads from a report's file.
export type ExtractedDocument = {
  fileName: string;
  digest: string;
  size: number;
  format: DocumentFormat;
  status: TextStatus;
  text: string;
  chars: number;
};

export const grades = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof grades)[number];

export const topicFieldsSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  adviserStaffId: id.nullable().default(null),
  description: text(2000).default(''),
  // Authors (or groups) who may take it; empty: any number.
  maxAuthors: z.number().int().min(1).max(500).nullable().default(null),
});
export type TopicFields = z.output<typeof topicFieldsSchema>;

export const topicSchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  title: z.string(),
  adviserStaffId: z.number().int().nullable(),
  adviserName: z.string(),
  description: z.string(),
  maxAuthors: z.number().int().nullable(),
  reports: z.number().int(),
  authors: z.number().int(),
});
export type Topic = z.output<typeof topicSchema>;

export const versionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  fileName: z.string(),
  format: z.enum(documentFormats),
  size: z.number().int(),
  textStatus: z.enum(textStatuses),
  chars: z.number().int(),
  sha256: z.string(),
  submittedAt: z.string(),
});
export type ReportVersion = z.output<typeof versionSchema>;

export const authorSchema = z.object({ enrolmentId: z.number().int().nullable(), name: z.string() });

export const reviewFieldsSchema = z.strictObject({
  reviewer: text(50).default(''),
  score: z.number().min(0).max(100).nullable().default(null),
  grade: z.enum(grades),
  comments: text(4000).default(''),
  reviewedOn: isoDate(),
});
export type ReviewFields = z.output<typeof reviewFieldsSchema>;
export const reviewSchema = z.object({
  reviewer: z.string(),
  score: z.number().nullable(),
  grade: z.enum(grades),
  comments: z.string(),
  reviewedOn: z.string(),
});

export const publicationSchema = z.strictObject({
  journal: z.string().trim().min(1).max(100),
  year: z.number().int().min(1949).max(2200),
  issue: text(30).default(''),
});
export const forwardingSchema = z.strictObject({
  department: z.string().trim().min(1).max(100),
  sentOn: isoDate(),
  feedback: text(2000).default(''),
  instruction: text(2000).default(''),
});
export type Forwarding = z.output<typeof forwardingSchema>;

// One report as lists show it: the latest version, the review, where it went.
export const reportRowSchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  classYear: z.number().int(),
  topicId: z.number().int().nullable(),
  topicTitle: z.string(),
  title: z.string(),
  groupNo: z.number().int().nullable(),
  authors: z.array(authorSchema),
  latest: versionSchema.nullable(),
  versions: z.number().int(),
  review: reviewSchema.nullable(),
  publication: publicationSchema.nullable(),
  forwardings: z.number().int(),
});
export type ReportRow = z.output<typeof reportRowSchema>;

export const reportDetailSchema = reportRowSchema.extend({
  allVersions: z.array(versionSchema),
  forwardingList: z.array(forwardingSchema.extend({ id: z.number().int() })),
});
export type ReportDetail = z.output<typeof reportDetailSchema>;

// Where each trainee of a class stands: no topic yet, a topic chosen, handed in (on time or late),
// or past the deadline with nothing handed in.
export const boardStates = ['unchosen', 'chosen', 'submitted', 'late', 'overdue'] as const;
export type BoardState = (typeof boardStates)[number];

export const boardRowSchema = z.object({
  enrolmentId: z.number().int(),
  name: z.string(),
  unit: z.string(),
  group: z.number().int().nullable(),
  reportId: z.number().int().nullable(),
  topicTitle: z.string(),
  title: z.string(),
  state: z.enum(boardStates),
  submittedAt: z.string().nullable(),
  versions: z.number().int(),
  grade: z.enum(grades).nullable(),
});
export type BoardRow = z.output<typeof boardRowSchema>;

export const boardSchema = z.object({
  deadline: z.string().nullable(),
  topics: z.array(topicSchema),
  rows: z.array(boardRowSchema),
  counts: z.record(z.enum(boardStates), z.number().int()),
});
export type Board = z.output<typeof boardSchema>;

// A file of an upload, read and matched to its authors, waiting for the person to confirm.
export const matchKinds = ['name', 'group', 'none'] as const;
export const stagedFileSchema = z.object({
  key: z.string(),
  name: z.string(),
  // Where it lay inside the chosen folder (its own name for a chosen file).
  relative: z.string(),
  size: z.number().int(),
  format: z.enum(documentFormats).nullable(),
  textStatus: z.enum(textStatuses).nullable(),
  chars: z.number().int(),
  title: z.string(),
  matchedBy: z.enum(matchKinds),
  enrolmentIds: z.array(z.number().int()),
  groupNo: z.number().int().nullable(),
  topicId: z.number().int().nullable(),
  // The report it becomes a new version of, and that version's number.
  reportId: z.number().int().nullable(),
  version: z.number().int(),
  // Why it cannot be stored (an empty file, a program renamed .pdf): it is left out.
  problem: z.string().nullable(),
});
export type StagedFile = z.output<typeof stagedFileSchema>;

export const stagedSchema = z.object({ token: z.string(), files: z.array(stagedFileSchema) });
export type Staged = z.output<typeof stagedSchema>;

export const commitItemSchema = z.strictObject({
  key: z.string().max(20),
  enrolmentIds: z.array(id).min(1).max(100),
  groupNo: z.number().int().min(1).max(99).nullable().default(null),
  topicId: id.nullable().default(null),
  title: text(200).default(''),
});
export type CommitItem = z.output<typeof commitItemSchema>;

export const committedSchema = z.object({ reports: z.number().int(), versions: z.number().int(), files: z.number().int() });

export const searchHitSchema = z.object({
  report: reportRowSchema,
  rank: z.number(),
  title: z.array(z.object({ text: z.string(), hit: z.boolean() })),
  snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })),
});
export type SearchHit = z.output<typeof searchHitSchema>;
export const searchResultSchema = z.object({ hits: z.array(searchHitSchema), total: z.number().int() });
export type SearchResult = z.output<typeof searchResultSchema>;

export const reportFilterSchema = z.strictObject({
  classId: id.optional(),
  year: z.number().int().min(2000).max(2200).optional(),
  grade: z.enum(grades).optional(),
  // excellent: graded 优秀; published: in the journal; forwarded: sent up.
  outcome: z.enum(['excellent', 'published', 'forwarded']).optional(),
});
export type ReportFilter = z.output<typeof reportFilterSchema>;

export const reportsSchemas = {
  board: z.strictObject({ classId: id }),
  get: z.strictObject({ id }),
  list: reportFilterSchema,
  search: z.strictObject({
    query: z.string().trim().max(200),
    filter: reportFilterSchema.default({}),
    limit: z.number().int().min(1).max(200).default(20),
  }),
  saveTopic: withLabels(z.strictObject({ classId: id, id: id.optional(), fields: topicFieldsSchema }), {
    'fields.title': 'fields.topicTitle',
    'fields.maxAuthors': 'fields.maxAuthors',
  }),
  removeTopic: z.strictObject({ id }),
  setDeadline: z.strictObject({ classId: id, deadline: isoDate().nullable() }),
  choose: z.strictObject({
    classId: id,
    topicId: id,
    enrolmentIds: z.array(id).min(1).max(100),
    groupNo: z.number().int().min(1).max(99).nullable().default(null),
  }),
  assignRest: z.strictObject({ classId: id }),
  review: withLabels(z.strictObject({ reportId: id, review: reviewFieldsSchema }), {
    'review.grade': 'fields.grade',
    'review.score': 'fields.score',
    'review.reviewedOn': 'fields.reportReviewedOn',
    'review.reviewer': 'fields.reportReviewer',
    'review.comments': 'fields.comments',
  }),
  // A report's title as the office writes it: one line (line breaks and runs of spaces become one
  // space), not empty, at most 200 characters.
  rename: withLabels(
    z.strictObject({
      reportId: id,
      title: z
        .string()
        .transform((value) => oneLine(value))
        .pipe(z.string().min(1).max(200)),
    }),
    { title: 'fields.reportTitle' },
  ),
  saveOutcome: z.strictObject({
    reportId: id,
    publication: publicationSchema.nullable(),
    forwardings: z.array(forwardingSchema).max(50),
  }),
  open: z.strictObject({ versionId: id, action: z.enum(['open', 'show']) }),
  stage: z.strictObject({
    classId: id,
    grants: z.array(grantSchema).max(500).default([]),
    folder: grantSchema.nullable().default(null),
    jobId: jobIdSchema,
  }),
  commit: withLabels(
    z.strictObject({
      classId: id,
      token: importTokenSchema,
      items: z.array(commitItemSchema).min(1).max(500),
      jobId: jobIdSchema,
    }),
    { 'items.title': 'fields.reportTitle', 'items.key': 'fields.key' },
  ),
  export: z.strictObject({ filter: reportFilterSchema.default({}), grant: grantSchema, jobId: jobIdSchema }),
  compile: z.strictObject({ classId: id, grant: grantSchema, jobId: jobIdSchema }),
};

// The words file names use around the names of authors and groups, left out of a title guessed
// from a name: 张三-调研报告-终稿.docx is 张三's report, not one titled 调研报告终稿.
export const fileNameNoise = ['调研报告', '调研', '报告', '终稿', '定稿', '修改稿', '初稿', '最终版', '修订版', '副本'];
