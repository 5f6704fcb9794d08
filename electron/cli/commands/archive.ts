import { resolve } from 'node:path';
import { message } from '../../../shared/i18n/translate';
import type { ArchiveImportResult, ArchivePreview } from '../../../shared/lifecycle/archive';
import { err, ok } from '../../../shared/result';
import { type Command, steps, UsageError } from '../command';
import { formatFacts, formatTable } from '../format';
import { cliText } from '../messages';
import { classId, classOption, oneFile } from './class-args';

// `archive export|import`: the 一班一档 package of a finished class, carried between workstations.

type ArchiveImported = { preview: ArchivePreview; result: ArchiveImportResult | null };

const dates = (item: { startDate: string; endDate: string }) => cliText('reports.archiveImport.dates', item);

// What importing the package would do, as the app's preview shows it: where it goes, each report new
// or already here, each author matched to a trainee or not, and the reviews and dates it brings.
const describeArchive = (preview: ArchivePreview): string => {
  const { counts, existing } = preview;
  const facts = formatFacts([
    [
      cliText('reports.archiveImport.facts.file'),
      message('text.withNote', { text: preview.fileName, note: `${(preview.size / 1024 / 1024).toFixed(1)} MB` }),
    ],
    [
      cliText('reports.archiveImport.facts.class'),
      message('text.withNote', { text: preview.packageClass.name, note: dates(preview.packageClass) }),
    ],
    [
      cliText('reports.archiveImport.facts.into'),
      existing
        ? cliText('reports.archiveImport.existing', { code: existing.code, name: existing.name, dates: dates(existing) })
        : cliText('reports.archiveImport.newClass'),
    ],
    [cliText('reports.archiveImport.facts.reports'), cliText('reports.archiveImport.reports', counts)],
    [cliText('reports.archiveImport.facts.authors'), cliText('reports.archiveImport.authors', counts)],
    [cliText('reports.archiveImport.facts.reviews'), cliText('reports.archiveImport.reviews', counts)],
  ]);
  const table = formatTable(
    [
      cliText('reports.archiveImport.columns.state'),
      cliText('reports.archiveImport.columns.title'),
      cliText('reports.archiveImport.columns.authors'),
      cliText('reports.archiveImport.columns.review'),
      cliText('reports.archiveImport.columns.submitted'),
    ],
    preview.reports.map((report) => [
      cliText(`reports.archiveImport.states.${report.state}`),
      report.title || report.topic,
      report.authors
        .map((author) => cliText(`reports.archiveImport.match.${author.match}`, { name: author.name }))
        .join(cliText('reports.search.list')),
      report.review
        ? cliText('reports.archiveImport.review', {
            grade: message(`reports.grades.${report.review.grade}`),
            date: report.review.reviewedOn,
          })
        : '',
      report.versions.map((version) => new Date(version.submittedAt).toLocaleString('zh-CN')).at(-1) ?? '',
    ]),
  );
  return `${facts}\n\n${table}`;
};

export const archiveCommands: readonly Command[] = [
  steps<{ path: string; rows: number }>({
    words: ['archive', 'export'],
    usage: cliText('reports.archiveExport.usage'),
    summary: cliText('reports.archiveExport.summary'),
    options: { ...classOption, out: { type: 'string', describe: cliText('classArgs.out') } },
    execute: async ({ call, grant }, values) => {
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError(cliText('classArgs.needOut'));
      const id = await classId(call, values);
      if (!id.ok) return id;
      return call('lifecycle.archiveExport', { classId: id.value, grant: grant(resolve(out), 'export') });
    },
    print: ({ path, rows }) => cliText('reports.archiveExport.done', { rows, path }),
  }),
  steps<ArchiveImported>({
    words: ['archive', 'import'],
    usage: cliText('reports.archiveImport.usage'),
    summary: cliText('reports.archiveImport.summary'),
    options: { yes: { type: 'boolean', describe: cliText('reports.archiveImport.yes') } },
    // The preview first; into a class already here only with --yes (a new class needs no asking).
    execute: async ({ call, grant }, values, positionals) => {
      const source = grant(oneFile(positionals, cliText('reports.archiveImport.what')), 'archiveImport');
      const preview = await call('lifecycle.archivePreview', { grant: source });
      if (!preview.ok) return preview;
      if (preview.value.existing !== null && values['yes'] !== true) return ok({ preview: preview.value, result: null });
      const result = await call('lifecycle.archiveImport', { grant: source, token: preview.value.token });
      return result.ok ? ok({ preview: preview.value, result: result.value }) : err(result.error);
    },
    print: ({ preview, result }) =>
      [
        describeArchive(preview),
        result
          ? cliText('reports.archiveImport.done', {
              className: result.className,
              reports: result.reports,
              versions: result.versions,
              skipped: result.skipped,
              created: result.createdClass ? cliText('reports.archiveImport.created') : '',
            })
          : cliText('reports.archiveImport.confirm'),
      ].join('\n\n'),
  }),
];
