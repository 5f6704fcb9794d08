import type { Cell } from './sheet';

// Reading a table whose header row people wrote themselves: under a title or two, in words of their
// own ("姓 名*", "身份证号码（必填）", "授课教师"), for the roster and the schedule imports alike.

// Text as a person meant it: full-width digits and spaces folded (NFKC), ends trimmed, runs of
// whitespace (including 　) collapsed.
export const cellText = (cell: Cell): string => {
  if (cell === null || typeof cell === 'boolean') return '';
  const text = typeof cell === 'number' ? String(cell) : cell;
  // Most cells (names, numbers, units) are printable ASCII and unified ideographs without a space:
  // their own NFKC form, with nothing to trim or collapse.
  if (/^[\x21-\x7e\u4e00-\u9fff]*$/.test(text)) return text;
  // With spaces, only the whitespace needs folding; anything else goes through NFKC.
  const folded = /^[\x20-\x7e\u4e00-\u9fff]*$/.test(text) ? text : text.normalize('NFKC');
  return folded.replace(/\s+/g, ' ').trim();
};

export const isBlank = (cell: Cell): boolean => cellText(cell) === '';

// "姓 名*", "身份证号码（必填）", "联系电话：" all mean their plain word.
export const headerKey = (cell: Cell): string =>
  cellText(cell)
    .replace(/\s+/g, '')
    .replace(/[*＊:：]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '');

// How far down a sheet the header may stand.
export const headerScanRows = 20;

// The words that head each field's column. A Map, not an object: a header cell reading "__proto__"
// or "constructor" must stay plain text.
export const synonymIndex = <F extends string>(synonyms: Readonly<Record<F, readonly string[]>>): ReadonlyMap<string, F> => {
  const index = new Map<string, F>();
  for (const [field, words] of Object.entries(synonyms) as [F, readonly string[]][])
    for (const word of words) index.set(word, field);
  return index;
};

export type HeaderRow<F extends string> = { index: number; fields: (F | null)[] };

// The header is the row, among the first few, that names the most known columns — all the required
// ones among them, and at least `minimum` in all (columns of an `ignored` field do not count).
export const findHeaderRow = <F extends string>(
  rows: readonly Cell[][],
  index: ReadonlyMap<string, F>,
  options: { required: readonly F[]; minimum?: number; ignored?: readonly F[] },
): HeaderRow<F> | undefined => {
  let best: HeaderRow<F> | undefined;
  let bestScore = (options.minimum ?? 1) - 1;
  rows.slice(0, headerScanRows).forEach((row, rowIndex) => {
    const fields = row.map((cell) => index.get(headerKey(cell)) ?? null);
    const distinct = new Set(fields.filter((field): field is F => field !== null && !(options.ignored ?? []).includes(field)));
    if (!options.required.every((field) => distinct.has(field))) return;
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      best = { index: rowIndex, fields };
    }
  });
  return best;
};
