import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { zipSync } from 'fflate';
import { AppError } from '../../../shared/errors';
import type { Cell, Sheet } from './sheet';
import { fillMerges, mergedRanges, readXlsxCells, type SizeCheck } from './xlsx-reader';
import { unzipWithin, ZipRefused } from './zip';
import { refuseFile } from '../files/refusal';
import { columnLetter } from '../../../shared/roster/import';
import { shownText } from '../../../shared/text/shown';

// Old .xls files (BIFF5) keep Chinese text in code page 936.
XLSX.set_cptable(cptable);

export type { Cell, Sheet } from './sheet';

export type Workbook = { fileName: string; bytes: Buffer; sheets: Sheet[] };

export const importLimits = {
  // A roster of 10,000 people is about 1 MB; anything far larger is not a roster.
  maxFileBytes: 20 * 1024 * 1024,
  // What an .xlsx may unpack to, and how much smaller than that it may be packed once it has unpacked
  // more than ratioFrom: beyond these it is a zip bomb. Both are counted on the bytes really inflated.
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxRatio: 120,
  ratioFrom: 10 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 500,
  // Cells laid out in all the sheets together (a row is as wide as the sheet's widest): 100,000
  // rows of 50 columns, or 10,000 of 500. Each limit alone lets a file of a few kilobytes, naming
  // only A1 and SF100000 on a few sheets, fill the app with 50 million empty cells per sheet.
  maxCells: 5_000_000,
  // The text of every cell together, a cell counted each time it appears (an .xlsx stores a text
  // once and may point a hundred thousand cells at it): a roster of 10,000 people holds about 2
  // million characters. Far beyond this is a file made to keep the import busy for minutes, every
  // character of every cell being folded, matched and checked on the app's own thread.
  maxTextChars: 16_000_000,
  // What Excel itself lets a cell hold.
  maxCellChars: 32_767,
} as const;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;
const isOle = (bytes: Buffer) => bytes.length > 8 && bytes.readUInt32LE(0) === 0xe011cfd0 && bytes.readUInt32LE(4) === 0xe11ab1a1;

// Inflates an .xlsx counting the bytes it really produces (zip.ts): what the zip declares about its
// sizes is not believed.
const unzipSpreadsheet = (bytes: Buffer, fileName: string): Map<string, Uint8Array> => {
  let entries: Map<string, Uint8Array>;
  try {
    entries = unzipWithin(bytes, {
      maxTotal: importLimits.maxUnpackedBytes,
      maxRatio: importLimits.maxRatio,
      ratioFrom: importLimits.ratioFrom,
    });
  } catch (error) {
    if (error instanceof ZipRefused && error.reason === 'too-large')
      throw refuseFile('import.zipBomb', { size: megabytes(error.bytes) });
    if (error instanceof ZipRefused && (error.reason === 'damaged' || error.reason === 'duplicate'))
      throw refuseFile('import.unreadable', { name: fileName });
    throw refuseFile('import.notSpreadsheet');
  }
  if (!entries.has('[Content_Types].xml')) throw refuseFile('import.notSpreadsheet');
  return entries;
};

// CSV as Chinese Excel saves it is GBK (GB18030); newer tools write UTF-8, with or without a BOM.
export const decodeText = (bytes: Buffer): string => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
};

const looksLikeText = (text: string) => {
  const sample = text.slice(0, 4000);
  // eslint-disable-next-line no-control-regex
  const control = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return sample.length > 0 && control / sample.length < 0.01;
};

