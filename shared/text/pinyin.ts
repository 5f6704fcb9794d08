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
// readings? Names and titles are short, so plain recursion over the few viable prefixes is cheapest.
const spellFrom = (readings: Readings, ci: number, q: string, qi: number): boolean => {
  if (qi === q.length) return true;
  if (ci === readings.length) return false;
  for (const reading of readings[ci] ?? []) {
    const max = Math.min(reading.length, q.length - qi);
    let common = 0;
    while (common < max && reading.charCodeAt(common) === q.charCodeAt(qi + common)) common += 1;
    for (let len = common; len >= 1; len -= 1) if (spellFrom(readings, ci + 1, q, qi + len)) return true;
  }
  return false;
};

// True when the query spells a run of consecutive characters, each by a non-empty prefix of one
// of its readings: "sggb" and "shiguangb" both find 市管干部, "zs" and "zhangs" find 张三.
// `q` must already be lower case without spaces (see normaliseQuery).
export const matchesReadings = (readings: Readings, q: string): boolean => {
  if (q === '') return true;
  const first = q.charCodeAt(0);
  for (let start = 0; start < readings.length; start += 1) {
    // Cheap rejection first: the run must begin with a reading that starts like the query.
    const options = readings[start] ?? [];
    let viable = false;
    for (const reading of options) if (reading.charCodeAt(0) === first) viable = true;
    if (viable && spellFrom(readings, start, q, 0)) return true;
  }
  return false;
};

// True when the query spells the whole text, every character by a non-empty prefix of one of its
// readings: "zwb", "zhouwb" and "zhouwenbo" spell 周文博; "zw" does not.
const spellAll = (readings: Readings, ci: number, q: string, qi: number): boolean => {
  if (ci === readings.length) return qi === q.length;
  if (qi === q.length) return false;
  for (const reading of readings[ci] ?? []) {
    const max = Math.min(reading.length, q.length - qi);
    let common = 0;
    while (common < max && reading.charCodeAt(common) === q.charCodeAt(qi + common)) common += 1;
    for (let len = common; len >= 1; len -= 1) if (spellAll(readings, ci + 1, q, qi + len)) return true;
  }
  return false;
};
export const spellsWhole = (readings: Readings, q: string): boolean => q !== '' && spellAll(readings, 0, q, 0);

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
