import { createHash } from 'node:crypto';
import * as XLSX from '@e965/xlsx';
import { message } from '../../../shared/i18n/translate';
import { columnLetter } from '../../../shared/roster/import';
import { commentMax } from '../../../shared/surveys/schemas';
import { shownText } from '../../../shared/text/shown';
import {
  answerWords,
  noAnswerWords,
  type OneMeans,
  type Platform,
  platformColumns,
  type platformColumnUses,
} from '../../../shared/surveys/platform';
import { refuseFile } from '../files/refusal';
import type { ParsedWorkbook } from '../documents/parser/protocol';
import type { Cell } from '../documents/sheet';
import { cellText, headerScanRows } from '../documents/sheet-header';
import type { TableProblem } from '../documents/table-import';

// A platform's export read as it comes: find the header row by the platform's own columns, tell the
// question columns (headed "1、……") from the platform's, tell the scored questions (their answers are
// option words or numbers) from the free-text ones, and read every answer sheet into scores 1–5 and
// a comment. Pure: the survey it answers, and what is stored already, are the import's business.

export type PlatformColumn = {
  column: number;
  letter: string;
  header: string;
  use: (typeof platformColumnUses)[number];
  item: number | null;
};

export type PlatformAnswer = {
  row: number;
  // Who answered, as the platform numbers them (序号 / 编号), for messages.
  respondent: string;
  // The answer sheet's identity on the platform: its number and when it was handed in.
  key: string;
  scores: (number | null)[];
  comment: string;
};

export type PlatformReading = {
  platform: Platform;
  columns: PlatformColumn[];
  numbers: boolean;
  answers: PlatformAnswer[];
  rows: number;
  blank: number;
  skipped: number;
  problems: TableProblem[];
};

const squeeze = (text: string) => text.replace(/\s+/g, '');

// "1、您对……是否满意", "2.课程设置", "第3题 …", "Q4：…", "7(培训计划)" (a matrix row): the question's
// number; any other header is the platform's.
const questionNumber = (header: string): number | null => {
  // Full-width forms folded first: "１．" reads as "1.".
  const text = cellText(header);
  const found = /^(?:第|Q|q)?(\d{1,3})(?:题)?[、.:()\s]/.exec(text) ?? /^(?:第|Q|q)(\d{1,3})题?$/.exec(text);
  return found ? Number(found[1]) : null;
};

// A question the person writes in, whatever its answers: the comment box.
const commentLike = /意见|建议|留言|评语|想说|补充|其他要求|其它要求/;

const scoreOfWord = new Map<string, number>(
  Object.entries(answerWords).flatMap(([score, words]) => words.map((word) => [word, Number(score)] as const)),
);

// What a cell under a question holds. "(跳过)": the question was skipped; "(空)": nothing written;
// -3 and -2 are what number exports write for the same.
type Answer =
  { kind: 'none' } | { kind: 'word'; score: number } | { kind: 'number'; value: number } | { kind: 'other'; text: string };
const answerOf = (cell: Cell): Answer => {
  const text = squeeze(cellText(cell));
  if (noAnswerWords.includes(text)) return { kind: 'none' };
  const score = scoreOfWord.get(text);
  if (score !== undefined) return { kind: 'word', score };
  if (/^[1-5]$/.test(text)) return { kind: 'number', value: Number(text) };
  return { kind: 'other', text: cellText(cell) };
};

// The comment as written (its punctuation too), only trimmed.
const commentOf = (cell: Cell): string => {
  const text = typeof cell === 'string' ? cell.trim() : cellText(cell);
  return noAnswerWords.includes(squeeze(cellText(cell))) ? '' : text;
};

// When an answer sheet was handed in, one way however the file came: as the platform's text
// ("2019/9/20 10:03:21", "2019-09-20 10:03"), or as the date serial Excel keeps once it has opened and
// saved the export. The same sheet must give the same key, or a re-saved export imports it twice.
const pad = (n: number) => String(n).padStart(2, '0');
const timeKey = (cell: Cell): string => {
  if (typeof cell === 'number' && cell > 0 && cell < 80_000) {
    const at = XLSX.SSF.parse_date_code(cell);
    if (at) return `${at.y}-${pad(at.m)}-${pad(at.d)} ${pad(at.H)}:${pad(at.M)}:${pad(Math.round(at.S))}`;
  }
  const text = cellText(cell);
  const parts = /^(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})\D{0,2}\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(text);
  if (!parts) return text;
  const [, y, m, d, h, min, sec] = parts.map(Number);
  return `${y}-${pad(m ?? 0)}-${pad(d ?? 0)} ${pad(h ?? 0)}:${pad(min ?? 0)}:${pad(sec ?? 0)}`;
};

type Header = { sheet: ParsedWorkbook['sheets'][number]; index: number; platform: Platform; headers: string[] };

const findHeader = (book: ParsedWorkbook): Header | undefined => {
  for (const sheet of book.sheets)
    for (let index = 0; index < Math.min(sheet.rows.length, headerScanRows); index += 1) {
      // As written (a header is shown to the person with its own punctuation), only trimmed.
      const headers = (sheet.rows[index] ?? []).map((cell) => (typeof cell === 'string' ? cell.trim() : cellText(cell)));
      const keys = new Set(headers.map((header) => squeeze(cellText(header))));
      const platform = (Object.keys(platformColumns) as Platform[]).find((name) =>
        platformColumns[name].marks.some((mark) => keys.has(mark)),
      );
      if (platform && headers.some((header) => questionNumber(header) !== null)) return { sheet, index, platform, headers };
    }
  return undefined;
};

