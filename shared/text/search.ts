import { nearInitials, type Readings, readingsOf, textMatches } from './pinyin';

export type SearchResult<T> = { items: T[]; approximate: boolean };

type Searchable<T> = (item: T) => readonly string[];

// The one search every list in the app uses: substring or pinyin first; if that finds nothing,
// a near miss on initials, flagged so the screen can say the results are approximate.
export const searchItems = <T>(
  items: readonly T[],
  texts: Searchable<T>,
  query: string | undefined,
  readings: (text: string) => Readings = readingsOf,
): SearchResult<T> => {
  const q = query?.trim() ?? '';
  if (q === '') return { items: [...items], approximate: false };
  const exact = items.filter((item) => texts(item).some((text) => textMatches(text, q, readings(text))));
  if (exact.length > 0) return { items: exact, approximate: false };
  const near = items.filter((item) => texts(item).some((text) => nearInitials(readings(text), q)));
  return { items: near, approximate: near.length > 0 };
};