const parse = (bytes: Buffer, fileName: string): XLSX.WorkBook => {
  const ext = extname(fileName).toLowerCase();
  try {
    if (isZip(bytes) || isOle(bytes))
      return XLSX.read(bytes, {
        type: 'buffer',
        dense: true,
        cellDates: false,
        cellFormula: false,
        cellHTML: false,
        // Cells are read raw (sheet_to_json raw: true): formatting each value as text is wasted work.
        cellText: false,
        // Rows past the limit are not even read; the sheet's full range still says how many it claims.
        sheetRows: importLimits.maxRows + 1,
      });
    if (ext === '.csv' || ext === '.txt') {
      const text = decodeText(bytes);
      if (!looksLikeText(text)) throw refuseFile('import.notSpreadsheet');
      // raw: every CSV field stays text — an ID number must never pass through a float.
      return XLSX.read(text, { type: 'string', raw: true, dense: true, sheetRows: importLimits.maxRows + 1 });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuseFile('import.unreadable', { name: fileName });
  }
  throw refuseFile('import.notSpreadsheet');
};

// A table is a few thousand rows of a few dozen columns: a sheet much larger is refused before it is
// laid out in memory (a crafted file naming cell XFD1048576 would otherwise fill gigabytes).
// One check per workbook: the cells of every sheet so far are counted against maxCells.
const sizeCheck = (): SizeCheck => {
  let cells = 0;
  return (rows, columns) => {
    if (rows > importLimits.maxRows) throw refuseFile('import.tooManyRows', { rows, max: importLimits.maxRows });
    if (columns > importLimits.maxColumns) throw refuseFile('import.tooManyColumns', { columns, max: importLimits.maxColumns });
    cells += rows * columns;
    if (cells > importLimits.maxCells) throw refuseFile('import.tooManyCells', { max: importLimits.maxCells });
  };
};

const toSheet = (name: string, sheet: XLSX.WorkSheet, checkSize: SizeCheck): Sheet => {
  const ref = sheet['!ref'];
  if (!ref) return { name, rows: [], firstRow: 1 };
  const range = XLSX.utils.decode_range(ref);
  // What the sheet claims (its full range, when sheetRows cut the reading short) is what is checked.
  const claimed = XLSX.utils.decode_range(sheet['!fullref'] ?? ref);
  checkSize(Math.max(claimed.e.r - claimed.s.r, range.e.r - range.s.r) + 1, Math.max(claimed.e.c, range.e.c) + 1);
  // Columns always from A, so that index 0 is column A whatever the sheet's used range says.
  const fromA = { s: { r: range.s.r, c: 0 }, e: range.e };
  const rows = XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true, range: fromA });
  fillMerges(rows, range.s.r, sheet['!merges'] ?? []);
  return { name, rows, firstRow: range.s.r + 1, ...mergedRanges(sheet['!merges'] ?? []) };
};

// Every sheet, read by SheetJS: the reader of .xls, WPS .et and CSV, and of any .xlsx the fast reader
// declines.
export const readWithSheetJs = (bytes: Buffer, fileName: string): Sheet[] => {
  const book = parse(bytes, fileName);
  const checkSize = sizeCheck();
  return book.SheetNames.map((name) => {
    const sheet = book.Sheets[name];
    return sheet ? toSheet(name, sheet, checkSize) : { name, rows: [], firstRow: 1 };
  });
};

// Refuses a workbook whose cells hold more text than any table does (see importLimits).
const checkText = (sheets: Sheet[]): Sheet[] => {
  let total = 0;
  for (const sheet of sheets)
    sheet.rows.forEach((cells, at) =>
      cells.forEach((cell, column) => {
        if (typeof cell !== 'string') return;
        if (cell.length > importLimits.maxCellChars)
          throw refuseFile('import.cellTooLong', {
            sheet: shownText(sheet.name),
            cell: `${columnLetter(column)}${sheet.firstRow + at}`,
            length: cell.length,
            max: importLimits.maxCellChars,
          });
        total += cell.length;
        if (total > importLimits.maxTextChars) throw refuseFile('import.tooMuchText', { max: importLimits.maxTextChars });
      }),
    );
  return sheets;
};

export const readWorkbook = (path: string): Workbook => {
  const fileName = basename(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw refuseFile('import.cannotOpen', { name: fileName });
  }
  if (size > importLimits.maxFileBytes)
    throw refuseFile('import.tooLarge', { size: megabytes(size), max: megabytes(importLimits.maxFileBytes) });
  if (size === 0) throw refuseFile('import.emptyFile', { name: fileName });
  const bytes = readFileSync(path);
  // An .xlsx is read by the fast reader when it can; everything else (and any .xlsx it does not
  // understand) by SheetJS.
  if (!isZip(bytes)) return { fileName, bytes, sheets: checkText(readWithSheetJs(bytes, fileName)) };
  const entries = unzipSpreadsheet(bytes, fileName);
  // SheetJS is given only what passed: the parts as inflated here, packed again without compression.
  const sheets = checkText(
    readXlsxCells(entries, sizeCheck()) ??
      readWithSheetJs(Buffer.from(zipSync(Object.fromEntries(entries), { level: 0 })), fileName),
  );
  return { fileName, bytes, sheets };
};
