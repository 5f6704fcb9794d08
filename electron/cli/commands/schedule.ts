import { resolve } from 'node:path';
import { err, ok, type Result } from '../../../shared/result';
import { type Call, type Command, defined, steps, UsageError, type Values } from '../command';

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
  const found = await call('classes.get', { ref: /^\d+$/.test(String(classRef)) ? Number(classRef) : String(classRef) });
  return found.ok ? ok({ classId: found.value.id }) : found;
};

export const scheduleCommands: readonly Command[] = [
  steps<{ path: string; rows: number }>({
    words: ['schedule', 'export'],
    usage: 'schedule export --class <ID 或编号> --format xlsx|docx|pdf|ics --out 文件',
    summary: '导出课程安排表（Excel、Word、PDF）或日历文件（.ics，可导入手机和电脑日历）',
    options: {
      class: { type: 'string', describe: '班次的 ID 或编号' },
      teacher: { type: 'string', describe: '授课人的姓名或编号（导出此人跨班次的全部课程）' },
      format: { type: 'string', describe: '格式：xlsx / docx / pdf / ics' },
      out: { type: 'string', describe: '保存到的文件' },
    },
    execute: async (call, values) => {
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError('请用 --out 指定保存到的文件');
      const chosen = await target(call, values);
      if (!chosen.ok) return chosen;
      return call('schedule.export', defined({ ...chosen.value, format: values['format'], path: resolve(out) }));
    },
    print: ({ path, rows }) => `已导出 ${rows} 节课到 ${path}`,
  }),
];
