import { AppError, type FieldIssue } from '../../../shared/errors';
import type { z } from 'zod';
import { message, type MessageKey } from '../../../shared/i18n/translate';
import { parseChineseNumber } from '../../../shared/text/chinese-numbers';
import { type LabelKeys, toFieldIssues } from '../../../shared/validation';
import { chineseNumeralRun, noWords, yesWords } from '../../../shared/text/cell-words';
import { shownText } from '../../../shared/text/shown';
import { readCellDate } from './cell-dates';
import type { Cell } from './sheet';
import { cellText } from './sheet-header';

// The one table reader every import uses. An import declares its table — the words that head each
// column, which columns it cannot do without, which carry merged cells down — and gets the same
// behaviour as every other: the header found under a title or two, 序号-like columns skipped,
// columns it does not know listed (never refused), each cell read as people type it, and every
// problem of the file named at once with its row and column, before anything is written.
//
// In order: readTable(book, spec) → records and ignoredColumns; readCells(spec, record, readers)
// for each record → typed values and problems; refuseRows(problems) when there are any. readRows
// does all three for an import whose rows are made one by one (schemaRow: from a zod schema).
//
// The table as a file holds it (its header found, its records read, the whole reading) is
// table-reading.ts; what an update from a file does to a saved record is record-update.ts; what an
// import declares, how each cell is read and how problems are said are here.

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
  // A column the file names that this table cannot have (第31题 in questionnaires of at most 30
  // items): what to say when refusing the file, rather than setting it aside as a column not imported
  // and dropping what stands under it.
  impossibleColumn?: (header: string) => string | undefined;
};

// One row of the file: its number as the spreadsheet shows it, and the cell under each known column.
export type TableRecord<F extends string> = { row: number; cells: Partial<Record<F, Cell>> };

// A problem of one row: its number, what it is about (the row's name cell, when the table names its
// rows), the column's word when one column is at fault, and what is wrong.
export type TableProblem = { row: number; message: string; who?: string; column?: string };

// The word an export heads a field's column with (the first of its synonyms).
export const columnWord = <F extends string>(spec: TableSpec<F>, field: F): string => spec.synonyms[field][0] ?? field;

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

// ── Rows made from records ──────────────────────────────────────────────────────────────────────

// One row made from a record and its read cells: its value, or the problems that refuse it.
export type RowReading<T> = { value: T } | { problems: TableProblem[] };

export type ReadRows<T> = { rows: { row: number; value: T }[]; ignoredColumns: string[] };

export type RowDeclaration<F extends string, R extends ReadersOf<F>, T> = {
  readers: R;
  across?: (records: readonly TableRecord<F>[]) => TableProblem[];
  make: (record: TableRecord<F>, values: ReadValues<R>) => RowReading<T>;
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
export const sortProblems = (problems: readonly TableProblem[]): TableProblem[] => [...problems].sort((a, b) => a.row - b.row);

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
