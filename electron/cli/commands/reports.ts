import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArchivePreview } from '../../../shared/reports/archive';
import type { ArchiveImportResult, SearchResult, StagedFile } from '../../../shared/reports/schemas';
import { message } from '../../../shared/i18n/translate';
import { err, ok } from '../../../shared/result';
import { type Command, steps, UsageError } from '../command';
import { formatFacts, formatTable } from '../format';
import { cliText } from '../messages';
import { classId, classOption, oneFile } from './class-args';

type Imported = { stored: StagedFile[]; left: StagedFile[]; reports: number };
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

const marked = (segments: readonly { text: string; hit: boolean }[]) =>
  segments.map((segment) => (segment.hit ? cliText('reports.search.mark', { text: segment.text }) : segment.text)).join('');

export const reportCommands: readonly Command[] = [
  steps<Imported>({
    words: ['reports', 'import'],
    usage: cliText('reports.import.usage'),
    summary: cliText('reports.import.summary'),
    options: classOption,
    // Folders and files, matched to authors by their names; what matches nobody is left out and named.
    execute: async ({ call, grant }, values, positionals) => {
      if (positionals.length === 0) throw new UsageError(cliText('classArgs.needFile', { what: cliText('reports.what') }));
      const paths = positionals.map((path) => resolve(path));
      const folders = paths.filter((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory());
      if (folders.length > 1) throw new UsageError(cliText('reports.import.oneFolder'));
      const id = await classId(call, values);
      if (!id.ok) return id;
      const staged = await call('reports.stage', {
        classId: id.value,
        folder: folders[0] === undefined ? null : grant(folders[0], 'reportFolder'),
        grants: paths.filter((path) => !folders.includes(path)).map((path) => grant(path, 'reportFiles')),
      });
      if (!staged.ok) return staged;
      const stored = staged.value.files.filter((file) => file.problem === null && file.enrolmentIds.length > 0);
      const left = staged.value.files.filter((file) => !stored.includes(file));
      if (stored.length === 0) return ok({ stored, left, reports: 0 });
      const committed = await call('reports.commit', {
        classId: id.value,
        token: staged.value.token,
        items: stored.map(({ key, enrolmentIds, groupNo, topicId, title }) => ({ key, enrolmentIds, groupNo, topicId, title })),
      });
      return committed.ok ? ok({ stored, left, reports: committed.value.reports }) : err(committed.error);
    },
    print: ({ stored, left, reports }) =>
      [
        cliText('reports.import.done', { files: stored.length, reports }),
        ...left.map((file) =>
          cliText('reports.import.left', { name: file.relative, why: file.problem ?? cliText('reports.import.unmatched') }),
        ),
      ].join('\n'),
    exitCode: ({ left }) => (left.length > 0 ? 1 : 0),
  }),
  steps<SearchResult>({
    words: ['reports', 'search'],
    usage: cliText('reports.search.usage'),
    summary: cliText('reports.search.summary'),
    options: { ...classOption, limit: { type: 'string', describe: cliText('reports.search.limit') } },
    execute: async ({ call }, values, positionals) => {
      const query = positionals.join(' ');
      if (query.trim() === '') throw new UsageError(cliText('reports.search.needWords'));
      const filter: { classId?: number } = {};
      if (values['class'] !== undefined) {
        const id = await classId(call, values);
        if (!id.ok) return id;
        filter.classId = id.value;
      }
      const limit = typeof values['limit'] === 'string' ? Number(values['limit']) : 20;
      return call('reports.search', { query, filter, limit });
    },
    print: ({ hits, total }) =>
      [
        cliText('reports.search.found', { total, shown: hits.length }),
        formatTable(
          [
            cliText('reports.search.columns.title'),
            cliText('reports.search.columns.authors'),
            cliText('reports.search.columns.className'),
            cliText('reports.search.columns.passage'),
          ],
          hits.map((hit) => [
            marked(hit.title),
            hit.report.authors.map((author) => author.name).join(cliText('reports.search.list')),
            hit.report.className,
            marked(hit.snippet),
          ]),
        ),
      ].join('\n'),
  }),
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
      return call('reports.archiveExport', { classId: id.value, grant: grant(resolve(out), 'export') });
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
      const preview = await call('reports.archivePreview', { grant: source });
      if (!preview.ok) return preview;
      if (preview.value.existing !== null && values['yes'] !== true) return ok({ preview: preview.value, result: null });
      const result = await call('reports.archiveImport', { grant: source, token: preview.value.token });
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
