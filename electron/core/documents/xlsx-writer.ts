import { message } from '../../../shared/i18n/translate';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { mergeSpans, type TableDoc } from './table-doc';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const font = 'SimSun';

// Shared style objects: ExcelJS registers each distinct style once, and reusing the same objects
// keeps a 10,000-row roster well under a second.
const styles = {
  title: { font: { name: font, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  subtitle: { font: { name: font, size: 11 }, alignment: { horizontal: 'center', vertical: 'middle' } },
  heading: { font: { name: font, size: 12, bold: true } },
  note: { font: { name: font, size: 11 } },
  header: {
    font: { name: font, size: 11, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
  },
  // Explicitly text (@): "0123" stays "0123", an ID number never becomes a float.
  left: {
    font: { name: font, size: 11 },
    alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
    border,
    numFmt: '@',
  },
  center: {
    font: { name: font, size: 11 },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border,
    numFmt: '@',
  },
  footer: { font: { name: font, size: 10, italic: true } },
} satisfies Record<string, Partial<ExcelJS.Style>>;

// A worksheet's name: at most 31 characters, none of \ / ? * [ ] :, and unique in its book.
const sheetName = (title: string, taken: Set<string>) => {
  const base = title.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(name);
  return name;
};

// One worksheet: title and subtitle rows, then each section's heading and table. The first table's
// header is frozen and repeats on every printed page; A4, fitted to the page width. Written as a
// stream, row by row.
const writeSheet = (book: ExcelJS.stream.xlsx.WorkbookWriter, doc: TableDoc, name: string) => {
  const width = Math.max(...doc.sections.map((section) => section.columns.length));
  // The header of the first table follows the title and subtitle rows, and its heading and note if any.
  const first = doc.sections[0];
  const headerRow = 3 + (first?.heading ? 1 : 0) + (first?.note ? 1 : 0);
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: doc.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: message('documents.pageOf') },
  });
  sheet.columns = (doc.sections[0]?.columns ?? []).map((column) => ({ width: Math.max(6, column.width * 2.2) }));

  const fullWidthRow = (text: string, style: Partial<ExcelJS.Style>, height?: number) => {
    const row = sheet.addRow([text]);
    row.getCell(1).style = style;
    if (height) row.height = height;
    if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
    row.commit();
  };

  fullWidthRow(doc.title, styles.title, 30);
  fullWidthRow(doc.subtitle, styles.subtitle);
  for (const section of doc.sections) {
    if (section.heading) fullWidthRow(section.heading, styles.heading);
    if (section.note) fullWidthRow(section.note, styles.note);
    const header = sheet.addRow(section.columns.map((column) => column.label));
    for (let c = 1; c <= section.columns.length; c += 1) header.getCell(c).style = styles.header;
    header.commit();
    const tall = section.columns.some((column) => column.signature);
    const spans = mergeSpans(section);
    const merges: [number, number, number, number][] = [];
    // Rows stream out one by one, except in a table with merged cells: those rows wait until every
    // row of the table exists, since a merge cannot reach a row already written.
    const held: ExcelJS.Row[] = [];
    section.rows.forEach((values, r) => {
      // Text, not formulas: ExcelJS writes strings as text cells, so nothing needs escaping (CSV does).
      const row = sheet.addRow([...values]);
      section.columns.forEach((column, i) => {
        row.getCell(i + 1).style = column.align === 'center' ? styles.center : styles.left;
        const span = spans[r]?.[i] ?? 1;
        if (span > 1) merges.push([row.number, i + 1, row.number + span - 1, i + 1]);
      });
      if (tall) row.height = 30;
      if (section.mergeColumns) held.push(row);
      else row.commit();
    });
    for (const [top, left, bottom, right] of merges) sheet.mergeCells(top, left, bottom, right);
    for (const row of held) row.commit();
  }
  if (doc.footer) fullWidthRow(doc.footer, styles.footer);
  sheet.commit();
};

// A book of one worksheet per document, in order (a year's figures, then the list behind each).
export const writeXlsxBook = async (docs: readonly TableDoc[]): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = message('documents.producer');
  book.created = new Date();
  const taken = new Set<string>();
  for (const doc of docs) writeSheet(book, doc, sheetName(doc.sheet ?? doc.title, taken));
  await book.commit();
  return Buffer.concat(chunks);
};

export const writeXlsx = (doc: TableDoc): Promise<Buffer> => writeXlsxBook([doc]);
