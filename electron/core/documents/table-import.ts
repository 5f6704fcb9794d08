import { AppError, type FieldIssue } from '../../../shared/errors';
import type { z } from 'zod';
import { message, type MessageKey } from '../../../shared/i18n/translate';
import { columnLetter } from '../../../shared/roster/import';
import { parseChineseNumber } from '../../../shared/text/chinese-numbers';
import { type LabelKeys, toFieldIssues } from '../../../shared/validation';
import { chineseNumeralRun, noWords, rowNumberWords, yesWords } from '../../../shared/text/cell-words';
import { shownText } from '../../../shared/text/shown';
import { fileRefusal } from '../files/refusal';
import { readCellDate } from './cell-dates';
import type { ParsedWorkbook } from './parser/protocol';
import type { Cell, Sheet } from './sheet';
import { cellText, findHeaderRow, type HeaderRow, headerKey, headerScanRows, synonymIndex } from './sheet-header';

// The one table reader every import uses. An import declares its table — the words that head each
// column, which columns it cannot do without, which carry merged cells down — and gets the same
// behaviour as every other: the header found under a title or two, 序号-like columns skipped,
// columns it does not know listed (never refused), each cell read as people type it, and every
// problem of the file named at once with its row and column, before anything is written.
//
// In order: readTable(book, spec) → records and ignoredColumns; readCells(spec, record, readers)
// for each record → typed values and problems; refuseRows(problems) when there are any. readRows
// does all three for an import whose rows are made one by one (schemaRow: from a zod schema).

// ── The declaration ─────────────────────────────────────────────────────────────────────────────

export type TableSpec<F extends string> = {
  // The words that head each field's column (the first is the one exports write and messages use).
  synonyms: Readonly<Record<F, readonly string[]>>;
  // Columns without which the file is refused (named, with the words each may be written as).
  required: readonly F[];
  // Columns whose merged cells stand for every row they span (a 基地 merged over its teaching
  // points). In any other column a merged cell belongs to its first row only.
  mergedDown?: readonly F[];
  // How many known columns a header row must name (1 unless said).
  minimum?: number;
  // The column whose cell names what a row is about (姓名, 户主, 教学点名称): a refused row is said
  // with it ("第 9 行（朴成浩）：…"), so that the list sent back to 组织部 says who.
  named?: F;
};

// One row of the file: its number as the spreadsheet shows it, and the cell under each known column.
export type TableRecord<F extends string> = { row: number; cells: Partial<Record<F, Cell>> };

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

// A problem of one row: its number, what it is about (the row's name cell, when the table names its
// rows), the column's word when one column is at fault, and what is wrong.
export type TableProblem = { row: number; message: string; who?: string; column?: string };

// ── Reading the table ───────────────────────────────────────────────────────────────────────────

// The row numbers office tables put first: read as what they are and never imported or listed.
export const isRowNumberHeader = (cell: Cell): boolean => rowNumberWords.has(headerKey(cell).toLowerCase());

// The word an export heads a field's column with (the first of its synonyms).
export const columnWord = <F extends string>(spec: TableSpec<F>, field: F): string => spec.synonyms[field][0] ?? field;

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

// ── Reading the cells ───────────────────────────────────────────────────────────────────────────

// How one cell is read: its value, or what it should have been (said after the column word:
// "“床位数”应为数字：三四张").
export type CellReading<T> = { value: T } | { expected: string };
export type CellReader<T> = (cell: Cell) => CellReading<T>;

// What an import declares of how its cells are read: a reader for each column it reads so.
export type ReadersOf<F extends string> = { readonly [K in F]?: CellReader<unknown> };
export type ReadValues<R> = { [K in keyof R]: R[K] extends CellReader<infer T> ? T : never };

