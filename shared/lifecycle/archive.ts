import { z } from 'zod';
import { idSchema as id, jobIdSchema } from '../channel';
import { classStatuses } from '../classes/schemas';
import { isoDate, isoInstant } from '../dates';
import { importTokenSchema } from '../files/import-preview';
import { grantSchema } from '../files/schemas';
import { documentFormats, forwardingSchema, grades, publicationSchema, reviewSchema, textStatuses } from '../reports/schemas';

// The class archive (一班一档) as it travels between workstations: the manifest.json a package
// carries for the program, and what an import shows the person before anything of it is stored.

export const archiveManifestVersion = 1;

// The manifest believes nothing: every date a real date, every moment a real moment, every string
// bounded. A package another program made, or a hand edited, is refused with the field named.
export const archiveManifestSchema = z.object({
  format: z.literal('cadre-class-archive'),
  version: z.literal(archiveManifestVersion),
  class: z
    .object({
      name: z.string().min(1).max(100),
      code: z.string().max(50),
      year: z.number().int().min(2000).max(2100),
      startDate: isoDate(),
      endDate: isoDate(),
    })
    .refine((value) => value.endDate >= value.startDate, { path: ['endDate'], params: { code: 'end_before_start' } }),
  topics: z
    .array(
      z.object({
        title: z.string().min(1).max(200),
        description: z.string().max(2000),
        maxAuthors: z.number().int().min(1).max(500).nullable(),
      }),
    )
    .max(500),
  reports: z
    .array(
      z.object({
        topic: z.string().max(200),
        title: z.string().max(200),
        groupNo: z.number().int().min(1).max(99).nullable(),
        authors: z.array(z.string().min(1).max(50)).max(100),
        versions: z
          .array(
            z.object({
              entry: z.string().min(1).max(300),
              sha256: z.string().regex(/^[0-9a-f]{64}$/),
              fileName: z.string().min(1).max(300),
              format: z.enum(documentFormats),
              submittedAt: isoInstant(),
            }),
          )
          .min(1)
          .max(50),
        review: z
          .object({
            reviewer: z.string().max(50),
            score: z.number().min(0).max(100).nullable(),
            grade: z.enum(grades),
            comments: z.string().max(4000),
            reviewedOn: isoDate(),
          })
          .nullable(),
        publication: publicationSchema.nullable(),
        forwardings: z.array(forwardingSchema).max(50),
      }),
    )
    .max(2000),
});
export type ArchiveManifest = z.output<typeof archiveManifestSchema>;

// --- The preview ----------------------------------------------------------------------------------

// How an author's name in the package meets this class's roster: one trainee of that name (matched),
// none (unmatched: kept as a name), or two or more (ambiguous: kept as a name, linked to nobody).
export const authorMatches = ['matched', 'unmatched', 'ambiguous'] as const;
export type AuthorMatch = (typeof authorMatches)[number];

// new: none of its files is here yet; present: all are (it is left out); partial: some are (the
// others come in as a report of their own, as an import always did).
export const archiveReportStates = ['new', 'present', 'partial'] as const;

export const archiveReportPreviewSchema = z.object({
  title: z.string(),
  topic: z.string(),
  groupNo: z.number().int().nullable(),
  state: z.enum(archiveReportStates),
  authors: z.array(z.object({ name: z.string(), match: z.enum(authorMatches) })),
  versions: z.array(
    z.object({
      fileName: z.string(),
      format: z.enum(documentFormats),
      size: z.number().int(),
      submittedAt: z.string(),
      textStatus: z.enum(textStatuses),
      chars: z.number().int(),
      present: z.boolean(),
    }),
  ),
  review: reviewSchema.nullable(),
  publication: publicationSchema.nullable(),
  forwardings: z.array(forwardingSchema),
});
export type ArchiveReportPreview = z.output<typeof archiveReportPreviewSchema>;

export const archivePreviewSchema = z.object({
  // What the import must bring back: bound to the package's bytes and to this plan.
  token: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  // The class as the package names it.
  packageClass: z.object({
    name: z.string(),
    code: z.string(),
    year: z.number().int(),
    startDate: z.string(),
    endDate: z.string(),
  }),
  // The class it goes into: null when a new one is created.
  existing: z
    .object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      status: z.enum(classStatuses),
    })
    .nullable(),
  topics: z.object({ total: z.number().int(), added: z.number().int() }),
  reports: z.array(archiveReportPreviewSchema),
  counts: z.object({
    reports: z.number().int(),
    newReports: z.number().int(),
    presentReports: z.number().int(),
    versions: z.number().int(),
    newVersions: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    ambiguous: z.number().int(),
    reviews: z.number().int(),
    excellent: z.number().int(),
    published: z.number().int(),
    forwarded: z.number().int(),
  }),
});
export type ArchivePreview = z.output<typeof archivePreviewSchema>;

export const archiveImportResultSchema = z.object({
  classId: z.number().int(),
  className: z.string(),
  createdClass: z.boolean(),
  reports: z.number().int(),
  versions: z.number().int(),
  skipped: z.number().int(),
});
export type ArchiveImportResult = z.output<typeof archiveImportResultSchema>;

// The channels' inputs.
export const archiveSchemas = {
  archiveExport: z.strictObject({ classId: id, grant: grantSchema, jobId: jobIdSchema }),
  // Reads a package and says what importing it would do; nothing is stored.
  archivePreview: z.strictObject({ grant: grantSchema, jobId: jobIdSchema }),
  // Imports the package the preview read, as it planned: a package changed since, or data that moved
  // under the plan (a class of that name created, a roster changed), is refused for a new preview.
  archiveImport: z.strictObject({ grant: grantSchema, token: importTokenSchema, jobId: jobIdSchema }),
};
