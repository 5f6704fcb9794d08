import {
  agencyOffices,
  divisionEnds,
  postBodies,
  postBrackets,
  postJoiners,
  postModifiers,
  postWords,
  unitEnds,
  unitPostSeparators,
} from '../../../shared/text/post-words';
import { traineeLimits } from '../../../shared/trainees/schemas';

// One cell of a 工作单位及职务 column read as an office writes it: the unit first, the post after it.
//
//   东丰县委组织部副部长            → 东丰县委组织部 | 副部长
//   西安区灯塔镇党委副书记、镇长      → 西安区灯塔镇 | 党委副书记、镇长
//   辽源市财政局预算科科长           → 辽源市财政局 | 预算科科长   (a division goes with the post)
//   龙山区人民政府办公室主任         → 龙山区人民政府办公室 | 主任   (the government's office is an agency)
//   东辽县安石镇人民政府四级主任科员  → 东辽县安石镇人民政府 | 四级主任科员
//
// Units the school already knows (and those this file names unmistakably) are tried first, longest
// first; then the post words of shared/text/post-words.ts find where the post begins; then a
// separator the person typed (a space, a slash). A text with no post that ends as units' names do
// (…人民政府, …财政局) is a unit without a post. When none of these tells, the split is not sure: the
// whole text is the unit and the import asks the person to look.

export type UnitPosition = { unit: string; position: string; sure: boolean };

const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const posts = longestFirst(postWords);
const modifiers = longestFirst(postModifiers);
const bodies = longestFirst(postBodies);
const joiners = longestFirst(postJoiners);
const separators = longestFirst(unitPostSeparators);
const ends = longestFirst(unitEnds);

const endingOf = (text: string, words: readonly string[]) => words.find((word) => text.endsWith(word));
const endsUnit = (text: string) => endingOf(text, ends) !== undefined;
const trimSeparators = (text: string): string => {
  let trimmed = text.trim();
  for (let found = endingOf(trimmed, joiners); found !== undefined && trimmed !== ''; found = endingOf(trimmed, joiners))
    trimmed = trimmed.slice(0, -found.length).trim();
  return trimmed;
};

// Punctuation and separators before a post (not the joining words 兼, 及, 和: 和平街道 is a name).
const leaders = longestFirst([...postJoiners.filter((word) => !/\p{Script=Han}/u.test(word)), ...unitPostSeparators]);
const trimLeading = (text: string): string => {
  let trimmed = text.trim();
  for (let found = leaders.find((word) => trimmed.startsWith(word)); found !== undefined;) {
    trimmed = trimmed.slice(found.length).trim();
    found = leaders.find((word) => trimmed.startsWith(word));
  }
  return trimmed;
};

// Where one post ending at `end` begins (its modifiers and body with it), or -1.
const postStart = (text: string, end: number): number => {
  const head = text.slice(0, end);
  const word = endingOf(head, posts);
  if (word === undefined) return -1;
  let start = end - word.length;
  for (let step = 0; step < 2; step += 1) {
    const modifier = endingOf(text.slice(0, start), modifiers);
    if (modifier === undefined) break;
    start -= modifier.length;
  }
  const body = endingOf(text.slice(0, start), bodies);
  if (body !== undefined) start -= body.length;
  // A body is the post's only after a unit's name or another post: 安石镇党委书记, 书记、村委会主任,
  // but 东丰县纪委 | 书记.
  const leading = bodies.find((candidate) => text.startsWith(candidate, start));
  const prefix = text.slice(0, start);
  if (leading !== undefined && start > 0 && !endsUnit(prefix) && endingOf(prefix, joiners) === undefined) start += leading.length;
  return start;
};

// A division of an office (预算科, 办公室, 教务处) that ends `head`, as the length of it, or 0. The
// office of a government or party committee is an agency, not a division.
const divisionLength = (head: string): number => {
  for (const { office, after } of agencyOffices)
    if (head.endsWith(office)) {
      const before = head.slice(0, -office.length);
      return before !== '' && !after.some((word) => before.endsWith(word)) && endsUnit(before) ? office.length : 0;
    }
  // A name that ends as a unit does (街道办事处) is no division, whatever its last character.
  const unitEnding = endingOf(head, ends);
  if (endingOf(head, divisionEnds) === undefined || (unitEnding !== undefined && unitEnding.length > 1)) return 0;
  for (let length = 2; length <= Math.min(8, head.length - 1); length += 1) {
    const before = head.slice(0, head.length - length);
    const division = head.slice(head.length - length);
    if (separators.some((separator) => division.includes(separator))) return 0;
    if (endsUnit(before) || endingOf(before, separators) !== undefined) return length;
  }
  return 0;
};

