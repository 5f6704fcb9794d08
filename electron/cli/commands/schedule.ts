import { err, ok, type Result } from '../../../shared/result';
import type { Conflict } from '../../../shared/schedule/schemas';
import type { ScheduleImportPreview } from '../../../shared/schedule/import';
import { type Call, type Command, defined, steps, UsageError, type Values } from '../command';
import { classId, classOption, oneFile } from './class-args';

const teacherId = async (call: Call, name: string): Promise<Result<number>> => {
  if (/^\d+$/.test(name)) return ok(Number(name));
  const found = await call('staff.list', { search: name });
  if (!found.ok) return found;
  const exact = found.value.items.filter((person) => person.name === name);
  if (exact.length === 1 && exact[0]) return ok(exact[0].id);
  return err({
    code: 'NOT_FOUND',
    message: exact.length > 1 ? `有 ${exact.length} 位名叫“${name}”的人员，请用编号` : `找不到人员“${name}”`,
  });
};

const target = async (call: Call, values: Values): Promise<Result<{ classId?: number; teacherId?: number }>> => {
  const classRef = values['class'];
  const teacher = values['teacher'];
  if ((typeof classRef === 'string') === (typeof teacher === 'string'))
    throw new UsageError('请用 --class 指定班次，或用 --teacher 指定授课人（二选一）');
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
    usage: 'schedule export --class <ID 或编号> --format xlsx|docx|pdf|ics --out 文件',
    summary: '导出课程安排表（Excel、Word、PDF）或日历文件（.ics，可导入手机和电脑日历）',
    options: {
      ...classOption,
      teacher: { type: 'string', describe: '授课人的姓名或编号（导出此人跨班次的全部课程）' },
      format: { type: 'string', describe: '格式：xlsx / docx / pdf / ics' },
      out: { type: 'string', describe: '保存到的文件' },
    },
    execute: async ({ call, grant }, values) => {
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError('请用 --out 指定保存到的文件');
      const chosen = await target(call, values);
      if (!chosen.ok) return chosen;
      return call('schedule.export', defined({ ...chosen.value, format: values['format'], grant: grant(out, 'export') }));
    },
    print: ({ path, rows }) => `已导出 ${rows} 节课到 ${path}`,
  }),
  steps<{ preview: ScheduleImportPreview; added: number; conflicts: Conflict[] }>({
    words: ['schedule', 'import'],
    usage: 'schedule import --class <ID 或编号> 文件',
    summary: '从课程安排表（.xlsx、.xls、.csv）导入课程，全部成功或全部不导入',
    options: classOption,
    execute: async ({ call, grant }, values, positionals) => {
      const file = grant(oneFile(positionals, '课程安排表文件'), 'scheduleImport');
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
            `有 ${refused.length} 行无法导入，未导入任何课程：`,
            ...refused.map(
              (row) =>
                `  第 ${row.row} 行：${row.problems.map((p) => (p.column ? `${p.column}列 ${p.message}` : p.message)).join('；')}`,
            ),
          ].join('\n'),
        });
      const result = await call('schedule.importCommit', { ...source, token: preview.value.token });
      return result.ok ? ok({ preview: preview.value, ...result.value }) : err(result.error);
    },
    print: ({ preview, added, conflicts }) =>
      [
        `文件：${preview.fileName}（工作表“${preview.sheet}”，表头在第 ${preview.headerRow} 行）`,
        `已导入 ${added} 节课`,
        ...(conflicts.length > 0 ? [`需要确认的提示 ${conflicts.length} 个：`, ...conflicts.map((c) => `  ${c.message}`)] : []),
      ].join('\n'),
    json: ({ added, conflicts }) => ({ added, conflicts }),
  }),
];
