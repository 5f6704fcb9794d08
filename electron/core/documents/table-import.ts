import { AppError, type FieldIssue } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { columnLetter } from '../../../shared/roster/import';
import type { ParsedWorkbook } from './parser/protocol';
import type { Cell } from './sheet';
import { cellText, findHeaderRow, headerKey, headerScanRows, synonymIndex } from './sheet-header';
import { fileRefusal } from '../files/refusal';

// Lists that offices keep in Excel (teaching points, staff, households): a header row in words of
// their own, then one record a row. Read strictly: a column nobody recognises, a missing required
// column or a row that fails its check refuses the whole file with the row named, so that nothing
// half-imported is ever left to tidy up.

export type TableSpec<F extends string> = {
  // The words that head each field's column (the first is the one exports write).
  synonyms: Readonly<Record<F, readonly string[]>>;
  required: readonly F[];
};

export type TableRecord<F extends string> = { row: number; cells: Partial<Record<F, Cell>> };

export type TableProblem = { row: number; message: string };

// Every problem of the file in one refusal: the count, and the first few named.
export const refuseRows = (problems: readonly TableProblem[]): AppError => {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const first = sorted
    .slice(0, 3)
    .map((problem) => message('table.rowProblem', { row: problem.row, message: problem.message }))
    .join(message('text.clauses'));
  return new AppError('INVALID_INPUT', message('table.rowsRefused', { count: problems.length, first }), {
    issues: sorted.slice(0, 50).map((problem) => ({
      field: `rows.${problem.row}`,
      code: 'invalid_format' as const,
      message: message('table.rowProblem', { row: problem.row, message: problem.message }),
    })),
  });
};

export const readTable = <F extends string>(book: ParsedWorkbook, spec: TableSpec<F>): TableRecord<F>[] => {
  const index = synonymIndex(spec.synonyms);
  const first = (field: F) => spec.synonyms[field][0] ?? field;
  let found: { sheet: (typeof book.sheets)[number]; header: NonNullable<ReturnType<typeof findHeaderRow<F>>> } | undefined;
  for (const sheet of book.sheets) {
    const header = findHeaderRow(sheet.rows, index, { required: spec.required });
    if (header) {
      found = { sheet, header };
      break;
    }
  }
  if (!found)
    throw fileRefusal(
      message('table.noHeader', {
        sheet: book.sheets[0]?.name ?? '',
        rows: headerScanRows,
        required: spec.required.map(first).join(message('text.list')),
      }),
    );
  const { sheet, header } = found;
  const headerRow = sheet.firstRow + header.index;
  const headerCells = sheet.rows[header.index] ?? [];
  // Every column with words in its header must be one this list knows.
  const columns = new Map<F, number[]>();
  headerCells.forEach((cell, column) => {
    if (headerKey(cell) === '') return;
    const field = header.fields[column];
    if (field === null || field === undefined) {
      const known = (Object.keys(spec.synonyms) as F[]).map(first).join(message('text.list'));
      throw fileRefusal(
        message('table.unknownColumn', {
          row: headerRow,
          column: message('text.withNote', { text: columnLetter(column), note: cellText(cell) }),
          known,
        }),
      );
    }
    columns.set(field, [...(columns.get(field) ?? []), column]);
  });
  for (const [field, at] of columns)
    if (at.length > 1)
      throw fileRefusal(
        message('table.duplicateColumn', { column: first(field), columns: at.map(columnLetter).join(message('text.list')) }),
      );
  const records: TableRecord<F>[] = [];
  sheet.rows.slice(header.index + 1).forEach((cells, offset) => {
    if (!cells.some((cell) => cellText(cell) !== '')) return;
    const record: Partial<Record<F, Cell>> = {};
    for (const [field, [column]] of columns) if (column !== undefined) record[field] = cells[column] ?? null;
    records.push({ row: headerRow + 1 + offset, cells: record });
  });
  if (records.length === 0) throw fileRefusal(message('table.empty', { sheet: sheet.name }));
  return records;
};

// Two rows of one file naming the same thing: the later is named with the earlier.
export const duplicatesBy = <F extends string>(
  records: readonly TableRecord<F>[],
  key: (record: TableRecord<F>) => string,
  label: string,
): TableProblem[] => {
  const seen = new Map<string, number>();
  const problems: TableProblem[] = [];
  for (const record of records) {
    const value = key(record);
    if (value === '') continue;
    const earlier = seen.get(value);
    if (earlier !== undefined)
      problems.push({
        row: record.row,
        message: message('table.duplicateRow', { row: record.row, first: earlier, label, value }),
      });
    else seen.set(value, record.row);
  }
  return problems;
};

// A cell as text, as a whole number (or null when blank), as yes/no.
export const textCell = (cell: Cell | undefined): string => cellText(cell ?? null);

export const numberCell = (cell: Cell | undefined): number | null | undefined => {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number') return cell;
  const text = cellText(cell).replace(/[张人分钟个]$/, '');
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
};

export const yesNoCell = (cell: Cell | undefined, fallback: boolean): boolean => {
  const text = textCell(cell);
  if (text === '') return fallback;
  if (typeof cell === 'boolean') return cell;
  return !/^(否|不|停用|无|n|no|false|0|×)$/i.test(text);
};

// The words a list is read back in: several values in one cell.
export const listCell = (cell: Cell | undefined): string[] =>
  textCell(cell)
    .split(/[、，,;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

// The word an export heads a field's column with (the first of its synonyms).
export const columnWord = <F extends string>(spec: TableSpec<F>, field: F): string => spec.synonyms[field][0] ?? field;

// A row that failed its schema: each issue, under the words of the column it came from. `columnOf`
// maps a schema field to the file's column where their names differ.
export const rowProblems = <F extends string>(
  spec: TableSpec<F>,
  row: number,
  issues: readonly FieldIssue[],
  columnOf: (field: string) => F,
): TableProblem[] =>
  issues.map((issue) => ({
    row,
    message: message('text.labelled', {
      label: columnWord(spec, columnOf(issue.field.split('.')[0] ?? '')),
      text: issue.message,
    }),
  }));
