import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { messyRoster, standardRoster } from '../testing/roster-files';
import { makeTempDir } from '../testing/temp-core';
import type { Cell, Sheet } from './sheet';
import { readWithSheetJs, readWorkbook } from './sheet-reader';
import { readXlsxCells } from './xlsx-reader';
import { unzipWithin } from './zip';

const temp = makeTempDir();
afterAll(() => temp.remove());

const noLimit = () => undefined;
const cellsOf = (bytes: Uint8Array) =>
  readXlsxCells(unzipWithin(bytes, { maxTotal: 1e9, maxRatio: 1e9, ratioFrom: 1e9 }), noLimit);

// What an import sees of a sheet: each row with something in it, by its number in the sheet, its
// text cells as cellText would read them (whitespace folded), and no trailing empty cells.
const seen = (sheets: readonly Sheet[]) =>
  sheets.map((sheet) => ({
    name: sheet.name,
    rows: Object.fromEntries(
      sheet.rows.flatMap((row, index) => {
        const cells = row.map((cell): Cell => (typeof cell === 'string' ? cell.replace(/\s+/g, ' ').trim() || null : cell));
        while (cells.length > 0 && cells.at(-1) === null) cells.pop();
        return cells.length === 0 ? [] : [[sheet.firstRow + index, cells]];
      }),
    ),
  }));

const bothReaders = (bytes: Buffer) => {
  const fast = cellsOf(bytes);
  expect(fast, 'the fast reader declined a plain workbook').toBeDefined();
  return { fast: seen(fast ?? []), sheetJs: seen(readWithSheetJs(bytes, 'book.xlsx')) };
};

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '<&>"\'',
    '张　三',
    '  前后有空格  ',
    '第一行\r\n第二行',
    'a_x000D_b',
    '2019-001',
    '=SUM(A1)',
    '220402198005061235',
    '__proto__',
  ),
  fc.string({ unit: fc.constantFrom(...'辽源市委党校培训班学员名册一二三'), maxLength: 8 }),
);
const cell = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
);
const sheetRows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 });

describe('the fast .xlsx reader', () => {
  it('reads what SheetJS reads, from workbooks written by SheetJS (inline and shared strings) and by ExcelJS', async () => {
    let books = 0;
    let cells = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(sheetRows, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('sheetjs', 'sheetjs-sst', 'exceljs'),
        fc.integer({ min: 0, max: 5 }),
        async (sheets, writer, offset) => {
          books += 1;
          cells += sheets.flat(2).filter((value) => value !== null).length;
          let bytes: Buffer;
          if (writer === 'exceljs') {
            const book = new ExcelJS.Workbook();
            sheets.forEach((rows, index) => {
              const sheet = book.addWorksheet(`表${index + 1}&<x>`);
              rows.forEach((row, r) =>
                row.forEach((value, c) => {
                  if (value !== null) sheet.getCell(r + 1 + offset, c + 1 + offset).value = value;
                }),
              );
            });
            bytes = Buffer.from(await book.xlsx.writeBuffer());
          } else {
            const book = XLSX.utils.book_new();
            sheets.forEach((rows, index) =>
              XLSX.utils.book_append_sheet(
                book,
                XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), rows, { origin: { r: offset, c: offset } }),
                `表${index + 1}`,
              ),
            );
            bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: writer === 'sheetjs-sst' }) as Buffer;
          }
          const { fast, sheetJs } = bothReaders(bytes);
          expect(fast).toEqual(sheetJs);
        },
      ),
      { numRuns: 120 },
    );
    console.log(`fast .xlsx reader: ${books} generated workbooks, ${cells} cells, every one read as SheetJS reads it`);
  }, 60_000);

  it('reads the rosters and the schedules the tests use, merged cells filled, exactly as SheetJS does', () => {
    for (const file of [messyRoster(temp.dir), standardRoster(temp.dir, 300)]) {
      const { fast, sheetJs } = bothReaders(readFileSync(file));
      expect(fast).toEqual(sheetJs);
      expect(readWorkbook(file).sheets.map((sheet) => sheet.rows.length)).toEqual(
        readWithSheetJs(readFileSync(file), file).map((sheet) => sheet.rows.length),
      );
    }
  });

  it('declines what it does not read (elements with a namespace prefix), which SheetJS then reads', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['姓名', '单位'],
        ['张三', '辽源市财政局'],
      ]),
      '名册',
    );
    const files = unzipSync(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const sheetPath = 'xl/worksheets/sheet1.xml';
    files[sheetPath] = strToU8(
      strFromU8(files[sheetPath] ?? new Uint8Array())
        .replace(/<(\/?)(sheetData|row|c|v|is|t)\b/g, '<$1x:$2')
        .replace('<worksheet ', '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '),
    );
    const prefixed = join(temp.dir, 'prefixed.xlsx');
    writeFileSync(prefixed, zipSync(files));
    expect(cellsOf(readFileSync(prefixed))).toBeUndefined();
    expect(readWorkbook(prefixed).sheets[0]?.rows).toEqual([
      ['姓名', '单位'],
      ['张三', '辽源市财政局'],
    ]);
  });

  it('refuses a sheet that names a cell far away before laying anything out', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['姓名']]), '炸弹');
    const files = unzipSync(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const sheetPath = 'xl/worksheets/sheet1.xml';
    // One more cell, in the last row and column a sheet can have: a few bytes that would lay out
    // seventeen billion cells.
    files[sheetPath] = strToU8(
      strFromU8(files[sheetPath] ?? new Uint8Array()).replace(
        '</sheetData>',
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远处</t></is></c></row></sheetData>',
      ),
    );
    const file = join(temp.dir, 'far.xlsx');
    writeFileSync(file, zipSync(files));
    expect(() => readWorkbook(file)).toThrow(/工作表的行数超过上限 100000 行（至少有 1048576 行）/);
  });

  it('stops reading a CSV at the row limit, and refuses it', () => {
    const many = join(temp.dir, 'many.csv');
    writeFileSync(many, `姓名,单位\n${Array.from({ length: 150_000 }, (_, n) => `学员${n},辽源市财政局`).join('\n')}`);
    expect(() => readWorkbook(many)).toThrow(/工作表的行数超过上限 100000 行/);
  });
});
