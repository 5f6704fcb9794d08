import { message } from '../../../shared/i18n/translate';
import { shownText } from '../../../shared/text/shown';

// What an update from a file does to a saved record: the fields whose columns the file has come from
// the file, the others stay as saved; and what the update changes, as its preview lists it.

// An update from a file holding only some of a record's columns: each field whose column the file
// has comes from the file, every other field stays as it was saved (a sheet of 讲授专题 alone clears
// nobody's phone).
export const withSavedFields = <T extends object>(
  fromFile: T,
  saved: T,
  keys: readonly (keyof T)[],
  inFile: (key: keyof T) => boolean,
): T => ({ ...fromFile, ...Object.fromEntries(keys.filter((key) => !inFile(key)).map((key) => [key, saved[key]])) });

// A saved value as a preview shows it: blank for nothing, 是/否, a list joined as the file writes it.
export const shownValue = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return message(value ? 'table.yes' : 'table.no');
  if (Array.isArray(value)) return value.map(shownValue).join(message('text.list'));
  if (typeof value === 'string') return shownText(value);
  if (typeof value === 'number') return String(value);
  return '';
};

// What an update changes in a saved record: each column whose value, as shown, differs — under the
// word the file heads that column with. `columns` lists them in the file's order, each with how its
// value is read from the record.
export const fieldChanges = <V>(
  before: V,
  after: V,
  columns: readonly { column: string; value: (record: V) => unknown }[],
): { column: string; before: string; after: string }[] =>
  columns.flatMap(({ column, value }) => {
    const was = shownValue(value(before));
    const now = shownValue(value(after));
    return was === now ? [] : [{ column, before: was, after: now }];
  });
