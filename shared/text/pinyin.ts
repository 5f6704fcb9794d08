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

// True when the query spells a run of consecutive characters, each by a non-empty prefix of one
// of its readings: "smgb" and "shiguangb" both find 市管干部, "zs" and "zhangs" find 张三.
export const matchesReadings = (readings: Readings, query: string): boolean => {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return true;
  const n = readings.length;
  const failed = new Set<number>();
  const from = (char: number, at: number): boolean => {
    if (at === q.length) return true;
    if (char === n) return false;
    const memo = char * (q.length + 1) + at;
    if (failed.has(memo)) return false;
    for (const reading of readings[char] ?? []) {
      const limit = Math.min(reading.length, q.length - at);
      for (let len = limit; len >= 1; len -= 1) {
        if (reading.startsWith(q.slice(at, at + len)) && from(char + 1, at + len)) return true;
      }
    }
    failed.add(memo);
    return false;
  };
  const first = q[0];
  for (let start = 0; start < n; start += 1) {
    // Cheap rejection before the search: the run must begin with a reading that starts like the query.
    if ((readings[start] ?? []).some((reading) => reading[0] === first) && from(start, 0)) return true;
  }
  return false;
};

const latinQuery = /^[a-z0-9\s]+$/i;

// The one search rule of the app: plain substring, or (for Latin queries) pinyin as above.
export const textMatches = (text: string, query: string, readings?: Readings): boolean => {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (text.toLowerCase().includes(q)) return true;
  return latinQuery.test(q) && matchesReadings(readings ?? readingsOf(text), q);
};

// A sort key that reads surnames as surnames: 单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou, 朴 piao.
export const personPinyinKey = (name: string): string =>
  pinyin(name, { surname: 'head', toneType: 'none', type: 'array', v: true }).join(' ').toLowerCase();

// Typing tolerance for initials: "smgb" for 市管干部 (sggb) — one wrong letter in a run of at least
// four initials. Only ever used when nothing matches exactly, and then shown as approximate.
export const nearInitials = (readings: Readings, query: string): boolean => {
  const q = query.toLowerCase();
  if (!/^[a-z]{4,}$/.test(q)) return false;
  const initials = readings.map((options) => new Set(options.map((reading) => reading[0])));
  for (let start = 0; start + q.length <= initials.length; start += 1) {
    let misses = 0;
    for (let i = 0; i < q.length && misses <= 1; i += 1) {
      if (!initials[start + i]?.has(q[i])) misses += 1;
    }
    if (misses <= 1) return true;
  }
  return false;
};
