import iconv from 'iconv-lite';
import { escapeCell, type TableDoc } from './table-doc';

export const csvEncodings = ['gb18030', 'utf8bom'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

// For Chinese Excel: GB18030 opens correctly in every version (and WPS); UTF-8 needs its BOM.
export const writeCsv = (doc: TableDoc, encoding: CsvEncoding = 'gb18030'): Buffer => {
  const lines: string[] = [];
  for (const section of doc.sections) {
    if (doc.sections.length > 1)
      for (const line of [section.heading, section.note]) if (line) lines.push(quote(escapeCell(line)));
    lines.push(section.columns.map((column) => quote(column.label)).join(','));
    for (const row of section.rows) lines.push(row.map((cell) => quote(escapeCell(cell))).join(','));
  }
  const text = `${lines.join('\r\n')}\r\n`;
  return encoding === 'gb18030'
    ? iconv.encode(text, 'gb18030')
    : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
};
