import { headerSynonyms, type ImportField, importFields } from '../../../../shared/roster/import';
import type { Cell } from '../../documents/sheet-reader';
import { cellText } from './cells';

// A Map, not an object: a header cell reading "__proto__" or "constructor" must be just text.
const synonymIndex = new Map<string, ImportField>();
for (const field of importFields) for (const word of headerSynonyms[field]) synonymIndex.set(word, field);

// "姓 名*", "身份证号码（必填）", "联系电话：" all mean their plain word.
export const headerKey = (cell: Cell): string =>
  cellText(cell)
    .replace(/\s+/g, '')
    .replace(/[*＊:：]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '');

export const fieldOfHeader = (cell: Cell): ImportField | null => synonymIndex.get(headerKey(cell)) ?? null;

export const headerScanRows = 20;

export type DetectedHeader = { index: number; fields: (ImportField | null)[] };

// The header is the row, among the first few, that names the most known columns — and a name column.
export const detectHeader = (rows: readonly Cell[][]): DetectedHeader | undefined => {
  let best: DetectedHeader | undefined;
  let bestScore = 1;
  rows.slice(0, headerScanRows).forEach((row, index) => {
    const fields = row.map(fieldOfHeader);
    const distinct = new Set(fields.filter((field): field is ImportField => field !== null && field !== 'seq'));
    if (!distinct.has('name')) return;
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      best = { index, fields };
    }
  });
  return best;
};
