import { message } from '../../../shared/i18n/translate';
import { err, ok, type Result } from '../../../shared/result';
import type { Conflict } from '../../../shared/schedule/schemas';
import type { ScheduleImportPreview } from '../../../shared/schedule/import';
import { type Call, type Command, defined, steps, UsageError, type Values } from '../command';
import { cliText } from '../messages';
import { classId, classOption, oneFile } from './class-args';
import { withIgnored } from './ignored-columns';

const teacherId = async (call: Call, name: string): Promise<Result<number>> => {
  if (/^\d+$/.test(name)) return ok(Number(name));
  const found = await call('staff.list', { search: name });
  if (!found.ok) return found;
  const exact = found.value.items.filter((person) => person.name === name);
  if (exact.length === 1 && exact[0]) return ok(exact[0].id);
  return err({
    code: 'NOT_FOUND',
    message:
      exact.length > 1
        ? cliText('schedule.export.namesakes', { count: exact.length, name })
        : cliText('schedule.export.noTeacher', { name }),
  });
};

const target = async (call: Call, values: Values): Promise<Result<{ classId?: number; teacherId?: number }>> => {
  const classRef = values['class'];
  const teacher = values['teacher'];
  if ((typeof classRef === 'string') === (typeof teacher === 'string'))
    throw new UsageError(cliText('schedule.export.classOrTeacher'));
  if (typeof teacher === 'string') {
    const id = await teacherId(call, teacher.trim());
    return id.ok ? ok({ teacherId: id.value }) : id;
  }
  const id = await classId(call, values);
  return id.ok ? ok({ classId: id.value }) : id;
};

export const scheduleCommands: readonly Command[] = [
  steps<{ path: string; rows: number }>({
    words: ['schedule', 'export'],
    usage: cliText('schedule.export.usage'),
    summary: cliText('schedule.export.summary'),
    options: {
      ...classOption,
      teacher: { type: 'string', describe: cliText('schedule.export.teacher') },
      format: { type: 'string', describe: cliText('schedule.export.format') },
      out: { type: 'string', describe: cliText('classArgs.out') },
    },
    execute: async ({ call, grant }, values) => {
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError(cliText('classArgs.needOut'));
      const chosen = await target(call, values);
      if (!chosen.ok) return chosen;
      return call('schedule.export', defined({ ...chosen.value, format: values['format'], grant: grant(out, 'export') }));
    },
    print: ({ path, rows }) => cliText('schedule.export.done', { rows, path }),
  }),
  steps<{ preview: ScheduleImportPreview; added: number; teachersAdded: number; conflicts: Conflict[] }>({
    words: ['schedule', 'import'],
    usage: cliText('schedule.import.usage'),
    summary: cliText('schedule.import.summary'),
    options: { ...classOption, 'add-teachers': { type: 'boolean', describe: cliText('schedule.import.addTeachers') } },
    execute: async ({ call, grant }, values, positionals) => {
      const file = grant(oneFile(positionals, cliText('schedule.import.what')), 'scheduleImport');
      const id = await classId(call, values);
      if (!id.ok) return id;
      const source = { classId: id.value, grant: file };
      const preview = await call('schedule.importPreview', source);
      if (!preview.ok) return preview;
      const refused = preview.value.rows.filter((row) => row.problems.length > 0);
      // Every refused row with its reasons, not only the first that the commit would name.
      if (refused.length > 0)
        return err({
          code: 'INVALID_INPUT',
          message: [
            cliText('schedule.import.refused', { count: refused.length }),
            ...refused.map((row) =>
              cliText('schedule.import.row', {
                row: row.row,
                problems: row.problems
                  .map((p) =>
                    p.column ? cliText('schedule.import.column', { column: p.column, message: p.message }) : p.message,
                  )
                  .join(message('text.clauses')),
              }),
            ),
          ].join('\n'),
        });
      // The core's refusal speaks of the screen's checkbox; on the command line it is an option.
      const newTeachers = preview.value.newTeachers;
      if (newTeachers.length > 0 && values['add-teachers'] !== true)
        return err({
          code: 'INVALID_INPUT',
          message: cliText('schedule.import.teachersMissing', {
            names: newTeachers
              .map((t) => cliText('schedule.import.teacherRows', { name: t.name, rows: t.rows.join(message('text.list')) }))
              .join(message('text.list')),
          }),
        });
      const result = await call('schedule.importCommit', {
        ...source,
        token: preview.value.token,
        addTeachers: values['add-teachers'] === true,
      });
      return result.ok ? ok({ preview: preview.value, ...result.value }) : err(result.error);
    },
    print: ({ preview, added, teachersAdded, conflicts }) =>
      [
        cliText(/\.csv$/i.test(preview.fileName) ? 'schedule.import.fileCsv' : 'schedule.import.file', {
          name: preview.fileName,
          sheet: preview.sheet,
          row: preview.headerRow,
        }),
        withIgnored(cliText('schedule.import.added', { count: added }), preview.ignoredColumns),
        ...(teachersAdded > 0
          ? [
              cliText('schedule.import.teachersAdded', {
                count: teachersAdded,
                names: preview.newTeachers
                  .map((t) => (t.organisation ? message('text.withNote', { text: t.name, note: t.organisation }) : t.name))
                  .join(message('text.list')),
              }),
            ]
          : []),
        ...(conflicts.length > 0
          ? [cliText('schedule.import.conflicts', { count: conflicts.length }), ...conflicts.map((c) => `  ${c.message}`)]
          : []),
      ].join('\n'),
    json: ({ preview, added, teachersAdded, conflicts }) => ({
      added,
      teachersAdded,
      conflicts,
      ignoredColumns: preview.ignoredColumns,
    }),
  }),
];
