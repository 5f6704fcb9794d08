import { strFromU8 } from 'fflate';
import type { Cell, Sheet } from './sheet';
import { refuseFile } from '../files/refusal';

// A reader for the .xlsx files people actually send: the cell values of every sheet, nothing of
// styles, formulas or drawings. SheetJS reads everything and takes most of an import's time doing
// so; this reads the few parts a table needs with plain string scanning, about five times faster.
// Whatever it does not recognise (prefixed XML elements, a missing part) makes it answer undefined,
// and the caller reads the file with SheetJS instead. xlsx-reader.test.ts holds the two to the same
// cells on generated and real workbooks.

const entities: Record<string, string> = { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' };

// XML text as Excel writes it: entities, numeric references, and _xHHHH_ for control characters.
const decodeText = (text: string): string => {
  const cdata = text.indexOf('<![CDATA[');
  if (cdata >= 0) {
    const end = text.indexOf(']]>', cdata);
    return decodeText(text.slice(0, cdata)) + text.slice(cdata + 9, end) + decodeText(text.slice(end + 3));
  }
  const plain = text.includes('&')
    ? text.replace(
        /&(?:(quot|apos|gt|lt|amp)|#(x?)([\da-fA-F]+));/gi,
        (whole, name: string | undefined, hex: string, code: string) =>
          name ? (entities[name.toLowerCase()] ?? whole) : String.fromCodePoint(parseInt(code, hex ? 16 : 10)),
      )
    : text;
  const unescaped = plain.includes('_x')
    ? plain.replace(/_x([\da-fA-F]{4})_/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    : plain;
  return unescaped.replace(/\r\n/g, '\n');
};

// The attributes this reader looks at, each with its pattern made once.
const attributePatterns = {
  r: /\sr="([^"]*)"/,
  t: /\st="([^"]*)"/,
  name: /\sname="([^"]*)"/,
  Id: /\sId="([^"]*)"/,
  Target: /\sTarget="([^"]*)"/,
} as const;

const attribute = (tag: string, name: keyof typeof attributePatterns): string | undefined =>
  attributePatterns[name].exec(tag)?.[1];

// The text of a string item (<si>) or an inline string (<is>): a plain <t>, or the <t> of each rich
// run — never the phonetic guide (<rPh>) that Japanese and Chinese workbooks may carry.
const textOf = (item: string): string => {
  const withoutPhonetics = item.includes('<rPh') ? item.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : item;
  let text = '';
  for (const match of withoutPhonetics.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += match[1] ?? '';
  return decodeText(text);
};

// "AB12" → [row index, column index], both from 0.
const position = (ref: string): [number, number] | undefined => {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1] ?? '') column = column * 26 + letter.charCodeAt(0) - 64;
  return [Number(match[2]) - 1, column - 1];
};

