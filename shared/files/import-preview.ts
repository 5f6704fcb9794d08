import { z } from 'zod';
import { jobIdSchema } from '../channel';
import { grantSchema, ignoredColumnsSchema } from './schemas';

// What every list import shows before it writes (teaching points, households, staff, questionnaires),
// and the problem list a person copies or exports to send back to whoever made the file.

// One problem of a file: its row as the spreadsheet numbers it, who the row is about (the row's name
// cell, or ''), the column's word when one column is at fault (or ''), and what is wrong.
export const listedProblemSchema = z.object({
  row: z.number().int(),
  who: z.string(),
  column: z.string(),
  message: z.string(),
});
export type ListedProblem = z.output<typeof listedProblemSchema>;

// A saved record the file would change: each field whose value differs, before → after, under the
// word the file heads its column with.
export const fieldChangeSchema = z.object({ column: z.string(), before: z.string(), after: z.string() });
export const rowChangeSchema = z.object({ row: z.number().int(), who: z.string(), fields: z.array(fieldChangeSchema) });
export type RowChange = z.output<typeof rowChangeSchema>;

export const tablePreviewSchema = z.object({
  // Brought back by the commit: a file changed since the preview is refused, not imported unseen.
  token: z.string(),
  fileName: z.string(),
  sheet: z.string(),
  dataRows: z.number().int(),
  // What the commit would do, as the import counts it (nothing when the file has problems).
  counts: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  problems: z.array(listedProblemSchema),
  changes: z.array(rowChangeSchema),
  ignoredColumns: ignoredColumnsSchema,
});
export type TablePreview = z.output<typeof tablePreviewSchema>;

// The commit's token: a preview's, at most this long.
export const importTokenSchema = z.string().min(1).max(200);

// The imports whose problems can be exported (the list's title and its audit line say which).
export const problemSources = ['roster', 'sites', 'households', 'staff', 'surveys'] as const;
export type ProblemSource = (typeof problemSources)[number];

// The list as the page has it: bounded, so that a hostile page cannot make the core write gigabytes.
export const problemExportSchema = z.strictObject({
  grant: grantSchema,
  jobId: jobIdSchema,
  source: z.enum(problemSources),
  fileName: z.string().max(260),
  problems: z
    .array(
      z.strictObject({
        row: z.number().int().min(0).max(10_000_000),
        who: z.string().max(200),
        column: z.string().max(200),
        message: z.string().max(2000),
      }),
    )
    .min(1)
    .max(20_000),
});
