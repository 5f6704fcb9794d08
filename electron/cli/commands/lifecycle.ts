import { resolve } from 'node:path';
import type { CertificateCandidates, Checklist } from '../../../shared/lifecycle/schemas';
import { message } from '../../../shared/i18n/translate';
import { err, ok } from '../../../shared/result';
import { type Command, steps, UsageError } from '../command';
import { cliText } from '../messages';
import { classOption, namedClass, namedClassId } from './class-args';

// `class close-check 2019-003`: the checklist before a class is closed; non-zero while something is missing.
// `class summary|hours|handbook 2019-003 --out F`: a class's document written where asked.
const classExport = (
  words: 'summary' | 'hours' | 'handbook',
  channel: 'lifecycle.summary' | 'lifecycle.hours' | 'lifecycle.handbook',
): Command =>
  steps<{ path: string; rows: number }>({
    words: ['class', words],
    usage: cliText(`closing.${words}.usage`),
    summary: cliText(`closing.${words}.summary`),
    options: { ...classOption, out: { type: 'string', describe: cliText('classArgs.out') } },
    execute: async ({ call, grant }, values, positionals) => {
      const ref = namedClass(values, positionals);
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError(cliText('classArgs.needOut'));
      const found = await call('classes.get', { ref });
      if (!found.ok) return found;
      return call(channel, { classId: found.value.id, grant: grant(resolve(out), 'export') });
    },
    print: ({ path }) => cliText('closing.written', { path }),
  });

type Person = CertificateCandidates['people'][number];
type Certified = { path: string; rows: number; leftOut: Person[]; warnings: string[] };

const personLine = (person: Person) =>
  cliText('closing.certificates.person', {
    name: person.name,
    reasons: person.reasons.map((r) => r.text).join(message('text.clauses')),
  });

// `class certificates 2019-003 --out 证书.pdf`: certificates for those who met the requirements; who
// was left out, and why, is printed. --all certifies them too (the person's decision, as the
// closing tab's checkboxes are).
const certificates = steps<Certified>({
  words: ['class', 'certificates'],
  usage: cliText('closing.certificates.usage'),
  summary: cliText('closing.certificates.summary'),
  options: {
    ...classOption,
    out: { type: 'string', describe: cliText('classArgs.out') },
    all: { type: 'boolean', describe: cliText('closing.certificates.all') },
  },
  execute: async ({ call, grant }, values, positionals) => {
    const ref = namedClass(values, positionals);
    const out = values['out'];
    if (typeof out !== 'string') throw new UsageError(cliText('classArgs.needOut'));
    const found = await call('classes.get', { ref });
    if (!found.ok) return found;
    const candidates = await call('lifecycle.certificateCandidates', { classId: found.value.id });
    if (!candidates.ok) return candidates;
    const { people, warnings } = candidates.value;
    const chosen = values['all'] === true ? people : people.filter((person) => person.met);
    const leftOut = people.filter((person) => !chosen.includes(person));
    if (chosen.length === 0)
      return err({
        code: 'INVALID_STATE',
        message: [
          cliText(people.length === 0 ? 'closing.certificates.noRoster' : 'closing.certificates.noneMet'),
          ...leftOut.map(personLine),
        ].join('\n'),
      });
    const written = await call('lifecycle.certificates', {
      classId: found.value.id,
      grant: grant(resolve(out), 'export'),
      traineeIds: chosen.map((person) => person.traineeId),
    });
    if (!written.ok) return written;
    return ok({ path: written.value.path, rows: written.value.rows, leftOut, warnings });
  },
  print: ({ path, rows, leftOut, warnings }) =>
    [
      cliText('closing.certificates.written', { path, count: rows }),
      ...(leftOut.length === 0
        ? []
        : [cliText('closing.certificates.leftOut', { count: leftOut.length }), ...leftOut.map((p) => `  ${personLine(p)}`)]),
      ...warnings.map((warning) => cliText('closing.certificates.warning', { warning })),
    ].join('\n'),
  json: ({ path, rows, leftOut, warnings }) => ({
    path,
    certificates: rows,
    leftOut: leftOut.map(({ traineeId, name, number, reasons }) => ({ traineeId, name, number, reasons })),
    warnings,
  }),
});

export const lifecycleCommands: readonly Command[] = [
  classExport('summary', 'lifecycle.summary'),
  certificates,
  classExport('hours', 'lifecycle.hours'),
  classExport('handbook', 'lifecycle.handbook'),
  steps<Checklist>({
    words: ['class', 'close-check'],
    usage: cliText('closing.check.usage'),
    summary: cliText('closing.check.summary'),
    options: classOption,
    execute: async ({ call }, values, positionals) => {
      const id = await namedClassId(call, values, positionals);
      return id.ok ? call('lifecycle.check', { classId: id.value }) : id;
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
