import { type Command, steps } from '../command';
import { cliText } from '../messages';
import { classId, classOption, oneFile } from './class-args';
import { withIgnored } from './ignored-columns';

export const surveyCommands: readonly Command[] = [
  steps<{ surveys: number; responses: number; ignoredColumns: string[] }>({
    words: ['survey', 'import'],
    usage: cliText('surveys.import.usage'),
    summary: cliText('surveys.import.summary'),
    options: classOption,
    execute: async ({ call, grant }, values, positionals) => {
      const file = grant(oneFile(positionals, cliText('surveys.what')), 'tableImport');
      const id = await classId(call, values);
      if (!id.ok) return id;
      return call('surveys.import', { classId: id.value, grant: file });
    },
    print: ({ surveys, responses, ignoredColumns }) =>
      withIgnored(cliText('surveys.import.done', { surveys, responses }), ignoredColumns),
  }),
];
