import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SearchResult, StagedFile } from '../../../shared/reports/schemas';
import { err, ok } from '../../../shared/result';
import { type Command, steps, UsageError } from '../command';
import { formatTable } from '../format';
import { cliText } from '../messages';
import { classId, classOption } from './class-args';

type Imported = { stored: StagedFile[]; left: StagedFile[]; reports: number };
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
];