// Every declared cell of a record read; each cell that cannot be read is a problem naming the row and
// the column word. Values of unreadable cells are undefined.
export const readCells = <F extends string, R extends ReadersOf<F>>(
  spec: TableSpec<F>,
  record: TableRecord<F>,
  readers: R,
): { values: ReadValues<R>; problems: TableProblem[] } => {
  const values: Record<string, unknown> = {};
  const problems: TableProblem[] = [];
  for (const [field, reader] of Object.entries(readers) as [F, CellReader<unknown>][]) {
    const cell = record.cells[field] ?? null;
    const reading = reader(cell);
    if ('value' in reading) values[field] = reading.value;
    else
      problems.push({
        row: record.row,
        column: columnWord(spec, field),
        message: message('table.cellProblem', {
          label: columnWord(spec, field),
          expected: reading.expected,
          value: shownText(cellText(cell)),
        }),
      });
  }
  return { values: values as ReadValues<R>, problems };
};

// A cell as text (whitespace folded, full-width forms made ordinary).
export const textCell = (cell: Cell | undefined): string => cellText(cell ?? null);

// A number as people type it: 3, "3张床", "约45分钟", "40人", "３", "3 张", "三张". One number among
// words, never two ("3-4人", "十几人" are no number). Null when blank, undefined when unreadable.
export const numberCell = (cell: Cell | undefined): number | null | undefined => {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return undefined;
  // A minus sign as typeset (U+2212, which NFKC leaves as it is) is the minus people meant.
  const text = cellText(cell)
    .replace(/\s+/g, '')
    .replace(/\u2212/g, '-');
  if (text === '') return null;
  // 好几十, 数十, 十几: no one number.
  if (/[几数]/.test(text)) return undefined;
  const numbers = text.match(/\d+(?:\.\d+)?/g) ?? [];
  if (numbers.length === 1) {
    const [digits = ''] = numbers;
    const negative = text.startsWith(`-${digits}`);
    return negative ? -Number(digits) : Number(digits);
  }
  if (numbers.length > 1) return undefined;
  const words = text.match(chineseNumeralRun) ?? [];
  return words.length === 1 ? parseChineseNumber(words[0] ?? '') : undefined;
};

// 是/否, √/×, 有/无 and their kin. Null when blank, undefined when none of these.
export const yesNoCell = (cell: Cell | undefined): boolean | null | undefined => {
  if (typeof cell === 'boolean') return cell;
  const text = textCell(cell);
  if (text === '') return null;
  if (yesWords.has(text.toLowerCase())) return true;
  if (noWords.has(text.toLowerCase())) return false;
  return undefined;
};

// Dates in the forms the roster import reads: Excel serials, 1980.05, 1980年5月6日, 1980-05-06,
// 19800506. YYYY-MM or YYYY-MM-DD; null when blank, undefined when unreadable.
export const dateCell = (cell: Cell | undefined): string | null | undefined => readCellDate(cell ?? null);

