import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, sep } from 'node:path';
import type { DocumentFormat, ExtractedDocument } from '../../../../shared/reports/schemas';
import { ordinaryForms } from '../../../../shared/text/ordinary-forms';
import { unzipWithin, ZipRefused } from '../zip';
import { refuseFile } from '../../files/refusal';
import { pageBreak } from './page-break';

// A report's file, read for its text inside the parser worker. What the file is, is decided by its
// bytes, never by its name: a PDF begins with %PDF-, a .docx is a zip holding word/document.xml, a
// .doc (and a WPS document) is an OLE compound file, and text is text in UTF-8, UTF-16 or GB18030.

// Scanned reports run to a few tens of megabytes; nothing a trainee writes comes near this.
export const maxDocumentBytes = 50 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);
const pdfSignature = [0x25, 0x50, 0x44, 0x46, 0x2d];
const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// Text as people save it on Chinese Windows: UTF-8 (with or without a BOM), UTF-16 with a BOM, or
// GBK/GB18030; anything with NULs or many control characters is not text.
const decodeText = (bytes: Uint8Array): string | undefined => {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  // eslint-disable-next-line no-control-regex -- control characters are what tells a binary file
  const control = text.match(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return control > text.length / 100 ? undefined : text;
};

// Lines as the extractors give them: trailing blanks off, at most one empty line in a row. A PDF
// sets Chinese characters apart with spaces (张 津): between two of them, a space is no space.
// (Its lines break inside words too: the index reads across a single line break, see
// shared/text/search-tokens.ts.) Characters in their ordinary forms: the 个⼈ of a PDF's font is kept
// as the 个人 it shows (shared/text/ordinary-forms.ts); the file itself is stored as it came.
const tidy = (text: string, joinWrapped: boolean): string => {
  let out = ordinaryForms(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+\n/g, '\n');
  if (joinWrapped) out = out.replace(/(\p{Script=Han})[ \t]+(?=\p{Script=Han})/gu, '$1');
  return out.replace(/\n{3,}/g, '\n\n').trim();
};

type Extracted = { format: DocumentFormat; status: ExtractedDocument['status']; text: string };

const withText = (format: DocumentFormat, text: string, joinWrapped = false): Extracted => {
  const tidied = tidy(text, joinWrapped);
  return { format, status: tidied === '' ? 'none' : 'text', text: tidied };
};

// How pdf.js opens a report. Chinese PDFs name their characters through Adobe's CMaps (Adobe-GB1):
// without them pdf.js reads Latin letters and digits only; pdfjs-dist ships them, and the reader is
// given the folder. A PDF is someone else's program as much as a document: pdf.js may compile what a
// file says (its fonts, its PostScript functions) into JavaScript with eval unless told not to.
export const pdfOptions = (() => {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${join(root, 'cmaps')}${sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}${sep}`,
    isEvalSupported: false,
  };
})();

const pdfText = async (bytes: Uint8Array, name: string): Promise<Extracted> => {
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    // A copy: pdf.js takes the buffer it is given for its own.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), pdfOptions);
    // Pages apart, with a form feed on a line of its own between them: the 汇编 finds a PDF's running
    // headers and footers by where pages begin and end (reports/clean-text.ts). Search and titles read
    // it as an empty line.
    const { text: pages } = await extractText(pdf, { mergePages: false });
    return withText('pdf', pages.join(`\n${pageBreak}\n`), true);
  } catch (error) {
    // Kept, and marked: the person has the file, the archive has it, only the search cannot read it.
    if (error instanceof Error && error.name === 'PasswordException') return { format: 'pdf', status: 'encrypted', text: '' };
    throw refuseFile('reports.damaged', { name, format: 'PDF' });
  }
};

const docxText = async (bytes: Uint8Array, name: string): Promise<Extracted> => {
  let entries: Map<string, Uint8Array>;
  try {
    entries = unzipWithin(bytes, { maxTotal: 300 * 1024 * 1024, maxRatio: 100, ratioFrom: 20 * 1024 * 1024 });
  } catch (error) {
    if (error instanceof ZipRefused && error.reason === 'too-large') throw refuseFile('reports.inflates', { name });
    throw refuseFile('reports.damaged', { name, format: 'Word' });
  }
  if (!entries.has('word/document.xml')) throw refuseFile('reports.notDocument', { name });
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return withText('docx', result.value);
  } catch {
    throw refuseFile('reports.damaged', { name, format: 'Word' });
  }
};

// Word 97–2003 and WPS documents. WPS Office's own format is read where it follows Word's; where it
// does not, the document is kept without its text.
const oleText = async (bytes: Uint8Array, name: string): Promise<Extracted> => {
  const format: DocumentFormat = extname(name).toLowerCase() === '.wps' ? 'wps' : 'doc';
  const { default: WordExtractor } = await import('word-extractor');
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes));
    return withText(format, [document.getBody(), document.getFootnotes()].join('\n'));
  } catch {
    if (format === 'wps') return { format, status: 'none', text: '' };
    throw refuseFile('reports.damaged', { name, format: 'Word' });
  }
};

const refuseSize = (name: string, size: number) => {
  if (size === 0) throw refuseFile('reports.empty', { name });
  if (size > maxDocumentBytes)
    throw refuseFile('reports.tooLarge', { name, megabytes: Math.round(maxDocumentBytes / 1024 / 1024) });
};

// A report from bytes already in memory (an entry of a class archive), under the name it goes by: its
// extension tells a .wps from a .doc and a .md from a .txt, as a file's would. The bytes are only read.
export const extractDocumentBytes = async (bytes: Uint8Array, name: string): Promise<ExtractedDocument> => {
  const size = bytes.length;
  refuseSize(name, size);
  const digest = createHash('sha256').update(bytes).digest('hex');
  let extracted: Extracted;
  if (startsWith(bytes, pdfSignature)) extracted = await pdfText(bytes, name);
  else if (startsWith(bytes, zipSignature)) extracted = await docxText(bytes, name);
  else if (startsWith(bytes, oleSignature)) extracted = await oleText(bytes, name);
  else {
    const text = decodeText(bytes);
    if (text === undefined) throw refuseFile('reports.notDocument', { name });
    extracted = withText(extname(name).toLowerCase() === '.md' ? 'md' : 'txt', text);
  }
  return { fileName: name, digest, size, ...extracted, chars: [...extracted.text].length };
};

// A report from a file the person chose (its size looked at before it is read).
export const extractDocument = async (path: string): Promise<ExtractedDocument> => {
  const name = basename(path);
  refuseSize(name, statSync(path).size);
  return extractDocumentBytes(readFileSync(path), name);
};
