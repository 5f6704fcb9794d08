import { message } from '../../../shared/i18n/translate';
import { seatLayouts } from '../../../shared/seating/schemas';
import { err, ok } from '../../../shared/result';
import type { ImportPreview, ImportResult } from '../../../shared/roster/import';
import { type Command, defined, steps, UsageError } from '../command';
import { formatTable } from '../format';
import { cliText } from '../messages';
import { classId, classOption, oneFile } from './class-args';
import { withIgnored } from './ignored-columns';
import { exportFormats, maskableColumnsOf, rosterColumns, rosterDocuments, signinLayouts } from '../../../shared/roster/export';
import { type RosterEntry, rosterSorts } from '../../../shared/roster/schemas';

type Imported = { preview: ImportPreview; result: ImportResult };

const sexWord = (entry: RosterEntry) => (entry.sex ? message(`sex.${entry.sex}`) : '');

export const rosterCommands: readonly Command[] = [
  steps<Imported>({
    words: ['roster', 'import'],
    usage: cliText('roster.import.usage'),
    summary: cliText('roster.import.summary'),
    options: {
      ...classOption,
      sheet: { type: 'string', describe: cliText('roster.import.sheet') },
      'header-row': { type: 'string', describe: cliText('roster.import.headerRow') },
      'keep-unit-position': { type: 'boolean', describe: cliText('roster.import.keepUnitPosition') },
    },
    execute: async ({ call, grant }, values, positionals) => {
      const file = grant(oneFile(positionals, cliText('roster.import.what')), 'rosterImport');
      const id = await classId(call, values);
      if (!id.ok) return id;
      const headerRow = typeof values['header-row'] === 'string' ? Number(values['header-row']) : undefined;
      const source = defined({
        classId: id.value,
        grant: file,
        sheet: values['sheet'],
        headerRow,
        splitUnitPosition: values['keep-unit-position'] === true ? false : undefined,
      });
      const preview = await call('roster.importPreview', source);
      if (!preview.ok) return preview;
      const result = await call('roster.importCommit', { ...source, token: preview.value.token });
      return result.ok ? ok({ preview: preview.value, result: result.value }) : err(result.error);
    },
    print: ({ preview, result }) => {
      const { added, updated, unchanged, rejected } = result.counts;
      const lines = [
        cliText(/\.csv$/i.test(preview.fileName) ? 'roster.import.fileCsv' : 'roster.import.file', {
          name: preview.fileName,
          sheet: preview.sheet,
          row: preview.headerRow,
          rows: preview.dataRows,
        }),
        withIgnored(cliText('roster.import.counts', { added, updated, unchanged, rejected }), preview.ignoredColumns),
      ];
      const combined = preview.unitPosition;
      if (combined)
        lines.push(
          cliText(
            !combined.split
              ? 'roster.import.splitOff'
              : combined.unsure > 0
                ? 'roster.import.splitUnsure'
                : 'roster.import.split',
            {
              header: combined.header,
              column: combined.column,
              unsure: combined.unsure,
            },
          ),
        );
      for (const row of result.rejected)
        lines.push(
          cliText(row.who === '' ? 'roster.import.rejectedRow' : 'roster.import.rejectedRowNamed', {
            row: row.row,
            who: row.who,
            reasons: row.reasons.join(message('text.clauses')),
          }),
        );
      const warnings = preview.problems.filter((p) => p.severity === 'warning');
      if (warnings.length > 0) {
        lines.push(cliText('roster.import.warnings', { count: warnings.length }));
        for (const warning of warnings.slice(0, 20))
          lines.push(
            cliText('roster.import.warning', {
              row: warning.row,
              column: warning.column ? cliText('roster.import.warningColumn', { column: warning.column }) : '',
              message: warning.message,
            }),
          );
        if (warnings.length > 20) lines.push(cliText('roster.import.moreWarnings', { count: warnings.length - 20 }));
      }
      return lines.join('\n');
    },
    json: ({ preview, result }) => ({ ...result, problems: preview.problems, ignoredColumns: preview.ignoredColumns }),
  }),
  steps<(RosterEntry & { idNumber?: string; phone?: string })[]>({
    words: ['roster', 'list'],
    usage: cliText('roster.list.usage'),
    summary: cliText('roster.list.summary'),
    options: {
      ...classOption,
      sort: { type: 'string', describe: cliText('roster.list.sort', { sorts: rosterSorts.join(' / ') }) },
      reveal: { type: 'boolean', describe: cliText('roster.list.reveal') },
    },
    execute: async ({ call }, values) => {
      const id = await classId(call, values);
      if (!id.ok) return id;
      const listed = await call('roster.list', defined({ classId: id.value, sort: values['sort'] }));
      if (!listed.ok || values['reveal'] !== true || listed.value.items.length === 0)
        return listed.ok ? ok(listed.value.items) : listed;
      const revealed = await call('trainees.reveal', {
        ids: listed.value.items.map((e) => e.traineeId),
        purpose: cliText('roster.list.purpose'),
      });
      if (!revealed.ok) return revealed;
      const full = new Map(revealed.value.map((r) => [r.id, r]));
      return ok(
        listed.value.items.map((entry) => ({
          ...entry,
          idNumber: full.get(entry.traineeId)?.idNumber ?? '',
          phone: full.get(entry.traineeId)?.phone ?? '',
        })),
      );
    },
    print: (items) =>
      items.length === 0
        ? cliText('roster.list.empty')
        : `${formatTable(
            (
              ['seq', 'name', 'sex', 'birthDate', 'idNumber', 'unit', 'position', 'phone', 'group', 'role', 'status'] as const
            ).map((column) => cliText(`roster.list.columns.${column}`)),
            items.map((e, i) => [
              String(i + 1),
              e.name,
              sexWord(e),
              e.birthDate ?? '',
              e.idNumber ?? e.idNumberMasked,
              e.unit,
              e.position,
              e.phone ?? e.phoneMasked,
              e.group === null ? '' : String(e.group),
              e.role,
              message(`enrolmentStatus.${e.status}`),
            ]),
          )}\n${cliText('roster.list.total', { count: items.length })}`,
  }),
  steps<{ path: string; rows: number; bytes: number; people: boolean; masked: string[] }>({
    words: ['roster', 'export'],
    usage: cliText('roster.export.usage'),
    summary: cliText('roster.export.summary'),
    options: {
      ...classOption,
      format: { type: 'string', describe: cliText('roster.export.format', { formats: exportFormats.join(' / ') }) },
      out: { type: 'string', describe: cliText('classArgs.out') },
      document: { type: 'string', describe: cliText('roster.export.document', { documents: rosterDocuments.join(' / ') }) },
      columns: { type: 'string', describe: cliText('roster.export.columns', { columns: rosterColumns.join(',') }) },
      sort: { type: 'string', describe: cliText('roster.export.sort', { sorts: rosterSorts.join(' / ') }) },
      reveal: { type: 'boolean', describe: cliText('roster.export.reveal') },
      encoding: { type: 'string', describe: cliText('roster.export.encoding') },
      by: { type: 'string', describe: cliText('roster.export.by', { layouts: signinLayouts.join(' / ') }) },
      'all-days': { type: 'boolean', describe: cliText('roster.export.allDays') },
      'per-page': { type: 'string', describe: cliText('roster.export.perPage') },
      font: { type: 'string', describe: cliText('roster.export.font') },
      photo: { type: 'boolean', describe: cliText('roster.export.photo') },
      'committee-front': { type: 'boolean', describe: cliText('roster.export.committeeFront') },
      layout: { type: 'string', describe: cliText('roster.export.layout', { layouts: seatLayouts.join(' / ') }) },
    },
    execute: async ({ call, grant }, values) => {
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError(cliText('classArgs.needOut'));
      const id = await classId(call, values);
      if (!id.ok) return id;
      const reveal = values['reveal'] === true;
      const document = values['document'] ?? 'roster';
      // One option for both cards: the schema says which counts each takes.
      const perPage = typeof values['per-page'] === 'string' ? Number(values['per-page']) : undefined;
      const columns = typeof values['columns'] === 'string' ? values['columns'].split(',').map((c) => c.trim()) : undefined;
      const written = await call(
        'roster.export',
        defined({
          classId: id.value,
          grant: grant(out, 'export'),
          format: values['format'],
          document,
          tentcardsPerPage: document === 'tentcards' ? perPage : undefined,
          badgesPerPage: document === 'badges' ? perPage : undefined,
          tentcardFont: values['font'],
          badgePhoto: values['photo'],
          committeeFront: values['committee-front'],
          seatingLayout: values['layout'],
          columns,
          sort: values['sort'],
          csvEncoding: values['encoding'],
          signinBy: values['by'],
          allDays: values['all-days'],
          reveal: { idNumber: reveal, phone: reveal },
        }),
      );
      if (!written.ok) return written;
      // A 通讯录 whose phones came out masked is no use as one: say so, and how to get them whole.
      // (The core has accepted the document: it is one of the known ones.)
      const known = rosterDocuments.find((name) => name === document);
      const masked = reveal || known === undefined ? [] : maskableColumnsOf(known, columns);
      // A 座次表, 桌签 and 胸牌 are counted in people, the lists in rows.
      const people = known === 'seating' || known === 'tentcards' || known === 'badges';
      return ok({ ...written.value, people, masked: masked.map((column) => message(`fields.${column}`)) });
    },
    print: ({ path, rows, people, masked }) =>
      [
        cliText(people ? 'roster.export.donePeople' : 'roster.export.done', { rows, path }),
        ...(masked.length > 0 ? [cliText('roster.export.masked', { what: masked.join(message('text.list')) })] : []),
      ].join('\n'),
  }),
];
