// Reading a roster file into rows: the sheet and its header row (found or chosen), what each column
// holds, each row's cells, the same person twice in the file; and the token a preview is known by.
import { AppError } from '../../../../shared/errors';
import { shownText } from '../../../../shared/text/shown';
import { message, type MessageKey } from '../../../../shared/i18n/translate';
import { columnLetter, type ImportField, type ImportPreview } from '../../../../shared/roster/import';
import type { Core } from '../../context';
import { stagingToken } from '../../documents/staging';
import type { ParsedWorkbook } from '../../documents/parser/protocol';
import type { Sheet } from '../../documents/sheet-reader';
import type { Job } from '../../jobs/job';
import { headerScanRows } from '../../documents/sheet-header';
import { textCell } from '../../documents/table-import';
import { ignoredOf } from '../../documents/table-reading';
import { rosterColumns, rosterHeader } from './table';
import { type ColumnMap, type ParsedRow, parseRows } from './rows';
import { knownUnits, splitCombined } from './split';

export type ImportSource = {
  classId: number;
  grant: string;
  sheet?: string | undefined;
  headerRow?: number | undefined;
  mapping?: ColumnMap | undefined;
  splitUnitPosition?: boolean | undefined;
};

export type Prepared = {
  classId: number;
  token: string;
  digest: string;
  fileName: string;
  sheets: string[];
  sheet: Sheet;
  headerIndex: number;
  columns: { column: number; letter: string; header: string; field: ImportField | null }[];
  // The header words of the columns not imported (序号 aside), for the preview and the CLI's summary.
  ignoredColumns: string[];
  rows: ParsedRow[];
  unitPosition: ImportPreview['unitPosition'];
};

export const invalid = (key: MessageKey, params?: Record<string, string | number>, field = 'grant') =>
  new AppError('INVALID_INPUT', message(key, params), {
    issues: [{ field, code: 'invalid_format', message: message(key, params) }],
  });

const chooseSheet = (sheets: readonly Sheet[], wanted: string | undefined): Sheet => {
  if (wanted !== undefined) {
    const found = sheets.find((sheet) => sheet.name === wanted);
    if (!found) throw invalid('import.noSheet', { sheet: wanted }, 'sheet');
    return found;
  }
  // The first sheet that looks like a roster, else the first with anything on it.
  return (
    sheets.find((sheet) => rosterHeader(sheet)) ??
    sheets.find((sheet) => sheet.rows.length > 0) ??
    sheets[0] ?? { name: '', rows: [], firstRow: 1 }
  );
};

// `known`: the units the school knows, read only when the file has a 工作单位及职务 column to split.
const prepare = (source: ImportSource, book: ParsedWorkbook, known: () => ReadonlySet<string>): Prepared => {
  const sheet = chooseSheet(book.sheets, source.sheet);
  if (!sheet.rows.some((row) => row.some((cell) => textCell(cell) !== '')))
    throw invalid('import.emptySheet', { sheet: sheet.name });

  let headerIndex: number;
  if (source.headerRow !== undefined) {
    headerIndex = source.headerRow - sheet.firstRow;
    if (!(sheet.rows[headerIndex] ?? []).some((cell) => textCell(cell) !== ''))
      throw invalid('import.headerRowEmpty', { row: source.headerRow }, 'headerRow');
  } else {
    const detected = rosterHeader(sheet);
    if (!detected) throw invalid('import.noHeader', { sheet: sheet.name, rows: headerScanRows });
    headerIndex = detected.index;
  }
  const headerCells = sheet.rows[headerIndex] ?? [];
  const width = Math.max(headerCells.length, ...sheet.rows.slice(headerIndex, headerIndex + 50).map((row) => row.length));
  const mapped = new Map<number, ImportField | null>();
  for (const entry of source.mapping ?? []) mapped.set(entry.column, entry.field);
  const read = rosterColumns(headerCells, width, mapped);
  const columns = read.map(({ column, header, field }) => ({ column, letter: columnLetter(column), header, field }));

  if (!columns.some((c) => c.field === 'name')) throw invalid('import.noNameColumn', undefined, 'mapping');
  for (const field of new Set(columns.map((c) => c.field))) {
    if (field === null) continue;
    const same = columns.filter((c) => c.field === field && field !== 'seq');
    if (same.length > 1)
      throw invalid(
        'import.duplicateField',
        { field: message(`fields.${field}`), columns: same.map((c) => c.letter).join(message('text.list')) },
        'mapping',
      );
  }

  const rows = parseRows(sheet.rows, sheet.firstRow, headerIndex, columns);
  const split = source.splitUnitPosition !== false;
  const combined = columns.find((c) => c.field === 'unitPosition');
  if (combined) splitCombined(rows, split ? known() : new Set(), split);
  markDuplicates(rows);
  const token = stagingToken(
    'roster',
    source.classId,
    [book.digest],
    [sheet.name, headerIndex, columns.map((c) => c.field), split],
  );
  return {
    classId: source.classId,
    token,
    digest: book.digest,
    fileName: book.fileName,
    sheets: book.sheets.map((s) => s.name),
    sheet,
    headerIndex,
    columns,
    ignoredColumns: ignoredOf(read),
    rows,
    unitPosition: combined
      ? {
          column: combined.letter,
          header: combined.header,
          split,
          cells: rows.filter((row) => row.combined !== undefined && row.combined.text !== '').length,
          unsure: rows.filter((row) => row.unsure).length,
        }
      : null,
  };
};

// The file is read in the parser worker (a cancel stops it there), then planned here.
export const readAndPrepare = async (core: Core, source: ImportSource, job: Job): Promise<Prepared> => {
  job.progress('read', 0, 1);
  await job.pause();
  const book = await core.parser.workbook(core.grants.resolve(source.grant, 'rosterImport'), job.signal);
  return prepare(source, book, () => knownUnits(core));
};

// The same person twice in one file: the second row with the same ID number is refused; the same
// name and unit without ID numbers is only pointed out.
const markDuplicates = (rows: ParsedRow[]) => {
  const byId = new Map<string, number>();
  const byNameUnit = new Map<string, number>();
  for (const row of rows) {
    const id = row.trainee.idNumber;
    if (id) {
      const first = byId.get(id);
      if (first !== undefined)
        row.problems.push({
          row: row.row,
          column: '',
          field: 'idNumber',
          severity: 'error',
          message: message('import.duplicateId', { row: first }),
          who: shownText(row.trainee.name ?? ''),
        });
      else byId.set(id, row.row);
    } else if (row.trainee.name) {
      const key = `${row.trainee.name}\u0000${row.trainee.unit ?? ''}`;
      const first = byNameUnit.get(key);
      if (first !== undefined)
        row.problems.push({
          row: row.row,
          column: '',
          field: 'name',
          severity: 'warning',
          message: message('import.duplicateName', { row: first }),
          who: shownText(row.trainee.name ?? ''),
        });
      else byNameUnit.set(key, row.row);
    }
  }
};
