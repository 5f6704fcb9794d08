import { message } from '../../../shared/i18n/translate';
import { err, ok } from '../../../shared/result';
import type { ImportPreview, ImportResult } from '../../../shared/roster/import';
import { type Command, defined, steps, UsageError } from '../command';
import { formatTable } from '../format';
import { classId, classOption, oneFile } from './class-args';
import { exportFormats, rosterColumns, rosterDocuments, signinLayouts } from '../../../shared/roster/export';
import { type RosterEntry, rosterSorts } from '../../../shared/roster/schemas';

type Imported = { preview: ImportPreview; result: ImportResult };

const sexWord = (entry: RosterEntry) => (entry.sex ? message(`sex.${entry.sex}`) : '');

export const rosterCommands: readonly Command[] = [
  steps<Imported>({
    words: ['roster', 'import'],
    usage: 'roster import --class <ID 或编号> 文件 [--sheet 工作表] [--header-row 行号]',
    summary: '导入学员名册（.xlsx、.xls、WPS .et、.csv），全部成功或全部不导入',
    options: {
      ...classOption,
      sheet: { type: 'string', describe: '工作表名称（默认自动选择）' },
      'header-row': { type: 'string', describe: '表头所在行号（默认自动识别）' },
    },
    execute: async ({ call, grant }, values, positionals) => {
      const file = grant(oneFile(positionals, '名册文件'), 'rosterImport');
      const id = await classId(call, values);
      if (!id.ok) return id;
      const headerRow = typeof values['header-row'] === 'string' ? Number(values['header-row']) : undefined;
      const source = defined({ classId: id.value, grant: file, sheet: values['sheet'], headerRow });
      const preview = await call('roster.importPreview', source);
      if (!preview.ok) return preview;
      const result = await call('roster.importCommit', { ...source, token: preview.value.token });
      return result.ok ? ok({ preview: preview.value, result: result.value }) : err(result.error);
    },
    print: ({ preview, result }) => {
      const { added, updated, unchanged, rejected } = result.counts;
      const lines = [
        `文件：${preview.fileName}（工作表“${preview.sheet}”，表头在第 ${preview.headerRow} 行，${preview.dataRows} 行数据）`,
        `新增 ${added} 人，更新 ${updated} 人，未变 ${unchanged} 人，拒绝 ${rejected} 行`,
      ];
      for (const row of result.rejected) lines.push(`  第 ${row.row} 行：${row.reasons.join('；')}`);
      const warnings = preview.problems.filter((p) => p.severity === 'warning');
      if (warnings.length > 0) {
        lines.push(`提示 ${warnings.length} 处：`);
        for (const warning of warnings.slice(0, 20))
          lines.push(`  第 ${warning.row} 行${warning.column ? ` ${warning.column} 列` : ''}：${warning.message}`);
        if (warnings.length > 20) lines.push(`  …另有 ${warnings.length - 20} 处`);
      }
      return lines.join('\n');
    },
    json: ({ preview, result }) => ({ ...result, problems: preview.problems }),
  }),
  steps<(RosterEntry & { idNumber?: string; phone?: string })[]>({
    words: ['roster', 'list'],
    usage: 'roster list --class <ID 或编号> [--sort stroke|pinyin|unit|group] [--reveal]',
    summary: '列出班次名册（身份证号和电话默认隐去部分数字；--reveal 显示完整内容并记入日志）',
    options: {
      ...classOption,
      sort: { type: 'string', describe: `排序：${rosterSorts.join(' / ')}（默认 stroke，即姓氏笔画）` },
      reveal: { type: 'boolean', describe: '显示完整的身份证号和电话（会记入操作日志）' },
    },
    execute: async ({ call }, values) => {
      const id = await classId(call, values);
      if (!id.ok) return id;
      const listed = await call('roster.list', defined({ classId: id.value, sort: values['sort'] }));
      if (!listed.ok || values['reveal'] !== true || listed.value.items.length === 0)
        return listed.ok ? ok(listed.value.items) : listed;
      const revealed = await call('trainees.reveal', {
        ids: listed.value.items.map((e) => e.traineeId),
        purpose: '命令行 roster list --reveal',
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
        ? '名册是空的。'
        : `${formatTable(
            ['序号', '姓名', '性别', '出生年月', '身份证号', '工作单位', '职务', '联系电话', '小组', '班委', '状态'],
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
          )}\n共 ${items.length} 人`,
  }),
  steps<{ path: string; rows: number; bytes: number }>({
    words: ['roster', 'export'],
    usage:
      'roster export --class <ID 或编号> --format xlsx|docx|pdf|csv --out 文件 [--document roster|signin|groups|contacts] [--by day|session]',
    summary: '导出名册、签到表、分组名单或通讯录',
    options: {
      ...classOption,
      format: { type: 'string', describe: `格式：${exportFormats.join(' / ')}` },
      out: { type: 'string', describe: '保存到的文件' },
      document: { type: 'string', describe: `文件类型：${rosterDocuments.join(' / ')}（默认 roster，即学员名册）` },
      columns: { type: 'string', describe: `名册的列，用逗号分隔，可选：${rosterColumns.join(',')}` },
      sort: { type: 'string', describe: `排序：${rosterSorts.join(' / ')}（默认 stroke）` },
      reveal: { type: 'boolean', describe: '导出完整的身份证号和电话（会记入操作日志）' },
      encoding: { type: 'string', describe: 'CSV 编码：gb18030（默认，适合中文 Excel）/ utf8bom' },
      by: { type: 'string', describe: `签到表：${signinLayouts.join(' / ')}（默认 day 每天一页；session 每节课一页）` },
    },
    execute: async ({ call, grant }, values) => {
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError('请用 --out 指定保存到的文件');
      const id = await classId(call, values);
      if (!id.ok) return id;
      const reveal = values['reveal'] === true;
      return call(
        'roster.export',
        defined({
          classId: id.value,
          grant: grant(out, 'export'),
          format: values['format'],
          document: values['document'] ?? 'roster',
          columns: typeof values['columns'] === 'string' ? values['columns'].split(',').map((c) => c.trim()) : undefined,
          sort: values['sort'],
          csvEncoding: values['encoding'],
          signinBy: values['by'],
          reveal: { idNumber: reveal, phone: reveal },
        }),
      );
    },
    print: ({ path, rows }) => `已导出 ${rows} 行到 ${path}`,
  }),
];