// Which platform's export this is, if it is one (a typed grid given to the wrong import).
export const platformOf = (book: ParsedWorkbook): Platform | undefined => findHeader(book)?.platform;

export const readPlatformExport = (
  book: ParsedWorkbook,
  survey: { title: string; items: number },
  oneMeans: OneMeans | undefined,
): PlatformReading => {
  const header = findHeader(book);
  if (!header) throw refuseFile('surveys.platform.notExport', { rows: headerScanRows });
  const { sheet, index, platform, headers } = header;
  const headerRow = sheet.firstRow + index;
  const body = sheet.rows
    .slice(index + 1)
    .map((cells, offset) => ({ row: headerRow + 1 + offset, cells }))
    .filter(({ cells }) => cells.some((cell) => cellText(cell) !== ''));
  if (body.length === 0) throw refuseFile('table.empty', { sheet: shownText(sheet.name) });

  // Each question column, scored (its answers are mostly option words or numbers) or written in.
  const questions = headers.flatMap((text, column) => (questionNumber(text) === null ? [] : [column]));
  const scored = new Set<number>();
  for (const column of questions) {
    if (commentLike.test(headers[column] ?? '')) continue;
    let recognised = 0;
    let other = 0;
    for (const { cells } of body) {
      const answer = answerOf(cells[column] ?? null);
      if (answer.kind === 'word' || answer.kind === 'number') recognised += 1;
      else if (answer.kind === 'other') other += 1;
    }
    if (recognised > 0 && recognised >= other) scored.add(column);
  }
  const scoredColumns = questions.filter((column) => scored.has(column));
  const written = questions.filter((column) => !scored.has(column));
  const commentColumn = written.at(-1);

  const columns: PlatformColumn[] = headers.flatMap((text, column) => {
    if (text === '') return [];
    const item = scoredColumns.indexOf(column);
    const use = item !== -1 ? 'item' : column === commentColumn ? 'comment' : questions.includes(column) ? 'unused' : 'platform';
    return [{ column, letter: columnLetter(column), header: shownText(text), use, item: item === -1 ? null : item + 1 }];
  });

  if (scoredColumns.length !== survey.items)
    throw refuseFile('surveys.platform.countDiffers', {
      found: scoredColumns.length,
      columns:
        scoredColumns.length === 0
          ? message('surveys.platform.noColumns')
          : scoredColumns.map((column) => columnLetter(column)).join(message('text.list')),
      survey: survey.title,
      items: survey.items,
    });

  const named = (words: readonly string[]) => headers.findIndex((text) => words.includes(squeeze(cellText(text))));
  const numberColumn = named(platformColumns[platform].number);
  const timeColumn = named(platformColumns[platform].time);
  const numbers = body.some(({ cells }) => scoredColumns.some((column) => answerOf(cells[column] ?? null).kind === 'number'));

  const problems: TableProblem[] = [];
  const answers: PlatformAnswer[] = [];
  const seen = new Map<string, number>();
  let blank = 0;
  let skipped = 0;
  for (const { row, cells } of body) {
    const respondent = numberColumn === -1 ? '' : cellText(cells[numberColumn] ?? null);
    const time = timeColumn === -1 ? '' : timeKey(cells[timeColumn] ?? null);
    const who = respondent === '' ? '' : message('surveys.platform.respondent', { number: shownText(respondent) });
    const scores = scoredColumns.map((column) => {
      const answer = answerOf(cells[column] ?? null);
      // A question left unanswered, however the platform wrote it ("(跳过)", -3, or nothing).
      if (answer.kind === 'none') {
        skipped += 1;
        return null;
      }
      if (answer.kind === 'word') return answer.score;
      if (answer.kind === 'number') return oneMeans === 'worst' ? answer.value : 6 - answer.value;
      problems.push({
        row,
        message: message('surveys.platform.notAnswer', {
          who,
          column: shownText(headers[column] ?? ''),
          value: shownText(answer.text),
        }),
      });
      return null;
    });
    const comment = commentColumn === undefined ? '' : commentOf(cells[commentColumn] ?? null);
    // The grid's limit, counted as the grid counts it.
    if (comment.length > commentMax)
      problems.push({
        row,
        message: message('surveys.platform.commentTooLong', { who, length: comment.length, limit: commentMax }),
      });
    if (scores.every((score) => score === null) && comment === '') {
      blank += 1;
      continue;
    }
    // The platform's own number with the submission time identifies an answer sheet. Without the
    // number (its column deleted), two sheets handed in within one second would share a time: the
    // time with the answers as read identifies it then (read, not raw: Excel's re-save of the time
    // column must not make a sheet new). The parts are kept apart as a list, never joined by a
    // character a cell could hold.
    const key =
      respondent !== ''
        ? JSON.stringify([respondent, time])
        : `#${createHash('sha256')
            .update(JSON.stringify([time, scores, comment]))
            .digest('hex')}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ row, message: message('surveys.platform.sameSheet', { who, first: earlier }) });
      continue;
    }
    seen.set(key, row);
    answers.push({ row, respondent, key, scores, comment });
  }
  return { platform, columns, numbers, answers, rows: body.length, blank, skipped, problems };
};
