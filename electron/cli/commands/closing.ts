import { resolve } from 'node:path';
import type { Checklist } from '../../../shared/closing/schemas';
import { message } from '../../../shared/i18n/translate';
import { asNumberIfWhole, type Command, steps, UsageError } from '../command';
import { cliText } from '../messages';

// `class close-check 2019-003`: the checklist before a class is closed; non-zero while something is missing.
const classExport = (words: string, channel: 'closing.summary' | 'closing.certificates' | 'closing.hours'): Command =>
  steps<{ path: string; rows: number }>({
    words: ['class', words],
    usage: cliText(
      `closing.${channel === 'closing.summary' ? 'summary' : channel === 'closing.hours' ? 'hours' : 'certificates'}.usage`,
    ),
    summary: cliText(
      `closing.${channel === 'closing.summary' ? 'summary' : channel === 'closing.hours' ? 'hours' : 'certificates'}.summary`,
    ),
    options: { out: { type: 'string', describe: cliText('classArgs.out') } },
    execute: async ({ call, grant }, values, positionals) => {
      const [ref, ...extra] = positionals;
      if (ref === undefined) throw new UsageError(cliText('classes.show.needRef'));
      if (extra.length > 0) throw new UsageError(cliText('errors.extra', { args: extra.join(' ') }));
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError(cliText('classArgs.needOut'));
      const found = await call('classes.get', { ref: asNumberIfWhole(ref) });
      if (!found.ok) return found;
      return call(channel, { classId: found.value.id, grant: grant(resolve(out), 'export') });
    },
    print: ({ path }) => cliText('closing.written', { path }),
  });

export const closingCommands: readonly Command[] = [
  classExport('summary', 'closing.summary'),
  classExport('certificates', 'closing.certificates'),
  classExport('hours', 'closing.hours'),
  steps<Checklist>({
    words: ['class', 'close-check'],
    usage: cliText('closing.check.usage'),
    summary: cliText('closing.check.summary'),
    options: {},
    execute: async ({ call }, _values, positionals) => {
      const [ref, ...extra] = positionals;
      if (ref === undefined) throw new UsageError(cliText('classes.show.needRef'));
      if (extra.length > 0) throw new UsageError(cliText('errors.extra', { args: extra.join(' ') }));
      const found = await call('classes.get', { ref: asNumberIfWhole(ref) });
      if (!found.ok) return found;
      return call('closing.check', { classId: found.value.id });
    },
    print: ({ ready, items }) =>
      [
        ...items.map((item) =>
          cliText(item.done ? 'closing.check.done' : 'closing.check.missing', {
            item: message(`closing.items.${item.item}`),
            missing: item.missing,
          }),
        ),
        cliText(ready ? 'closing.check.ready' : 'closing.check.notReady'),
      ].join('\n'),
    exitCode: ({ ready }) => (ready ? 0 : 1),
  }),
];