// Excel's serial day number for an ISO date (a cell of type d).
const serialOf = (iso: string): number | null => {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso.endsWith('Z') ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? null : (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
};

const valueOf = (type: string | undefined, body: string, strings: readonly string[]): Cell => {
  if (type === 'inlineStr') {
    const inline = /<is>([\s\S]*?)<\/is>/.exec(body);
    return inline ? textOf(inline[1] ?? '') : null;
  }
  const raw = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (raw === undefined) return null;
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? null;
    case 'str':
      return decodeText(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return null;
    case 'd':
      return serialOf(raw.trim());
    default: {
      const number = Number(raw);
      return raw.trim() === '' || Number.isNaN(number) ? null : number;
    }
  }
};

type Merge = { s: { r: number; c: number }; e: { r: number; c: number } };

// Merged cells hold their value in the top-left cell only; a roster's merged "单位" column means the
// same unit on every row it spans. `rows[i]` is sheet row `origin + i`; columns start at A.
// Only the cells the sheet has are visited, and ranges that overlap (which Excel never writes, and
// which a crafted file stacks by the hundred thousand over the whole sheet) are refused first: the
// filling is never more work than the sheet's own cells.
export const fillMerges = (rows: Cell[][], origin: number, merges: readonly Merge[]) => {
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  const clamp = (merge: Merge) => ({
    top: Math.max(merge.s.r, origin),
    bottom: Math.min(merge.e.r, origin + rows.length - 1),
    left: Math.max(merge.s.c, 0),
    right: Math.min(merge.e.c, width - 1),
  });
  let covered = 0;
  for (const merge of merges) {
    const { top, bottom, left, right } = clamp(merge);
    if (top <= bottom && left <= right) covered += (bottom - top + 1) * (right - left + 1);
  }
  if (covered > rows.length * width) throw refuseFile('import.overlappingMerges');
  for (const merge of merges) {
    const value = rows[merge.s.r - origin]?.[merge.s.c] ?? null;
    const { top, bottom, left, right } = clamp(merge);
    for (let r = top; r <= bottom; r += 1) {
      const row = rows[r - origin];
      if (!row) continue;
      for (let c = left; c <= right && c < row.length; c += 1) row[c] = value;
    }
  }
};

// The merges as a Sheet names them (1-based rows), only for a sheet that has some.
export const mergedRanges = (merges: readonly Merge[]): Pick<Sheet, 'merges'> =>
  merges.length === 0
    ? {}
    : { merges: merges.map((merge) => ({ top: merge.s.r + 1, bottom: merge.e.r + 1, left: merge.s.c, right: merge.e.c })) };

// Refuses a sheet too large to be a table (it throws); called before anything is laid out.
export type SizeCheck = (rows: number, columns: number) => void;

const readSheet = (name: string, xml: string, strings: readonly string[], checkSize: SizeCheck): Sheet | undefined => {
  // Elements with a namespace prefix (<x:row>): some generators write them; SheetJS reads those.
  if (/<\w+:(sheetData|row|c)\b/.test(xml)) return undefined;
  const found: { r: number; c: number; value: Cell }[] = [];
  let rowIndex = -1;
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowRef = attribute(row[1] ?? '', 'r');
    rowIndex = rowRef ? Number(rowRef) - 1 : rowIndex + 1;
    let columnIndex = -1;
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1] ?? '';
      const ref = attribute(attributes, 'r');
      const at: [number, number] | undefined = ref ? position(ref) : [rowIndex, columnIndex + 1];
      if (!at) return undefined;
      columnIndex = at[1];
      const value = cell[2] === undefined ? null : valueOf(attribute(attributes, 't'), cell[2], strings);
      if (value !== null) found.push({ r: at[0], c: at[1], value });
    }
  }
  if (found.length === 0) return { name, rows: [], firstRow: 1 };
  let first = Infinity;
  let last = 0;
  let width = 0;
  for (const cell of found) {
    first = Math.min(first, cell.r);
    last = Math.max(last, cell.r);
    width = Math.max(width, cell.c + 1);
  }
  checkSize(last - first + 1, width);
  const rows: Cell[][] = Array.from({ length: last - first + 1 }, () => new Array<Cell>(width).fill(null));
  for (const cell of found) {
    const row = rows[cell.r - first];
    if (row) row[cell.c] = cell.value;
  }
  const merges: Merge[] = [];
  for (const merge of xml.matchAll(/<mergeCell\b[^>]*\sref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const from = position(merge[1] ?? '');
    const to = position(merge[2] ?? '');
    if (from && to) merges.push({ s: { r: from[0], c: from[1] }, e: { r: to[0], c: to[1] } });
  }
  fillMerges(rows, first, merges);
  return { name, rows, firstRow: first + 1, ...mergedRanges(merges) };
};

// Every sheet of an .xlsx (its parts as zip.ts inflated them), in the workbook's order; undefined when
// the file is not one this reader understands.
export const readXlsxCells = (files: ReadonlyMap<string, Uint8Array>, checkSize: SizeCheck): Sheet[] | undefined => {
  const part = (path: string) => {
    const found = files.get(path);
    return found ? strFromU8(found) : undefined;
  };
  const workbook = part('xl/workbook.xml');
  const relations = part('xl/_rels/workbook.xml.rels');
  if (!workbook || !relations || /<\w+:sheets\b/.test(workbook)) return undefined;
  const targets = new Map<string, string>();
  for (const relation of relations.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(relation[0], 'Id');
    const target = attribute(relation[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sharedStrings = part('xl/sharedStrings.xml');
  if (sharedStrings && /<\w+:si\b/.test(sharedStrings)) return undefined;
  const strings = sharedStrings ? [...sharedStrings.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((item) => textOf(item[1] ?? '')) : [];
  const sheets: Sheet[] = [];
  for (const sheet of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = decodeText(attribute(sheet[0], 'name') ?? '');
    const id = /\s[\w]+:id="([^"]*)"/.exec(sheet[0])?.[1];
    const xml = id ? part(targets.get(id) ?? '') : undefined;
    if (xml === undefined) return undefined;
    const read = readSheet(name, xml, strings, checkSize);
    if (!read) return undefined;
    sheets.push(read);
  }
  return sheets.length > 0 ? sheets : undefined;
};
