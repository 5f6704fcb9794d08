import { message } from '../../../shared/i18n/translate';
import { cliText } from '../messages';

// An import's summary, and under it the columns of the file it did not read (未导入的列), when any.
export const withIgnored = (summary: string, ignoredColumns: readonly string[]): string =>
  ignoredColumns.length === 0
    ? summary
    : `${summary}\n${cliText('tables.ignored', { columns: ignoredColumns.join(message('text.list')) })}`;
