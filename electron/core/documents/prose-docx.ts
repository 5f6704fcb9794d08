import {
  AlignmentType,
  Document,
  HeadingLevel,
  type ISectionOptions,
  Packer,
  Paragraph,
  type Table,
  TableOfContents,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { message } from '../../../shared/i18n/translate';
import { a4Page, centred as centredLine, contentWidth, docxTable, margins, pageNumberFooter, run as kitRun } from './docx-kit';
import { fangsongFont, titleFont } from './fonts';
import type { BodySize, ProseBlock, ProseCover, ProseDoc } from './prose-doc';

// The house style of every prose document (see prose-doc.ts).

// The page of the school's documents: A4 with the official margins.
const page = a4Page(margins.official);
const width = contentWidth(margins.official);

// Sizes in half-points; lines in twentieths of a point: fixed lines for official writing and the
// handbook, a line and a half for the long reports of a compilation.
const bodies: Record<BodySize, { size: number; line: number; rule: 'exact' | 'auto' }> = {
  sanhao: { size: 32, line: 560, rule: 'exact' },
  sihao: { size: 28, line: 480, rule: 'exact' },
  xiaosi: { size: 24, line: 360, rule: 'auto' },
};

const run = (text: string, size: number, title = false) => kitRun(text, { size, face: title ? 'title' : 'prose' });

const centred = (text: string, size: number, spacing: { before?: number; after?: number }, title = true) =>
  centredLine(text, { size, face: title ? 'title' : 'prose' }, { spacing });

const coverOf = (cover: ProseCover): Paragraph[] => [
  centred(cover.above, 36, { before: 2400, after: cover.subtitle === undefined ? 600 : 1200 }),
  ...(cover.subtitle === undefined ? [] : [centred(cover.subtitle, 44, { after: 600 })]),
  centred(cover.title, 72, { after: 3600 }),
  ...cover.below.map((line, index) => centred(line, 32, { after: index === cover.below.length - 1 ? 0 : 200 }, false)),
];

type Child = Paragraph | Table | TableOfContents;

const blockOf = (block: ProseBlock, body: (typeof bodies)[BodySize]): Child[] => {
  // Two characters of the body's size.
  const indent = { firstLine: body.size * 20 };
  const lines = { line: body.line, lineRule: body.rule };
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ indent, spacing: lines, children: [run(block.text, body.size)] })];
    case 'heading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          // A heading never stands alone at the foot of a page, apart from what it heads.
          keepNext: true,
          indent,
          spacing: lines,
          children: [run(block.text, body.size, true)],
        }),
      ];
    case 'subheading':
      return [
        new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [run(block.text, body.size, true)] }),
      ];
    case 'chapter':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          pageBreakBefore: true,
          keepNext: true,
          alignment: AlignmentType.CENTER,
          spacing: { after: 360 },
          children: [run(block.text, 32, true)],
        }),
      ];
    case 'byline':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { after: 300 },
          children: [run(block.text, body.size)],
        }),
      ];
    case 'table':
      // An empty line after it, so that the next heading or table does not touch it.
      return [docxTable(block.table, width), new Paragraph({})];
    case 'contents': {
      const title = centred(block.title, 36, { after: 400 });
      if (block.entries === undefined)
        return [title, new TableOfContents(block.title, { hyperlink: true, headingStyleRange: '1-1' })];
      return [
        title,
        ...block.entries.map(
          (entry) =>
            new Paragraph({
              spacing: { line: 400 },
              children: [run(entry.text, body.size), run(`${message('text.gap')}${entry.note}`, 21)],
            }),
        ),
      ];
    }
  }
};

export const writeProseDocx = async (doc: ProseDoc): Promise<Buffer> => {
  const body = bodies[doc.body];
  const children: Child[] = [
    ...(doc.heading === undefined ? [] : [centred(doc.heading, 44, { after: 400 })]),
    ...doc.blocks.flatMap((block) => blockOf(block, body)),
    ...(doc.signOff ?? []).map(
      (line, index) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: index === 0 ? { before: 600 } : {},
          children: [run(line, body.size)],
        }),
    ),
  ];
  const sections: ISectionOptions[] = [
    // The cover carries no page number; the text starts at 1.
    ...(doc.cover ? [{ properties: { page }, children: coverOf(doc.cover) }] : []),
    { properties: { page: { ...page, pageNumbers: { start: 1 } } }, footers: { default: pageNumberFooter('dashes') }, children },
  ];
  const contents = doc.blocks.some((block) => block.kind === 'contents' && block.entries === undefined);
  const document = new Document({
    creator: message('documents.producer'),
    title: doc.title,
    // The contents' page numbers are written with the document (Word, WPS and LibreOffice show them
    // without updating fields); 仿宋 is not in the layout's width tables, and a CJK character is one
    // em whatever the face, so the layout measures by the nearest it knows.
    ...(contents ? { pageNumbers: estimatePageNumbersWith({ guess: true }) } : {}),
    styles: {
      default: {
        document: { run: { font: fangsongFont, size: body.size } },
        heading1: { run: { font: titleFont, size: 32, bold: false, color: '000000' } },
        heading2: { run: { font: titleFont, size: body.size, bold: false, color: '000000' } },
      },
    },
    sections,
  });
  return Packer.toBuffer(document);
};
