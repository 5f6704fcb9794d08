import { strokeOrder } from './stroke-order';

// The orders official lists use. 姓氏笔画 (surname strokes) is the mainland order of stroke-order.ts:
// the stroke count, then the strokes' shapes in turn (横 丨 丿 丶 折). Pinyin order compares
// surname-aware readings (单 shan, 曾 zeng) and falls back to strokes for ties.
const stroke = new Intl.Collator('zh-CN-u-co-stroke');
const pinyinText = new Intl.Collator('zh-CN-u-co-pinyin');
const latin = new Intl.Collator('en', { sensitivity: 'base' });

// Each character of the table at its place in the order (places grow with the count, so a place alone
// orders two characters of the table), built the first time a name is sorted.
type Place = { count: number; place: number };
let places: Map<string, Place> | undefined;
const placesOf = (): Map<string, Place> => {
  if (places) return places;
  const built = new Map<string, Place>();
  strokeOrder.forEach((run, count) => {
    for (const c of run) built.set(c, { count, place: built.size });
  });
  places = built;
  return built;
};

// A character the table lacks (a rare one, a character of Extension B) takes ICU's count — the last
// stroke-count boundary (U+FDD0 then U+2800 + count, as CLDR writes them) at or before it — and comes
// after the table's characters of that count, in ICU's order. 0 for what is not a Han character.
const boundary = (count: number) => `\uFDD0${String.fromCharCode(0x2800 + count)}`;
const icuStrokes = (c: string): number => {
  let low = 0;
  let high = 80;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (stroke.compare(boundary(mid), c) <= 0) low = mid;
    else high = mid - 1;
  }
  return low;
};
// Where the ICU in use has no such boundaries (a small-ICU build), its own order is kept for those.
const boundaries = icuStrokes('一') === 1 && icuStrokes('王') === 4;
const placeOf = (c: string): Place => {
  if (c === empty) return { count: -1, place: -1 };
  const known = placesOf().get(c);
  if (known) return known;
  const place = { count: boundaries ? icuStrokes(c) : 0, place: Number.POSITIVE_INFINITY };
  placesOf().set(c, place);
  return place;
};

// Character by character: the count, then the place in the table, then ICU's order.
const compareCharacters = (left: readonly string[], right: readonly string[]): number => {
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    const p = placeOf(x);
    const q = placeOf(y);
    if (p.count !== q.count) return p.count - q.count;
    if (p.place !== q.place) return p.place < q.place ? -1 : 1;
    const order = stroke.compare(x, y);
    if (order !== 0) return order;
  }
  return left.length - right.length;
};

// A two-character name is read as its surname, an empty place, then the given name: a single given
// name comes before every double one of the same surname (高富 before 高大富, 李强 before 李克强), as
// Party congress and CPPCC lists order names.
const empty = '';
const nameSlots = (name: string): string[] => {
  const characters = [...name];
  return characters.length === 2 ? [characters[0] ?? empty, empty, characters[1] ?? empty] : characters;
};

// People's names in 姓氏笔画 order.
export const compareStroke = (a: string, b: string): number =>
  compareCharacters(nameSlots(a), nameSlots(b)) || stroke.compare(a, b);

// Other text (units, places) in stroke order, character by character.
export const compareStrokeText = (a: string, b: string): number => compareCharacters([...a], [...b]) || stroke.compare(a, b);

export const comparePinyinText = (a: string, b: string): number => pinyinText.compare(a, b);

export const compareLatin = (a: string, b: string): number => latin.compare(a, b);
