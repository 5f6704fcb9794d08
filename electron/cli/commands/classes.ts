import { classStatuses, type TrainingClass } from '../../../shared/classes/schemas';
import { message } from '../../../shared/i18n/translate';
import { asNumberIfWhole, type Command, defined, type OptionSpec, single, UsageError } from '../command';
import { formatFacts, formatTable } from '../format';

// --status accepts the code (planning) or the Chinese word (筹备中).
const statusFromWord = (word: string | boolean | undefined): unknown => {
  if (typeof word !== 'string') return word;
  return classStatuses.find((status) => status === word || message(`status.${status}`) === word) ?? word;
};

const statusWord = (status: string) => message(`status.${status}`);

const classRows = (classes: readonly TrainingClass[]) =>
  formatTable(
    ['编号', '班次名称', '类别', '年度', '开始', '结束', '地点', '计划人数', '状态'],
    classes.map((c) => [
      c.code,
      c.name,
      c.category,
      String(c.year),
      c.startDate,
      c.endDate,
      c.location,
      c.plannedSize === null ? '' : String(c.plannedSize),
      statusWord(c.status),
    ]),
  );

const classFacts = (c: TrainingClass) =>
  formatFacts([
    ['编号', `${c.code}（ID ${c.id}）`],
    ['班次名称', c.name],
    ['班次类别', c.category],
    ['年度', String(c.year)],
    ['日期', `${c.startDate} 至 ${c.endDate}`],
    ['培训地点', c.location],
    ['主办单位', c.sponsor],
    ['班主任', c.headTeacher],
    ['计划人数', c.plannedSize === null ? '' : String(c.plannedSize)],
    ['状态', statusWord(c.status)],
    ['教学目标', c.goals],
    ['备注', c.notes],
  ]);

const classFieldOptions = {
  name: { type: 'string', describe: '班次名称（必填）' },
  start: { type: 'string', describe: '开始日期 YYYY-MM-DD（必填）' },
  end: { type: 'string', describe: '结束日期 YYYY-MM-DD（必填）' },
  category: { type: 'string', describe: '班次类别（默认为类别列表的第一项）' },
  location: { type: 'string', describe: '培训地点' },
  sponsor: { type: 'string', describe: '主办单位' },
  'head-teacher': { type: 'string', describe: '班主任' },
  planned: { type: 'string', describe: '计划人数' },
  year: { type: 'string', describe: '年度（默认为开始日期所在年份）' },
  goals: { type: 'string', describe: '教学目标（多条用换行分隔）' },
  notes: { type: 'string', describe: '备注' },
} as const satisfies Record<string, OptionSpec>;

export const classCommands: readonly Command[] = [
  single({
    words: ['class', 'create'],
    usage: 'class create --name 名称 --start YYYY-MM-DD --end YYYY-MM-DD [--category 类别] [--location 地点] …',
    summary: '新建培训班次',
    options: classFieldOptions,
    channel: 'classes.create',
    input: (v) =>
      defined({
        name: v['name'],
        category: v['category'],
        year: asNumberIfWhole(v['year']),
        startDate: v['start'],
        endDate: v['end'],
        location: v['location'],
        sponsor: v['sponsor'],
        headTeacher: v['head-teacher'],
        plannedSize: asNumberIfWhole(v['planned']),
        goals: typeof v['goals'] === 'string' ? v['goals'].replaceAll('\\n', '\n') : v['goals'],
        notes: v['notes'],
      }),
    print: (created) => `已创建班次：\n${classFacts(created)}`,
  }),
  single({
    words: ['class', 'list'],
    usage: 'class list [--year 年度] [--status 状态] [--category 类别] [--search 文本]',
    summary: '列出培训班次（搜索支持拼音首字母，如 smgb）',
    options: {
      year: { type: 'string', describe: '年度' },
      status: { type: 'string', describe: '状态：筹备中 / 进行中 / 已结业 / 已归档' },
      category: { type: 'string', describe: '班次类别' },
      search: { type: 'string', describe: '名称、编号、地点等，支持拼音和首字母' },
    },
    channel: 'classes.list',
    input: (v) =>
      defined({
        year: asNumberIfWhole(v['year']),
        status: statusFromWord(v['status']),
        category: v['category'],
        search: v['search'],
      }),
    print: ({ items, approximate }) => {
      if (items.length === 0) return '没有符合条件的班次。';
      const note = approximate ? '（没有完全匹配的班次，以下为近似结果）\n' : '';
      return `${note}${classRows(items)}\n共 ${items.length} 个班次`;
    },
    // The class objects themselves, as scripts expect; approximation shows in the human output.
    json: ({ items }) => items,
  }),
  single({
    words: ['class', 'show'],
    usage: 'class show <ID 或 编号>',
    summary: '显示一个班次的详细信息',
    options: {},
    channel: 'classes.get',
    input: (_v, positionals) => {
      const [ref, ...extra] = positionals;
      if (ref === undefined) throw new UsageError('请给出班次的 ID 或编号，例如：class show 2019-002');
      if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
      return { ref: asNumberIfWhole(ref) };
    },
    print: classFacts,
  }),
];
