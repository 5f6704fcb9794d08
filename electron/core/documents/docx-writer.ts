import { message } from '../../../shared/i18n/translate';
import { bodyFont, titleFont } from './fonts';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { type DocSection, mergeSpans, type TableDoc } from './table-doc';

// A4 in twentieths of a point; margins 2 cm left/right, 2.5 cm top/bottom.
export const a4 = { short: 11906, long: 16838 };
const margin = { top: 1418, bottom: 1418, left: 1134, right: 1134 };
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };

const run = (text: string, options: { bold?: boolean; size?: number; font?: typeof bodyFont } = {}) =>
  new TextRun({ text, bold: options.bold ?? false, size: options.size ?? 21, font: options.font ?? bodyFont });

const cell = (
  text: string,
  width: number,
  options: { header?: boolean; center?: boolean; rowSpan?: number; keepNext?: boolean } = {},
) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.rowSpan && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
    borders,
    verticalAlign: VerticalAlign.CENTER,
    shading: options.header ? { fill: 'F2F2F2' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: options.header || options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        keepNext: options.keepNext ?? false,
        children: [run(text, { bold: options.header ?? false })],
      }),
    ],
  });

// A section's table at the given width, its header row repeated on each page (the 学员手册 sets its
// tables with it too).
export const docxTable = (section: DocSection, contentWidth: number) => {
  const total = section.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = section.columns.map((column) => Math.floor((column.width / total) * contentWidth));
  const tall = section.columns.some((column) => column.signature);
  const spans = mergeSpans(section);
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // The header row repeats at the top of every page.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: section.columns.map((column, i) =>
          cell(column.label, widths[i] ?? 0, { header: true, keepNext: section.keepTogether ?? false }),
        ),
      }),
      ...section.rows.map(
        (values, r) =>
          new TableRow({
            cantSplit: !section.mergeColumns,
            height: tall ? { value: 560, rule: 'atLeast' } : undefined,
            // A merged cell is written once, spanning its rows; the rows below leave it out.
            children: section.columns.flatMap((column, i) => {
              const span = spans[r]?.[i] ?? 1;
              return span === 0
                ? []
                : [
                    cell(values[i] ?? '', widths[i] ?? 0, {
                      center: column.align === 'center',
                      rowSpan: span,
                      // Every row but the last keeps with the next: Word, WPS and LibreOffice then move
                      // the whole table rather than split it.
                      keepNext: (section.keepTogether ?? false) && r < section.rows.length - 1,
                    }),
                  ];
            }),
          }),
      ),
    ],
  });
};

const titleBlock = (doc: TableDoc, pageBreakBefore: boolean) => [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore,
    spacing: { after: 120 },
    children: [run(doc.title, { bold: true, size: 36, font: titleFont })],
  }),
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(doc.subtitle, { size: 22 })] }),
];

// 第 N 页, centred at the foot of each page.
export const pageNumberFooter = () => {
  const pageNumber: ParagraphChild[] = [
    run(message('documents.pageBefore')),
    new TextRun({ children: [PageNumber.CURRENT], size: 18, font: bodyFont }),
    run(message('documents.pageAfter')),
  ];
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumber })] });
};

export const writeDocx = async (doc: TableDoc): Promise<Buffer> => {
  const landscape = doc.orientation === 'landscape';
  const contentWidth = (landscape ? a4.long : a4.short) - margin.left - margin.right;
  const children: (Paragraph | Table)[] = [...titleBlock(doc, false)];
  doc.sections.forEach((section, index) => {
    if (index > 0 && section.pageBreakBefore) children.push(...titleBlock(doc, true));
    if (section.heading)
      children.push(
        new Paragraph({ spacing: { before: 200, after: 100 }, children: [run(section.heading, { bold: true, size: 24 })] }),
      );
    if (section.note) children.push(new Paragraph({ spacing: { after: 100 }, children: [run(section.note, { size: 21 })] }));
    children.push(docxTable(section, contentWidth));
  });
  if (doc.footer) children.push(new Paragraph({ spacing: { before: 200 }, children: [run(doc.footer, { size: 18 })] }));
  const document = new Document({
    creator: message('documents.producer'),
    title: doc.title,
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page.
            size: {
              width: a4.short,
              height: a4.long,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin,
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
};
