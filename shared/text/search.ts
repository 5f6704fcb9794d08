import { nearInitials, type Readings, readingsOf, textMatches } from './pinyin';

export type SearchResult<T> = { items: T[]; approximate: boolean };

// A text to search in; with `readings` it is also found by pinyin (computed only if a pinyin-looking
// query needs them, or supplied ready-made for names stored with their readings).
export type SearchField = { text: string; readings?: Readings | (() => Readings) };

export const pinyinField = (text: string): SearchField => ({ text, readings: () => readingsOf(text) });

const readingsOfField = (field: SearchField): Readings | undefined =>
  typeof field.readings === 'function' ? field.readings() : field.readings;

const exactMatch = (field: SearchField, query: string): boolean => {
  if (field.readings === undefined) return field.text.toLowerCase().includes(query.toLowerCase());
  return textMatches(field.text, query, readingsOfField(field));
};

const nearMatch = (field: SearchField, query: string): boolean => {
  const readings = readingsOfField(field);
  return readings !== undefined && nearInitials(readings, query);
};

// The one search every list in the app uses: substring or pinyin first; if that finds nothing,
// a near miss on initials, flagged so the screen can say the results are approximate.
export const searchItems = <T>(
  items: readonly T[],
  fields: (item: T) => readonly SearchField[],
  query: string | undefined,
): SearchResult<T> => {
  const q = query?.trim() ?? '';
  if (q === '') return { items: [...items], approximate: false };
  const exact = items.filter((item) => fields(item).some((field) => exactMatch(field, q)));
  if (exact.length > 0) return { items: exact, approximate: false };
  const near = items.filter((item) => fields(item).some((field) => nearMatch(field, q)));
  return { items: near, approximate: near.length > 0 };
};
