import { Document, Packer, Paragraph, type Table } from 'docx';
import { message } from '../../../shared/i18n/translate';
import { a4Page, centred, contentWidth, docxTable, margins, pageNumberFooter, run } from './docx-kit';
import type { TableDoc } from './table-doc';

// A table document (rosters, sign-in sheets, group lists, schedules, lodging lists) as Word opens it:
// on the kit's A4 with the table margins, 黑体 title, 宋体 tables, 第 N 页.

const titleBlock = (doc: TableDoc, pageBreakBefore: boolean) => [
  centred(doc.title, { bold: true, size: 36, face: 'title' }, { pageBreakBefore, spacing: { after: 120 } }),
  centred(doc.subtitle, { size: 22 }, { spacing: { after: 240 } }),
];

export const writeDocx = async (doc: TableDoc): Promise<Buffer> => {
  const landscape = doc.orientation === 'landscape';
  const width = contentWidth(margins.table, landscape);
  const children: (Paragraph | Table)[] = [...titleBlock(doc, false)];
  doc.sections.forEach((section, index) => {
    if (index > 0 && section.pageBreakBefore) children.push(...titleBlock(doc, true));
    if (section.heading)
      children.push(
        new Paragraph({ spacing: { before: 200, after: 100 }, children: [run(section.heading, { bold: true, size: 24 })] }),
      );
    if (section.note) children.push(new Paragraph({ spacing: { after: 100 }, children: [run(section.note, { size: 21 })] }));
    children.push(docxTable(section, width));
  });
  if (doc.footer) children.push(new Paragraph({ spacing: { before: 200 }, children: [run(doc.footer, { size: 18 })] }));
  const document = new Document({
    creator: message('documents.producer'),
    title: doc.title,
    sections: [
      {
        properties: { page: a4Page(margins.table, landscape) },
        footers: { default: pageNumberFooter('words') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
};
