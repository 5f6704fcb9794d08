import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { zipSync } from 'fflate';

// Research reports as trainees hand them in, written by the tests: real .docx (through the docx
// library, as Word's own files are laid out), text in GB18030 as Notepad on Chinese Windows saves it.

export const writeReportDocx = async (path: string, paragraphs: readonly string[]): Promise<string> => {
  const document = new Document({
    sections: [
      { children: paragraphs.map((text) => new Paragraph({ children: [new TextRun({ text, font: { eastAsia: 'SimSun' } })] })) },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(document));
  return path;
};

// The documents written by other people beside the project (../shared/fixtures/real-docs/), when the
// folder is there: a fresh clone of the project alone does not have it.
export const realDocsDir = resolve(import.meta.dirname, '../../../../shared/fixtures/real-docs');
export const realDocs = existsSync(realDocsDir)
  ? {
      pdf: resolve(realDocsDir, '1.pdf'),
      password: resolve(realDocsDir, 'password.pdf'),
      docx: resolve(realDocsDir, '核电厂定期安全审查指南 第1部分：通用要求（征求意见稿）.docx'),
      doc: resolve(realDocsDir, '行标编制说明（核电厂定期安全审查指南 第6部分：构筑物、系统和部件的实际状态）(3).doc'),
    }
  : undefined;

// A report of the Liaoyuan kind: its title first, then the body.
export const reportText = (title: string, extra = '') => [
  title,
  '辽源市委党校年轻干部培训班',
  '近年来，朝阳村依托辽河源现代生态农业产业园，发展特色农业，2019年全村人均收入增长12%，GDP贡献稳步提高。',
  `村党支部带领合作社发展梅花鹿养殖和有机水稻种植。${extra}`,
  '调研发现，乡村治理和人才振兴仍是短板，需要党校培训与基层实践相结合。',
];

// A zip written entry by entry; `rename` then turns names inside it into others of the same length
// (two entries of one name, a name that climbs out of its folder), with the checksums still right.
export const zipWith = (entries: Record<string, Uint8Array | string>, rename: [string, string][] = []): Uint8Array => {
  const files = Object.fromEntries(
    Object.entries(entries).map(([name, data]) => [name, typeof data === 'string' ? new TextEncoder().encode(data) : data]),
  );
  let bytes = Buffer.from(zipSync(files));
  for (const [from, to] of rename) {
    if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('a renamed entry keeps its length');
    bytes = Buffer.from(
      bytes.toString('latin1').replaceAll(Buffer.from(from).toString('latin1'), Buffer.from(to).toString('latin1')),
      'latin1',
    );
  }
  return bytes;
};

// A PDF whose text layer names some characters by their Kangxi radicals or compatibility ideographs,
// as PDFs from common tools do: the page shows 人, and copying or extracting its text gives ⼈ (U+2F08),
// because the font lists both code points for one glyph and the program wrote the first into the
// font's ToUnicode map. Chromium writes the ordinary code point, and no font on a test machine need
// have the radicals' glyphs; so the PDF Chromium printed gets, as an incremental update (new objects
// appended, a new cross-reference section pointing back to the old, as PDF editors save), its
// ToUnicode maps with `forms` written in: { 人: '⼈' } maps the glyph of 人 to U+2F08.
export const withTextLayerForms = (pdf: Uint8Array, forms: Readonly<Record<string, string>>): Buffer => {
  const original = Buffer.from(pdf);
  const latin = original.toString('latin1');
  const hex = (char: string) => (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const swaps = Object.entries(forms).map(([plain, odd]) => [`<${hex(plain)}>`, `<${hex(odd)}>`] as const);
  const updates: { id: number; body: Buffer }[] = [];
  for (const id of new Set([...latin.matchAll(/\/ToUnicode (\d+) 0 R/g)].map((match) => Number(match[1])))) {
    const object = new RegExp(`(?:^|\\n)${id} 0 obj\\s*<<([\\s\\S]*?)>>\\s*stream\\r?\\n`).exec(latin);
    const length = /\/Length (\d+)/.exec(object?.[1] ?? '')?.[1];
    if (!object || length === undefined || !/\/FlateDecode/.test(object[1] ?? '')) throw new Error(`ToUnicode ${id} unreadable`);
    const start = object.index + object[0].length;
    let cmap = inflateSync(original.subarray(start, start + Number(length))).toString('latin1');
    for (const [from, to] of swaps) cmap = cmap.replaceAll(`> ${from}`, `> ${to}`);
    const stream = deflateSync(Buffer.from(cmap, 'latin1'));
    updates.push({
      id,
      body: Buffer.concat([
        Buffer.from(`${id} 0 obj\n<</Filter /FlateDecode\n/Length ${stream.length}>> stream\n`, 'latin1'),
        stream,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      ]),
    });
  }
  const trailer = latin.slice(latin.lastIndexOf('trailer'));
  const previous = /startxref\s+(\d+)/.exec(trailer)?.[1];
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  if (updates.length === 0 || previous === undefined || size === undefined || root === undefined)
    throw new Error('not a PDF this helper can update');
  const parts: Buffer[] = [original, Buffer.from('\n')];
  let at = original.length + 1;
  const offsets = updates.map((update) => {
    const offset = at;
    parts.push(update.body);
    at += update.body.length;
    return { id: update.id, offset };
  });
  const xref = [
    'xref',
    '0 1',
    '0000000000 65535 f ',
    ...offsets.flatMap(({ id, offset }) => [`${id} 1`, `${String(offset).padStart(10, '0')} 00000 n `]),
    'trailer',
    `<</Size ${size}\n/Root ${root}\n/Prev ${previous}>>`,
    'startxref',
    String(at),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
};
