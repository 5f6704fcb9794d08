import { isLatinQuery, matchesReadings, nearQuery, nearSpelled, normaliseQuery, type Readings, readingsOf } from './pinyin';

export type SearchResult<T> = { items: T[]; approximate: boolean };

// A text to search in; with `readings` it is also found by pinyin (computed only if a pinyin-looking
// query needs them, or supplied ready-made for names stored with their readings).
export type SearchField = {
  text: string;
  readings?: Readings | (() => Readings);
  // Prepared once for fields searched over and over (the trainee index): the lower-cased text, and
  // whether it holds any Latin letters or digits at all — Chinese text cannot contain "zs".
  lower?: string;
  latin?: boolean;
};

// The readings of texts searched again and again (class names, places, units): worked out once per
// text, not once per keystroke. Bounded: emptied when it grows past what any school's lists hold.
const readingsCache = new Map<string, ReturnType<typeof readingsOf>>();
const cachedReadings = (text: string) => {
  let readings = readingsCache.get(text);
  if (readings === undefined) {
    if (readingsCache.size >= 20_000) readingsCache.clear();
    readings = readingsOf(text);
    readingsCache.set(text, readings);
  }
  return readings;
};

export const pinyinField = (text: string): SearchField => ({ text, readings: () => cachedReadings(text) });

const readingsOfField = (field: SearchField): Readings | undefined =>
  typeof field.readings === 'function' ? field.readings() : field.readings;

type Compiled = { text: string; spelled: string | undefined; near: string | undefined };

// The query is normalised once per search, not once per row.
const compile = (query: string): Compiled => {
  const spelled = normaliseQuery(query);
  return {
    text: query.trim().toLowerCase(),
    spelled: isLatinQuery(spelled) ? spelled : undefined,
    near: nearQuery(spelled),
  };
};

const exactMatch = (field: SearchField, q: Compiled): boolean => {
  if ((q.spelled === undefined || field.latin !== false) && (field.lower ?? field.text.toLowerCase()).includes(q.text))
    return true;
  if (q.spelled === undefined || field.readings === undefined) return false;
  return matchesReadings(readingsOfField(field) ?? [], q.spelled);
};

const nearMatch = (field: SearchField, q: Compiled): boolean => {
  if (q.near === undefined || field.readings === undefined) return false;
  return nearSpelled(readingsOfField(field) ?? [], q.near);
};

// Plain loops: this runs over every trainee the school has ever had, on each keystroke.
const pick = <T>(
  items: readonly T[],
  fields: (item: T) => readonly SearchField[],
  q: Compiled,
  test: (field: SearchField, q: Compiled) => boolean,
): T[] => {
  const found: T[] = [];
  for (const item of items) {
    for (const field of fields(item)) {
      if (test(field, q)) {
        found.push(item);
        break;
      }
    }
  }
  return found;
};

// The one search every list in the app uses: substring or pinyin first; if that finds nothing,
// a near miss on initials, flagged so the screen can say the results are approximate.
export const searchItems = <T>(
  items: readonly T[],
  fields: (item: T) => readonly SearchField[],
  query: string | undefined,
): SearchResult<T> => {
  if ((query?.trim() ?? '') === '') return { items: [...items], approximate: false };
  const q = compile(query ?? '');
  const exact = pick(items, fields, q, exactMatch);
  if (exact.length > 0) return { items: exact, approximate: false };
  const near = q.near !== undefined ? pick(items, fields, q, nearMatch) : [];
  return { items: near, approximate: near.length > 0 };
};
