import { pinyin, polyphonic } from 'pinyin-pro';

// Every reading of every character, lowercase and toneless: 单 → [dan, shan, chan]. ü is offered
// both as v (how it is typed on a pinyin keyboard) and as u. Characters that are not Chinese stand
// for themselves, so "2019smgb" style queries still line up with digits and Latin letters.
export type Readings = readonly (readonly string[])[];

const hanPattern = /\p{Script=Han}/u;

const variants = (reading: string): string[] =>
  reading.includes('ü') ? [reading.replaceAll('ü', 'v'), reading.replaceAll('ü', 'u')] : [reading];

export const readingsOf = (text: string): Readings => {
  const chars = [...text];
  if (!chars.some((char) => hanPattern.test(char))) return chars.map((char) => [char.toLowerCase()]);
  const perChar = polyphonic(text, { toneType: 'none', type: 'array' });
  return chars.map((char, index) => {
    if (!hanPattern.test(char)) return [char.toLowerCase()];
    const found = perChar[index] ?? [];
    return found.length > 0 ? [...new Set(found.flatMap(variants))] : [char];
  });
};

// Compact form for storing beside a row: "dan,shan,chan|tian|fang".
export const encodeReadings = (readings: Readings): string => readings.map((options) => options.join(',')).join('|');

export const decodeReadings = (encoded: string): Readings =>
  encoded === '' ? [] : encoded.split('|').map((options) => options.split(','));

// Can q[qi…] be spelled from character ci on, each character giving a non-empty prefix of one of its
// readings? Whether it can depends on (ci, qi) alone, and a position that failed once fails again:
// remembered, so a run of characters whose readings start alike (和 he/huo/hu, 行 xing/hang/heng)
// costs characters × query letters, not readings^characters — fifty 和 against "hhh…z" hung a search.
// The set is made at the first failure only: most rows of a search fail at once, or never fail.
type Spelling = { readings: Readings; q: string; failed: Set<number> | undefined; whole: boolean };

const spell = (s: Spelling, ci: number, qi: number): boolean => {
  if (qi === s.q.length) return !s.whole || ci === s.readings.length;
  if (ci === s.readings.length) return false;
  const key = ci * (s.q.length + 1) + qi;
  if (s.failed?.has(key)) return false;
  for (const reading of s.readings[ci] ?? []) {
    const max = Math.min(reading.length, s.q.length - qi);
    let common = 0;
    while (common < max && reading.charCodeAt(common) === s.q.charCodeAt(qi + common)) common += 1;
    for (let len = common; len >= 1; len -= 1) if (spell(s, ci + 1, qi + len)) return true;
  }
  (s.failed ??= new Set()).add(key);
  return false;
};

// True when the query spells a run of consecutive characters, each by a non-empty prefix of one
// of its readings: "sggb" and "shiguangb" both find 市管干部, "zs" and "zhangs" find 张三.
// `q` must already be lower case without spaces (see normaliseQuery).
export const matchesReadings = (readings: Readings, q: string): boolean => {
  if (q === '') return true;
  const spelling: Spelling = { readings, q, failed: undefined, whole: false };
  const first = q.charCodeAt(0);
  for (let start = 0; start < readings.length; start += 1) {
    // Cheap rejection first: the run must begin with a reading that starts like the query.
    const options = readings[start] ?? [];
    let viable = false;
    for (const reading of options) if (reading.charCodeAt(0) === first) viable = true;
    if (viable && spell(spelling, start, 0)) return true;
  }
  return false;
};

// True when the query spells the whole text, every character by a non-empty prefix of one of its
// readings: "zwb", "zhouwb" and "zhouwenbo" spell 周文博; "zw" does not.
export const spellsWhole = (readings: Readings, q: string): boolean =>
  q !== '' && spell({ readings, q, failed: undefined, whole: true }, 0, 0);

export const normaliseQuery = (query: string): string => query.trim().toLowerCase().replace(/\s+/g, '');

const latinQuery = /^[a-z0-9]+$/;

// The one search rule of the app: plain substring, or (for Latin queries) pinyin as above.
export const textMatches = (text: string, query: string, readings?: Readings): boolean => {
  const q = normaliseQuery(query);
  if (q === '') return true;
  if (text.toLowerCase().includes(q)) return true;
  return isLatinQuery(q) && matchesReadings(readings ?? readingsOf(text), q);
};

export const isLatinQuery = (q: string): boolean => latinQuery.test(q);

// A sort key that reads surnames as surnames: 单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou, 朴 piao.
export const personPinyinKey = (name: string): string =>
  pinyin(name, { surname: 'head', toneType: 'none', type: 'array', v: true }).join(' ').toLowerCase();

// Typing tolerance for initials: "smgb" for 市管干部 (sggb) — one wrong letter in a run of at least
// four initials. Only ever used when nothing matches exactly, and then shown as approximate.
export const nearInitials = (readings: Readings, query: string): boolean => {
  const q = nearQuery(query);
  return q !== undefined && nearSpelled(readings, q);
};

// The query as nearInitials wants it, or undefined when it is not a run of four or more letters;
// searches over many rows prepare it once and call nearSpelled per row.
export const nearQuery = (query: string): string | undefined => {
  const q = normaliseQuery(query);
  return /^[a-z]{4,}$/.test(q) ? q : undefined;
};

export const nearSpelled = (readings: Readings, q: string): boolean => {
  for (let start = 0; start + q.length <= readings.length; start += 1) {
    let misses = 0;
    for (let i = 0; i < q.length && misses <= 1; i += 1) {
      const code = q.charCodeAt(i);
      if (!(readings[start + i] ?? []).some((reading) => reading.charCodeAt(0) === code)) misses += 1;
    }
    if (misses <= 1) return true;
  }
  return false;
};
