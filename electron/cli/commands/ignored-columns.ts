import { message } from '../../../shared/i18n/translate';
import { cliText } from '../messages';

// The columns of an imported table that the import did not take (the table kit's ignoredColumns): a
// line of the summary when there are any, so that a column left out is seen, never silently dropped.
export const ignoredColumnsLines = (columns: readonly string[]): string[] =>
  columns.length === 0 ? [] : [cliText('tables.ignoredColumns', { columns: columns.join(message('text.list')) })];