// A division that follows a joiner ("兼办公室"), as its length, or 0.
const joinedDivisionLength = (head: string): number => {
  for (let length = 2; length <= Math.min(8, head.length - 1); length += 1) {
    const division = head.slice(head.length - length);
    const isDivision = agencyOffices.some(({ office }) => division === office) || endingOf(division, divisionEnds) !== undefined;
    if (isDivision && endingOf(head.slice(0, head.length - length), joiners) !== undefined) return length;
  }
  return 0;
};

// Where the posts at the end of the text begin ("党委副书记、镇长", "副局长（正科级）"), or -1.
const postsStart = (text: string): number => {
  let end = text.length;
  for (const [open, close] of postBrackets) if (text.endsWith(close) && text.lastIndexOf(open) > 0) end = text.lastIndexOf(open);
  let start = postStart(text, end);
  if (start < 0) return -1;
  for (;;) {
    const joiner = endingOf(text.slice(0, start), joiners);
    if (joiner !== undefined) {
      const before = postStart(text, start - joiner.length);
      if (before < 0) break;
      start = before;
      continue;
    }
    // "副局长兼办公室主任": a division after a joiner belongs to the second post.
    const division = joinedDivisionLength(text.slice(0, start));
    const joined = division > 0 ? endingOf(text.slice(0, start - division), joiners) : undefined;
    const before = joined === undefined ? -1 : postStart(text, start - division - joined.length);
    if (before < 0) break;
    start = before;
  }
  return start;
};

// The unit and the post, once the post's start is known: a division just before it goes with it.
const atPost = (text: string, start: number): UnitPosition => {
  const head = trimSeparators(text.slice(0, start));
  const division = divisionLength(head);
  const unit = trimSeparators(head.slice(0, head.length - division));
  const position = `${head.slice(head.length - division)}${text.slice(start)}`.trim();
  return unit === '' ? unsure(text) : { unit, position, sure: true };
};

const unsure = (text: string): UnitPosition => ({ unit: text, position: '', sure: false });

// Whether a text begins with a unit's name of its own (县委组织部联络员, 财政局国库科联络员): after a
// known unit saved short (东丰, 辽源市) that is more of the unit, not a post. A division (预算科) comes
// before the post, so what follows one is read as the post's (预算科联络员).
const beginsWithUnit = (text: string): boolean => {
  for (let length = 2; length < text.length; length += 1) {
    const head = text.slice(0, length);
    if (endingOf(head, divisionEnds) !== undefined) return false;
    if (endsUnit(head)) return true;
  }
  return false;
};

// A known unit the text begins with, longest first, whose rest reads as a post (a division may come
// first), or as a short word that is no unit's name.
// No longer than a unit may be saved: a longer known unit could never be imported, and looking up
// every prefix of a crafted 30,000-character cell would take the square of its length.
const byKnownUnit = (text: string, known: ReadonlySet<string>): UnitPosition | undefined => {
  for (let length = Math.min(text.length, traineeLimits.unit); length >= 2; length -= 1) {
    const unit = text.slice(0, length);
    if (!known.has(unit)) continue;
    const rest = trimLeading(text.slice(length));
    if (rest === '') return { unit, position: '', sure: true };
    const start = postsStart(rest);
    const head = trimSeparators(rest.slice(0, start));
    if (start === 0 || (start > 0 && divisionLength(`${unit}${head}`) === head.length))
      return { unit, position: rest, sure: true };
    if (start < 0 && rest.length <= 12 && !endsUnit(rest) && !beginsWithUnit(rest)) return { unit, position: rest, sure: true };
  }
  return undefined;
};

// One separator the person typed between the unit and an unlisted post ("东丰县委组织部 联络员").
const bySeparator = (text: string): UnitPosition | undefined => {
  for (const separator of separators) {
    const parts = text.split(separator);
    if (parts.length !== 2) continue;
    const [unit = '', position = ''] = parts.map((part) => part.trim());
    if (unit !== '' && position !== '' && !endsUnit(position)) return { unit, position, sure: true };
  }
  return undefined;
};

export const splitUnitPosition = (raw: string, known: ReadonlySet<string> = new Set()): UnitPosition => {
  const text = raw.replace(/\s+/gu, ' ').trim();
  if (text === '') return { unit: '', position: '', sure: true };
  const byUnit = byKnownUnit(text, known);
  if (byUnit) return byUnit;
  const start = postsStart(text);
  if (start > 0) return atPost(text, start);
  if (start === 0) return unsure(text);
  // No post: a name that ends as units do (…人民政府, …财政局, …朝阳村) is a unit without a post.
  return bySeparator(text) ?? (endsUnit(text) ? { unit: text, position: '', sure: true } : unsure(text));
};

// The unit a stored 工作单位 names: the unit alone when a post was written after it (a roster
// imported whole before the split existed, or typed so).
export const unitAlone = (name: string): string => {
  const split = splitUnitPosition(name);
  return split.sure && split.position !== '' ? split.unit : name.trim();
};
