import type { CheckinOutcome, CheckinRow } from '../../../shared/checkin/schemas';
import { message } from '../../../shared/i18n/translate';
import { steps, UsageError, type Command } from '../command';
import { cliText } from '../messages';
import { classId, classOption } from './class-args';

type Listed = {
  className: string;
  figures: { expected: number; arrived: number; late: number; leave: number; rate: number | null };
  units: { unit: string; rows: CheckinRow[] }[];
};

const statusText = (row: CheckinRow) => message(`checkin.statuses.${row.status ?? 'missing'}`);
const rateText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

// `checkin --class 2019-003 zw` / `checkin --class 2019-003 22040219900307109X`: one person checked in,
// or the choices printed (exit 1) — never a guess.
const checkIn = steps<CheckinOutcome>({
  words: ['checkin'],
  usage: cliText('checkin.checkIn.usage'),
  summary: cliText('checkin.checkIn.summary'),
  options: classOption,
  execute: async ({ call }, values, positionals) => {
    const query = positionals.join(' ').trim();
    if (query === '') throw new UsageError(cliText('checkin.checkIn.needQuery'));
    const id = await classId(call, values);
    if (!id.ok) return id;
    return call('checkin.checkIn', { classId: id.value, query });
  },
  print: (done) =>
    done.outcome === 'choose'
      ? [
          done.summary,
          ...done.choices.map((row) =>
            cliText('checkin.checkIn.choice', {
              name: row.name,
              unit: row.unit || '—',
              id: row.idNumberMasked || '—',
              status: statusText(row),
            }),
          ),
          cliText('checkin.checkIn.chooseHint'),
        ].join('\n')
      : done.summary,
  exitCode: (done) => (done.outcome === 'choose' ? 1 : 0),
});

// `checkin list --class 2019-003 --missing`: who has not arrived, by unit, with phones masked.
const list = steps<Listed>({
  words: ['checkin', 'list'],
  usage: cliText('checkin.list.usage'),
  summary: cliText('checkin.list.summary'),
  options: { ...classOption, missing: { type: 'boolean', describe: cliText('checkin.list.missing') } },
  execute: async ({ call }, values, positionals) => {
    if (positionals.length > 0) throw new UsageError(cliText('errors.extra', { args: positionals.join(' ') }));
    const id = await classId(call, values);
    if (!id.ok) return id;
    return call('checkin.list', { classId: id.value, missing: values['missing'] === true });
  },
  print: ({ className, figures, units }) =>
    [
      cliText('checkin.list.figures', {
        className,
        arrived: figures.arrived + figures.late,
        expected: figures.expected,
        late: figures.late,
        leave: figures.leave,
        rate: rateText(figures.rate),
      }),
      ...(units.length === 0 ? [cliText('checkin.list.none')] : []),
      ...units.flatMap(({ unit, rows }) => [
        cliText('checkin.list.unit', { unit: unit || message('checkin.noUnit'), count: rows.length }),
        ...rows.map((row) =>
          cliText('checkin.list.row', {
            name: row.name,
            position: row.position || '—',
            phone: row.phoneMasked || '—',
            status: statusText(row),
            at: row.at ?? '',
            note: row.note,
          }).trimEnd(),
        ),
      ]),
    ].join('\n'),
});

// The longer words first: `checkin list` is not a check-in of someone called "list".
export const checkinCommands: readonly Command[] = [list, checkIn];
