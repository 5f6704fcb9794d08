// Reading the table a file holds: the header found under a title or two, what each column names, the
// records below it (merged cells carried down where declared); then the whole reading of an import,
// every record's cells read and every row made, with every problem. The declaration and the cells'
// readers are table-import.ts: every import's rows are made with those.
import type { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { columnLetter } from '../../../shared/roster/import';
import { rowNumberWords } from '../../../shared/text/cell-words';
import { shownText } from '../../../shared/text/shown';
import { fileRefusal } from '../files/refusal';
import type { ParsedWorkbook } from './parser/protocol';
import type { Cell, Sheet } from './sheet';
import { cellText, findHeaderRow, type HeaderRow, headerKey, headerScanRows, synonymIndex } from './sheet-header';
import {
  columnWord,
  type ReadersOf,
  readCells,
  type ReadRows,
  refuseRows,
  type RowDeclaration,
  sortProblems,
  type TableProblem,
  type TableRecord,
  type TableSpec,
  textCell,
} from './table-import';

// What a file gave: its records, and the file's own header words for the columns it was not asked
// for (a preview and a summary list them as 未导入的列; 序号-like columns are not among them).
export type TableReading<F extends string> = {
  sheet: string;
  headerRow: number;
  records: TableRecord<F>[];
  ignoredColumns: string[];
  // The column (from 0, A) each field was read from, for pointing at a cell.
  columns: Partial<Record<F, number>>;
};

// The row numbers office tables put first: read as what they are and never imported or listed.
export const isRowNumberHeader = (cell: Cell): boolean => rowNumberWords.has(headerKey(cell).toLowerCase());

// "“床位数”（可写作：床位数、床位、可住人数）": a column and every word it is known by.
const accepted = <F extends string>(spec: TableSpec<F>, field: F): string =>
  message('table.acceptedWords', { column: columnWord(spec, field), words: spec.synonyms[field].join(message('text.list')) });

// A file without the required columns: named against the row that came nearest to a header (the one
// naming most known columns), or, when no row names any, against the first sheet.
const missingRequired = <F extends string>(book: ParsedWorkbook, spec: TableSpec<F>, index: ReadonlyMap<string, F>): AppError => {
  let nearest: { sheet: Sheet; row: number; found: Set<F> } | undefined;
  for (const sheet of book.sheets)
    sheet.rows.slice(0, headerScanRows).forEach((cells, at) => {
      const found = new Set(cells.map((cell) => index.get(headerKey(cell))).filter((field): field is F => field !== undefined));
      if (found.size > (nearest?.found.size ?? 0)) nearest = { sheet, row: sheet.firstRow + at, found };
    });
  if (!nearest || nearest.found.size < Math.min(2, Object.keys(spec.synonyms).length))
    return fileRefusal(
      message('table.noHeader', {
        sheet: shownText(book.sheets[0]?.name ?? ''),
        rows: headerScanRows,
        required: spec.required.map((field) => accepted(spec, field)).join(message('text.clauses')),
      }),
    );
  const missing = spec.required.filter((field) => !nearest?.found.has(field));
  return fileRefusal(
    message('table.missingColumns', {
      sheet: shownText(nearest.sheet.name),
      row: nearest.row,
      columns: missing.map((field) => accepted(spec, field)).join(message('text.clauses')),
    }),
  );
};

// The rows (as the spreadsheet numbers them) in which a column's cell is a merged cell's value copied
// below its first row: such a cell, in a column not declared mergedDown, is blank. Counted once per
// column over all the ranges (a crafted file may declare hundreds of thousands), never per cell.
const mergedBelowRows = (sheet: Sheet, column: number): ((row: number) => boolean) => {
  const first = sheet.firstRow;
  const depth = new Int32Array(sheet.rows.length + 1);
  for (const range of sheet.merges ?? []) {
    if (column < range.left || column > range.right) continue;
    const from = Math.max(range.top + 1, first) - first;
    const to = Math.min(range.bottom, first + sheet.rows.length - 1) - first;
    if (from > to) continue;
    depth[from] = (depth[from] ?? 0) + 1;
    depth[to + 1] = (depth[to + 1] ?? 0) - 1;
  }
  let open = 0;
  const below = new Uint8Array(sheet.rows.length);
  depth.subarray(0, sheet.rows.length).forEach((change, at) => {
    open += change;
    below[at] = open > 0 ? 1 : 0;
  });
  return (row) => below[row - first] === 1;
};

// The header of one sheet (its index in sheet.rows, and the field each cell names), when the sheet
// has one: for an import that lets the person choose the sheet or the header row (the roster wizard).
export const tableHeader = <F extends string>(sheet: Sheet, spec: TableSpec<F>): HeaderRow<F> | undefined =>
  findHeaderRow(sheet.rows, indexOf(spec), { required: spec.required, minimum: spec.minimum ?? 1 });

// Each declaration's words, indexed once.
const indexes = new WeakMap<object, ReadonlyMap<string, string>>();
const indexOf = <F extends string>(spec: TableSpec<F>): ReadonlyMap<string, F> => {
  const known = indexes.get(spec.synonyms) ?? synonymIndex(spec.synonyms);
  indexes.set(spec.synonyms, known);
  return known as ReadonlyMap<string, F>;
};

// The field a header cell names ("姓 名*" → name), or null.
export const headerField = <F extends string>(spec: TableSpec<F>, cell: Cell): F | null =>
  indexOf(spec).get(headerKey(cell)) ?? null;

// What each column of a header row holds: a declared field, a row number (skipped, never listed) or
// a column the import does not take (listed as 未导入的列). `fields` is the field of each cell as
// the header named it, or as the person chose it.
export type HeaderColumn<F extends string> = { column: number; header: string; field: F | null; rowNumber: boolean };
export const headerColumns = <F extends string>(
  cells: readonly Cell[],
  fields: (column: number) => F | null,
): HeaderColumn<F>[] =>
  cells.map((cell, column) => {
    const field = fields(column);
    return { column, header: shownText(cellText(cell)), field, rowNumber: field === null && isRowNumberHeader(cell) };
  });

// The file's own words for the columns not imported (blank headers and row numbers left out).
export const ignoredOf = <F extends string>(columns: readonly HeaderColumn<F>[]): string[] =>
  columns.filter((c) => c.field === null && !c.rowNumber && c.header !== '').map((c) => c.header);

// The first sheet whose header names every required column; its records, every row with something
// in a known column. Refuses (nothing read) a file with no such sheet, a column named twice, or no rows.
export const readTable = <F extends string>(book: ParsedWorkbook, spec: TableSpec<F>): TableReading<F> => {
  let found: { sheet: Sheet; header: HeaderRow<F> } | undefined;
  for (const sheet of book.sheets) {
    const header = tableHeader(sheet, spec);
    if (header) {
      found = { sheet, header };
      break;
    }
  }
  if (!found) throw missingRequired(book, spec, indexOf(spec));
  const { sheet, header } = found;
  const headerRow = sheet.firstRow + header.index;
  const named = headerColumns<F>(sheet.rows[header.index] ?? [], (column) => header.fields[column] ?? null);
  const columns = new Map<F, number[]>();
  for (const { field, column } of named) if (field !== null) columns.set(field, [...(columns.get(field) ?? []), column]);
  const ignoredColumns = ignoredOf(named);
  for (const header of ignoredColumns) {
    const impossible = spec.impossibleColumn?.(header);
    if (impossible !== undefined) throw fileRefusal(impossible);
  }
  for (const [field, at] of columns)
    if (at.length > 1)
      throw fileRefusal(
        message('table.duplicateColumn', {
          column: columnWord(spec, field),
          columns: at.map(columnLetter).join(message('text.list')),
        }),
      );
  const carried = new Set<F>(spec.mergedDown ?? []);
  const blanked = new Map<number, (row: number) => boolean>();
  for (const [field, [column]] of columns)
    if (column !== undefined && !carried.has(field)) blanked.set(column, mergedBelowRows(sheet, column));
  const records: TableRecord<F>[] = [];
  sheet.rows.slice(header.index + 1).forEach((cells, offset) => {
    const row = headerRow + 1 + offset;
    const record: Partial<Record<F, Cell>> = {};
    let any = false;
    for (const [field, [column]] of columns) {
      if (column === undefined) continue;
      const cell = cells[column] ?? null;
      record[field] = blanked.get(column)?.(row) ? null : cell;
      if (cellText(record[field] ?? null) !== '' && !carried.has(field)) any = true;
    }
    // A row with nothing but a carried-down value (the rest of a merged 基地 block) or a row number is
    // no record.
    if (any) records.push({ row, cells: record });
  });
  if (records.length === 0) throw fileRefusal(message('table.empty', { sheet: shownText(sheet.name) }));
  const at: Partial<Record<F, number>> = {};
  for (const [field, [column]] of columns) if (column !== undefined) at[field] = column;
  return { sheet: sheet.name, headerRow, records, ignoredColumns, columns: at };
};

export type CheckedRows<T> = ReadRows<T> & { sheet: string; records: number; problems: TableProblem[] };

// What a row is about, as its name cell says it (empty when the table names no rows).
// A name too long to be one (a pasted paragraph) is cut, so that the row's message stays readable.
export const whoOf = <F extends string>(spec: TableSpec<F>, record: TableRecord<F>): string => {
  if (spec.named === undefined) return '';
  const name = [...shownText(textCell(record.cells[spec.named]))];
  return name.length > whoLength ? `${name.slice(0, whoLength).join('')}\u2026` : name.join('');
};
const whoLength = 20;

// The table, every record's declared cells, every row made, and every problem of the file (each said
// with the row's name): for a preview, which lists them all before anything is written. `across`:
// problems between rows (two rows naming one thing). `make` is not called for a record whose cells
// could not be read.
export const checkRows = <F extends string, R extends ReadersOf<F>, T>(
  book: ParsedWorkbook,
  spec: TableSpec<F>,
  declared: RowDeclaration<F, R, T>,
): CheckedRows<T> => {
  const { sheet, records, ignoredColumns } = readTable(book, spec);
  const problems: TableProblem[] = declared.across ? declared.across(records) : [];
  const rows: { row: number; value: T }[] = [];
  for (const record of records) {
    const read = readCells(spec, record, declared.readers);
    if (read.problems.length > 0) {
      problems.push(...read.problems);
      continue;
    }
    const made = declared.make(record, read.values);
    if ('value' in made) rows.push({ row: record.row, value: made.value });
    else problems.push(...made.problems);
  }
  const names = new Map(records.map((record) => [record.row, whoOf(spec, record)]));
  const named = problems.map((problem) => ({ ...problem, who: problem.who ?? names.get(problem.row) ?? '' }));
  return { sheet, records: records.length, rows, ignoredColumns, problems: sortProblems(named) };
};

// The same, refused (nothing read, so nothing written) with every problem of the file when there is any.
export const readRows = <F extends string, R extends ReadersOf<F>, T>(
  book: ParsedWorkbook,
  spec: TableSpec<F>,
  declared: RowDeclaration<F, R, T>,
): ReadRows<T> => {
  const { rows, ignoredColumns, problems } = checkRows(book, spec, declared);
  if (problems.length > 0) throw refuseRows(problems);
  return { rows, ignoredColumns };
};
