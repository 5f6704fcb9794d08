import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { extractText, getDocumentProxy } from 'unpdf';

// Exports read back the way another program would read them.

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // ExcelJS cannot give the text of a cell merged into an empty one (an empty subtitle row).
      values[col - 1] = cell.isMerged && cell.master.value === null ? '' : cell.text;
    });
    rows.push(values);
  });
  return rows;
};

// Every worksheet of a book, in order, by name.
export const readXlsxBook = async (path: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets.map((sheet) => ({ name: sheet.name, rows: rowsOf(sheet) }));
};

export const readXlsx = async (path: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return { sheet, rows: rowsOf(sheet) };
};

export const docxXml = (path: string): string => {
  const files = unzipSync(readFileSync(path));
  const document = files['word/document.xml'];
  if (!document) throw new Error('no word/document.xml');
  return new TextDecoder().decode(document);
};

// The visible text of a .docx, paragraph by paragraph.
export const docxText = (path: string): string =>
  docxXml(path)
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

export const pdfText = async (path: string): Promise<{ pages: number; text: string }> => {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text };
};

export const csvLines = (path: string, encoding: 'gb18030' | 'utf8bom') => {
  const bytes = readFileSync(path);
  const text = encoding === 'gb18030' ? iconv.decode(bytes, 'gb18030') : new TextDecoder().decode(bytes.subarray(3));
  return { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, lines: text.split('\r\n').filter(Boolean) };
};
