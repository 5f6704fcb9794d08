import { mainlandStrokes } from './mainland-strokes';

// The orders official lists use. 姓氏笔画 (surname strokes) is ICU's "stroke" collation with the stroke
// counts of mainland lists where ICU's differ (mainland-strokes.ts); pinyin order compares surname-aware
// readings (单 shan, 曾 zeng) and falls back to strokes for ties.
const stroke = new Intl.Collator('zh-CN-u-co-stroke');
const pinyinText = new Intl.Collator('zh-CN-u-co-pinyin');
const latin = new Intl.Collator('en', { sensitivity: 'base' });

// ICU's stroke collation opens each stroke count with a boundary (U+FDD0 then U+2800 + count, as CLDR
// writes them): a character's count is the last boundary at or before it. 0 for what is not a Han character.
const boundary = (count: number) => `\uFDD0${String.fromCharCode(0x2800 + count)}`;
const icuCounts = new Map<string, number>();
const icuStrokes = (c: string): number => {
  const known = icuCounts.get(c);
  if (known !== undefined) return known;
  let low = 0;
  let high = 80;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (stroke.compare(boundary(mid), c) <= 0) low = mid;
    else high = mid - 1;
  }
  icuCounts.set(c, low);
  return low;
};
// Where the ICU in use has no such boundaries (a small-ICU build), its own order is kept as it is.
const boundaries = icuStrokes('一') === 1 && icuStrokes('王') === 4;
const strokesOf = (c: string) => mainlandStrokes.get(c) ?? icuStrokes(c);

// Character by character: the stroke count first, then ICU's order of the two characters.
export const compareStroke = (a: string, b: string): number => {
  if (!boundaries) return stroke.compare(a, b);
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    const counts = strokesOf(x) - strokesOf(y);
    if (counts !== 0) return counts;
    const order = stroke.compare(x, y);
    if (order !== 0) return order;
  }
  return stroke.compare(a, b);
};

export const comparePinyinText = (a: string, b: string): number => pinyinText.compare(a, b);

export const compareLatin = (a: string, b: string): number => latin.compare(a, b);
