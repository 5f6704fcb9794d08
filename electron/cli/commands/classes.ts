import { type ClassStatus, classStatuses, type TrainingClass } from '../../../shared/classes/schemas';
import { message } from '../../../shared/i18n/translate';
import { asNumberIfWhole, type Command, defined, type OptionSpec, single } from '../command';
import { formatFacts, formatTable } from '../format';
import { cliText } from '../messages';
import { classOption, namedClass } from './class-args';

// --status accepts the code (planning) or the Chinese word (筹备中).
const statusFromWord = (word: string | boolean | undefined): unknown => {
  if (typeof word !== 'string') return word;
  return classStatuses.find((status) => status === word || message(`status.${status}`) === word) ?? word;
};

const statusWord = (status: ClassStatus) => message(`status.${status}`);

const classRows = (classes: readonly TrainingClass[]) =>
  formatTable(
    (['code', 'name', 'category', 'year', 'start', 'end', 'location', 'planned', 'status'] as const).map((column) =>
      cliText(`classes.columns.${column}`),
    ),
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
    [cliText('classes.facts.code'), cliText('classes.facts.codeValue', { code: c.code, id: c.id })],
    [cliText('classes.facts.name'), c.name],
    [cliText('classes.facts.category'), c.category],
    [cliText('classes.facts.year'), String(c.year)],
    [cliText('classes.facts.dates'), cliText('classes.facts.datesValue', { start: c.startDate, end: c.endDate })],
    [cliText('classes.facts.location'), c.location],
    [cliText('classes.facts.sponsor'), c.sponsor],
    [cliText('classes.facts.headTeacher'), c.headTeacher],
    [cliText('classes.facts.planned'), c.plannedSize === null ? '' : String(c.plannedSize)],
    [cliText('classes.facts.status'), statusWord(c.status)],
    [cliText('classes.facts.goals'), c.goals],
    [cliText('classes.facts.notes'), c.notes],
  ]);

const classFieldOptions = {
  name: { type: 'string', describe: cliText('classes.options.name') },
  start: { type: 'string', describe: cliText('classes.options.start') },
  end: { type: 'string', describe: cliText('classes.options.end') },
  category: { type: 'string', describe: cliText('classes.options.category') },
  location: { type: 'string', describe: cliText('classes.options.location') },
  sponsor: { type: 'string', describe: cliText('classes.options.sponsor') },
  'head-teacher': { type: 'string', describe: cliText('classes.options.headTeacher') },
  planned: { type: 'string', describe: cliText('classes.options.planned') },
  year: { type: 'string', describe: cliText('classes.options.year') },
  goals: { type: 'string', describe: cliText('classes.options.goals') },
  notes: { type: 'string', describe: cliText('classes.options.notes') },
} as const satisfies Record<string, OptionSpec>;

export const classCommands: readonly Command[] = [
  single({
    words: ['class', 'create'],
    usage: cliText('classes.create.usage'),
    summary: cliText('classes.create.summary'),
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
    print: (created) => cliText('classes.create.done', { facts: classFacts(created) }),
  }),
  single({
    words: ['class', 'list'],
    usage: cliText('classes.list.usage'),
    summary: cliText('classes.list.summary'),
    options: {
      year: { type: 'string', describe: cliText('classes.options.listYear') },
      status: { type: 'string', describe: cliText('classes.options.listStatus') },
      category: { type: 'string', describe: cliText('classes.options.listCategory') },
      search: { type: 'string', describe: cliText('classes.options.listSearch') },
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
      if (items.length === 0) return cliText('classes.list.none');
      const note = approximate ? `${cliText('classes.list.approximate')}\n` : '';
      return `${note}${classRows(items)}\n${cliText('classes.list.total', { count: items.length })}`;
    },
    // The class objects themselves, as scripts expect; approximation shows in the human output.
    json: ({ items }) => items,
  }),
  single({
    words: ['class', 'show'],
    usage: cliText('classes.show.usage'),
    summary: cliText('classes.show.summary'),
    options: classOption,
    channel: 'classes.get',
    input: (values, positionals) => ({ ref: namedClass(values, positionals) }),
    print: classFacts,
  }),
];
