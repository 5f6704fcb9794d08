import type { Checklist } from '../../../shared/closing/schemas';
import { message } from '../../../shared/i18n/translate';
import { asNumberIfWhole, type Command, steps, UsageError } from '../command';
import { cliText } from '../messages';

// `class close-check 2019-003`: the checklist before a class is closed; non-zero while something is missing.
export const closingCommands: readonly Command[] = [
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
