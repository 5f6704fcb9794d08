import ExcelJS from 'exceljs';
import { escapeCell, type TableDoc } from './table-doc';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const font = 'SimSun';

// One worksheet: title and subtitle rows, then each section's heading and table. The first
// table's header is frozen and repeats on every printed page; A4 fitted to the page width.
export const writeXlsx = async (doc: TableDoc): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.creator = '党校培训班管理';
  book.created = new Date();
  const sheet = book.addWorksheet(doc.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ''), {
    pageSetup: {
      paperSize: 9,
      orientation: doc.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const width = Math.max(...doc.sections.map((section) => section.columns.length));
  const first = doc.sections[0];
  first?.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = Math.max(6, column.width * 2.2);
  });

  const titleRow = sheet.addRow([doc.title]);
  titleRow.font = { name: font, size: 16, bold: true };
  titleRow.height = 30;
  sheet.mergeCells(titleRow.number, 1, titleRow.number, width);
  titleRow.alignment = { horizontal: 'center', vertical: 'middle' };
  const subtitleRow = sheet.addRow([doc.subtitle]);
  subtitleRow.font = { name: font, size: 11 };
  sheet.mergeCells(subtitleRow.number, 1, subtitleRow.number, width);
  subtitleRow.alignment = { horizontal: 'center' };

  let headerRowNumber = 0;
  for (const section of doc.sections) {
    if (section.heading) {
      const heading = sheet.addRow([section.heading]);
      heading.font = { name: font, size: 12, bold: true };
      sheet.mergeCells(heading.number, 1, heading.number, width);
    }
    const header = sheet.addRow(section.columns.map((column) => column.label));
    if (headerRowNumber === 0) headerRowNumber = header.number;
    header.eachCell((cell) => {
      cell.font = { name: font, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    for (const values of section.rows) {
      const row = sheet.addRow(values.map(escapeCell));
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.font = { name: font, size: 11 };
        cell.border = border;
        cell.alignment = {
          vertical: 'middle',
          wrapText: true,
          horizontal: section.columns[col - 1]?.align === 'center' ? 'center' : 'left',
        };
        // Explicitly text: "0123" stays "0123", an ID number never becomes a float.
        cell.numFmt = '@';
      });
      if (section.columns.some((column) => column.signature)) row.height = 30;
    }
  }
  if (doc.footer) sheet.addRow([doc.footer]).font = { name: font, size: 10, italic: true };
  if (headerRowNumber > 0) {
    sheet.views = [{ state: 'frozen', ySplit: headerRowNumber, xSplit: 0 }];
    sheet.pageSetup.printTitlesRow = `${headerRowNumber}:${headerRowNumber}`;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
};
