import { ordinaryForms } from './ordinary-forms';
import { personPinyinKey } from './pinyin';

// Chinese has no spaces between words, so a word-based index sees a paragraph as one word, and a
// trigram index cannot find the two-character words that most of Chinese is made of (党校, 农业).
// Like Lucene's CJK analyzer, the core cuts each run of Chinese characters into overlapping pairs
// (生态农业 → 生态 态农 农业) and hands FTS5 those pairs, separated by spaces; a query becomes the
// phrase of its own pairs, which the index finds exactly where the characters stand in a row. Latin
// words and numbers are kept whole, in lower case.
//
// Text, query and passage are all read in their ordinary forms (ordinary-forms.ts): a PDF's 个⼈
// is indexed, asked for and shown as 个人. Pure, and here rather than with the reports: the migration
// that indexed the stored reports again (db/migrations/012) cuts their text the same way.

// A run of Han characters, or a run of other letters and digits.
const runs = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

const pairsOf = (run: string): string[] => {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) pairs.push(`${chars[i]}${chars[i + 1]}`);
  return pairs;
};

// Lines break inside words (a PDF's lines end where the page does): a single line break between two
// Chinese characters does not end the run. The index and the passages shown read text the same way.
// A PDF's page break (a form feed on a line of its own, kept for the 汇编) reads as a line break.
const joinLines = (text: string) => text.replace(/\n?\f\n?/g, '\n').replace(/(\p{Script=Han})\r?\n(?=\p{Script=Han})/gu, '$1');

// The text as the index stores it. Each run's pairs are joined on their own and the runs after: a
// run's pairs handed to push() as spread arguments overflowed the stack past ~120,000 characters (a
// PDF whose text came out as one line), and the whole upload failed with it.
export const indexTokens = (text: string): string => {
  const out: string[] = [];
  for (const match of joinLines(ordinaryForms(text)).matchAll(runs)) {
    if (match[1] !== undefined) out.push(pairsOf(match[1]).join(' '));
    else if (match[2] !== undefined) out.push(match[2].toLowerCase());
  }
  return out.join(' ');
};

// What a query looks for, as written: each run of Chinese and each Latin word or number (used to
// build the index query, and to find the passage to show).
export const queryTerms = (query: string): string[] => {
  const terms: string[] = [];
  for (const match of ordinaryForms(query).matchAll(runs)) {
    const term = match[1] ?? match[2]?.toLowerCase();
    if (term !== undefined && !terms.includes(term)) terms.push(term);
  }
  return terms;
};

// The FTS5 expression: every term must stand in the report (AND); a term is the phrase of its pairs.
// A single Chinese character finds the pairs it begins. Tokens hold only letters and digits, so
// quoting them is safe. Undefined when the query holds nothing to look for.
export const matchExpression = (query: string): string | undefined => {
  const phrases = queryTerms(query).map((term) =>
    !/\p{Script=Han}/u.test(term) ? `"${term}"` : [...term].length === 1 ? `"${term}"*` : `"${pairsOf(term).join(' ')}"`,
  );
  return phrases.length === 0 ? undefined : phrases.join(' AND ');
};

// The people column: their names, and the names in pinyin, whole and as initials (zhangsan, zs), so
// that "zhangsan" finds 张三's reports as the roster finds him.
export const peopleTokens = (names: readonly string[]): string =>
  names
    .map((name) => {
      const spelled = personPinyinKey(name).split(' ').filter(Boolean);
      return `${indexTokens(name)} ${spelled.join('')} ${spelled.map((syllable) => syllable[0]).join('')}`;
    })
    .join(' ');

export type Segment = { text: string; hit: boolean };

// The passage of a text where the query's terms stand closest together, cut to about `length`
// characters, with the terms marked. Latin terms are found regardless of case.
export const snippetOf = (original: string, terms: readonly string[], length = 120): Segment[] => {
  const text = joinLines(ordinaryForms(original));
  const lower = text.toLowerCase();
  const hits: { at: number; end: number; term: number }[] = [];
  terms.forEach((term, index) => {
    if (term === '') return;
    for (let at = lower.indexOf(term); at !== -1 && hits.length < 2000; at = lower.indexOf(term, at + term.length))
      hits.push({ at, end: at + term.length, term: index });
  });
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  // The window holding the most different terms, then the most hits, starting a little before one
  // (a window sliding over the hits in order: each enters and leaves it once).
  let start = 0;
  let best = -1;
  const inWindow = new Map<number, number>();
  let last = 0;
  hits.forEach((hit, first) => {
    const from = Math.max(0, hit.at - 20);
    for (; last < hits.length && (hits[last]?.end ?? 0) <= from + length; last += 1) {
      const term = hits[last]?.term ?? 0;
      inWindow.set(term, (inWindow.get(term) ?? 0) + 1);
    }
    const score = inWindow.size * 10_000 + (last - first);
    if (score > best) {
      best = score;
      start = from;
    }
    if (last <= first) return;
    const leaving = inWindow.get(hit.term) ?? 0;
    if (leaving <= 1) inWindow.delete(hit.term);
    else inWindow.set(hit.term, leaving - 1);
  });
  const end = Math.min(text.length, start + length);
  const segments: Segment[] = [];
  const push = (piece: string, hit: boolean) => {
    if (piece === '') return;
    const last = segments.at(-1);
    if (last && last.hit === hit) last.text += piece;
    else segments.push({ text: piece, hit });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const hit of hits) {
    if (hit.end <= at || hit.at >= end) continue;
    push(text.slice(at, Math.max(at, hit.at)).replace(/\s+/g, ' '), false);
    push(text.slice(Math.max(at, hit.at), Math.min(end, hit.end)), true);
    at = Math.min(end, hit.end);
  }
  push(text.slice(at, end).replace(/\s+/g, ' '), false);
  if (end < text.length) push('…', false);
  return segments;
};