// Several values in one cell (、，, ; and line breaks between them).
export const listCell = (cell: Cell | undefined): string[] =>
  textCell(cell)
    .split(/[、，,;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

// A cell function (null: blank, undefined: unreadable) as a reader: a blank cell reads as `blank`
// (null unless given), an unreadable one as what it should have been.
const readerOf =
  <V>(read: (cell: Cell) => V | null | undefined, expected: MessageKey) =>
  <B = null>(blank?: B): CellReader<V | B> =>
  (cell) => {
    const value = read(cell);
    if (value === undefined) return { expected: message(expected) };
    return { value: value === null ? (blank ?? (null as B)) : value };
  };

// The same as readers for readCells.
export const cellReaders = {
  text: (): CellReader<string> => (cell) => ({ value: textCell(cell) }),
  list: (): CellReader<string[]> => (cell) => ({ value: listCell(cell) }),
  number: readerOf(numberCell, 'table.expectNumber'),
  yesNo: readerOf(yesNoCell, 'table.expectYesNo'),
  date: readerOf(dateCell, 'table.expectDate'),
};

// ── A whole import's reading ────────────────────────────────────────────────────────────────────

// One row made from a record and its read cells: its value, or the problems that refuse it.
export type RowReading<T> = { value: T } | { problems: TableProblem[] };

export type ReadRows<T> = { rows: { row: number; value: T }[]; ignoredColumns: string[] };
export type CheckedRows<T> = ReadRows<T> & { sheet: string; records: number; problems: TableProblem[] };

export type RowDeclaration<F extends string, R extends ReadersOf<F>, T> = {
  readers: R;
  across?: (records: readonly TableRecord<F>[]) => TableProblem[];
  make: (record: TableRecord<F>, values: ReadValues<R>) => RowReading<T>;
};

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

// A row checked by its schema: the parsed fields, or each issue under the word of the column it came
// from — the schema field's own column, the one `renamed` names (guideStaffId → guide), or else
// `otherwise` (the row's name, for a check on the whole row). `labels` as toFieldIssues takes them.
export const schemaRow = <F extends string, T>(
  spec: TableSpec<F>,
  row: number,
  parsed: z.ZodSafeParseResult<T>,
  columns: { otherwise: F; renamed?: Readonly<Partial<Record<string, F>>>; labels?: LabelKeys },
): RowReading<T> => {
  if (parsed.success) return { value: parsed.data };
  const columnOf = (field: string): F =>
    columns.renamed?.[field] ?? (Object.hasOwn(spec.synonyms, field) ? (field as F) : columns.otherwise);
  return { problems: rowProblems(spec, row, toFieldIssues(parsed.error.issues, columns.labels), columnOf) };
};

// ── Problems ────────────────────────────────────────────────────────────────────────────────────

const sortProblems = (problems: readonly TableProblem[]): TableProblem[] => [...problems].sort((a, b) => a.row - b.row);

// "第 9 行（朴成浩）：…", or "第 9 行：…" for a row that names no one.
export const rowProblemText = (problem: TableProblem): string =>
  problem.who !== undefined && problem.who !== ''
    ? message('table.rowProblemNamed', { row: problem.row, who: problem.who, message: problem.message })
    : message('table.rowProblem', { row: problem.row, message: problem.message });

// The problems a refusal was made of, for a preview that lists them rather than refusing.
const refusedProblems = new WeakMap<AppError, readonly TableProblem[]>();
export const problemsOfRefusal = (error: unknown): readonly TableProblem[] | undefined =>
  error instanceof AppError ? refusedProblems.get(error) : undefined;

// Every problem of the file in one refusal: the count and the first few in its message, each one
// (by row, with who the row is about) among its issues.
export const refuseRows = (problems: readonly TableProblem[]): AppError => {
  const sorted = sortProblems(problems);
  const first = sorted.slice(0, 3).map(rowProblemText).join(message('text.clauses'));
  const error = new AppError('INVALID_INPUT', message('table.rowsRefused', { count: problems.length, first }), {
    issues: sorted.slice(0, 50).map((problem) => ({
      field: `rows.${problem.row}`,
      code: 'invalid_format' as const,
      message: rowProblemText(problem),
    })),
  });
  refusedProblems.set(error, sorted);
  return error;
};

// An update from a file holding only some of a record's columns: each field whose column the file
// has comes from the file, every other field stays as it was saved (a sheet of 讲授专题 alone clears
// nobody's phone).
export const withSavedFields = <T extends object>(
  fromFile: T,
  saved: T,
  keys: readonly (keyof T)[],
  inFile: (key: keyof T) => boolean,
): T => ({ ...fromFile, ...Object.fromEntries(keys.filter((key) => !inFile(key)).map((key) => [key, saved[key]])) });

// Two rows of one file naming the same thing: the later is named with the earlier. `shown` says a
// key as the person reads it (a key of several cells joined by a character no cell holds).
export const duplicatesBy = <F extends string>(
  records: readonly TableRecord<F>[],
  key: (record: TableRecord<F>) => string,
  label: string,
  shown: (key: string) => string = (value) => value,
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
        column: label,
        message: message('table.duplicateRow', { row: record.row, first: earlier, label, value: shownText(shown(value)) }),
      });
    else seen.set(value, record.row);
  }
  return problems;
};

// A row that failed its schema: each issue, under the words of the column it came from. `columnOf`
// maps a schema field to the file's column where their names differ.
export const rowProblems = <F extends string>(
  spec: TableSpec<F>,
  row: number,
  issues: readonly FieldIssue[],
  columnOf: (field: string) => F,
): TableProblem[] =>
  issues.map((issue) => {
    const column = columnWord(spec, columnOf(issue.field.split('.')[0] ?? ''));
    return { row, column, message: message('text.labelled', { label: column, text: issue.message }) };
  });

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
