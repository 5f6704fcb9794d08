import {
  AlignmentType,
  BorderStyle,
  Footer,
  PageNumber,
  PageOrientation,
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
import { message } from '../../../shared/i18n/translate';
import { bodyFont, fangsongFont, titleFont } from './fonts';
import { type DocSection, mergeSpans } from './table-doc';

// What every .docx the app writes is made of, written once: the A4 page and its margins, runs in the
// house faces, page numbers, tables. The table documents (docx-writer.ts) and the prose documents
// (prose-docx.ts) are both set from these.

// A4 in twentieths of a point.
export const a4 = { short: 11906, long: 16838 };

// The margins: the school's official documents (3.7 / 3.5 / 2.8 / 2.6 cm: top, bottom, left,
// right), and the lists and tables, which want the width (2 cm left and right, 2.5 cm top and bottom).
export const margins = {
  official: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
  table: { top: 1418, bottom: 1418, left: 1134, right: 1134 },
};
type Margins = (typeof margins)[keyof typeof margins];

// The page's properties, and the width left between its margins.
export const a4Page = (margin: Margins, landscape = false) => ({
  // docx swaps width and height itself for a landscape page.
  size: {
    width: a4.short,
    height: a4.long,
    orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
  },
  margin,
});
export const contentWidth = (margin: Margins, landscape = false) => (landscape ? a4.long : a4.short) - margin.left - margin.right;

// 宋体 for lists and tables, 黑体 for titles and headings, 仿宋 for the body of prose.
const faces = { body: bodyFont, title: titleFont, prose: fangsongFont };
export type Face = keyof typeof faces;

// Black throughout: an official document prints no blue headings (the heading styles' default colour).
export const run = (text: string, options: { size: number; face?: Face; bold?: boolean }) =>
  new TextRun({ text, size: options.size, font: faces[options.face ?? 'body'], bold: options.bold ?? false, color: '000000' });

export const centred = (
  text: string,
  options: { size: number; face?: Face; bold?: boolean },
  paragraph: { spacing?: { before?: number; after?: number }; pageBreakBefore?: boolean } = {},
) => new Paragraph({ alignment: AlignmentType.CENTER, ...paragraph, children: [run(text, options)] });

// Page numbers centred at the foot of each page: 第 N 页 on lists and tables, — N — on prose, as
// official documents number them.
export const pageNumberFooter = (style: 'words' | 'dashes') => {
  const children: ParagraphChild[] =
    style === 'words'
      ? [
          run(message('documents.pageBefore'), { size: 21 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 18, font: bodyFont }),
          run(message('documents.pageAfter'), { size: 21 }),
        ]
      : [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: fangsongFont })];
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
};

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };

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
        children: [run(text, { size: 21, bold: options.header ?? false })],
      }),
    ],
  });

// A section's table at the given width, its header row repeated on each page.
export const docxTable = (section: DocSection, width: number) => {
  const total = section.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = section.columns.map((column) => Math.floor((column.width / total) * width));
  const tall = section.columns.some((column) => column.signature);
  const spans = mergeSpans(section);
  return new Table({
    width: { size: width, type: WidthType.DXA },
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
