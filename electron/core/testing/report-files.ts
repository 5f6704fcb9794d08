import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
