import { useEffect } from 'react';
import { hitSchema, type SearchHit } from '../../../shared/search/schemas';

// What was opened lately on this workstation, newest first, for Ctrl+K's 最近打开: classes, people and
// teaching points opened from anywhere (a list, a link, the palette), kept in the page's storage.
const recentKey = 'cadre.search.recent';
export const recentLimit = 8;

export const readRecent = (): SearchHit[] => {
  try {
    const parsed = hitSchema.array().safeParse(JSON.parse(localStorage.getItem(recentKey) ?? '[]'));
    return parsed.success ? parsed.data.slice(0, recentLimit) : [];
  } catch {
    return [];
  }
};

export const remember = (hit: SearchHit): void => {
  const next = [hit, ...readRecent().filter((r) => r.kind !== hit.kind || r.id !== hit.id)].slice(0, recentLimit);
  localStorage.setItem(recentKey, JSON.stringify(next));
};

// A detail page remembers what it shows once it has it (again when it shows something else).
export const useRememberOpened = (hit: SearchHit | undefined): void => {
  const key = hit ? JSON.stringify(hit) : '';
  useEffect(() => {
    if (key) remember(hitSchema.parse(JSON.parse(key)));
  }, [key]);
};
