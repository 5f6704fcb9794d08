import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';

// Exports as 问卷星 and 腾讯问卷 write them: the platform's columns first, then one column per question
// headed "1、……", the answers as option words (or option numbers), "(跳过)" for a skipped question and
// "(空)" for an empty comment box. The answers are made here, so a test knows every score it wrote.

export type WrittenAnswer = { scores: (number | null)[]; comment: string };

// How respondents' words vary for one score (5 非常满意 … 1 非常不满意).
const wordsFor: Record<number, readonly string[]> = {
  5: ['非常满意', '很满意'],
  4: ['满意', '比较满意'],
  3: ['基本满意', '一般'],
  2: ['不满意'],
  1: ['非常不满意', '很不满意'],
};
const wordOf = (score: number, n: number) => {
  const words = wordsFor[score] ?? [];
  return words[n % words.length] ?? '';
};

const spread = [5, 4, 5, 3, 4, 5, 2, 5, 4, 1, 5, 4];

// `count` answer sheets to `items` questions; the eighth skips its third question; every third
// writes a comment, the others leave the box empty.
export const madeAnswers = (count: number, items: number, comment = (n: number) => `第${n + 1}位学员：希望多安排现场教学`) =>
  Array.from({ length: count }, (_, n): WrittenAnswer => ({
    scores: Array.from({ length: items }, (_, i) => (n === 7 && i === 2 ? null : (spread[(n * 5 + i * 7) % spread.length] ?? 5))),
    comment: n % 3 === 0 ? comment(n) : '',
  }));

export const questionTexts = [
  '您对本次培训内容的针对性是否满意',
  '您对理论联系实际是否满意',
  '您对授课教师的讲授水平是否满意',
  '您对课堂互动是否满意',
  '您对本次培训的总体评价',
];

const pad = (n: number) => String(n).padStart(2, '0');

type Cells = (string | number)[];

export const wjxRows = (
  answers: readonly WrittenAnswer[],
  questions: readonly string[],
  as: 'words' | 'numbers' = 'words',
): Cells[] => [
  [
    '序号',
    '提交答卷时间',
    '所用时间',
    '来源',
    '来源详情',
    '来自IP',
    ...questions.map((q, i) => `${i + 1}、${q}`),
    `${questions.length + 1}、您对本次培训还有哪些意见和建议？`,
  ],
  ...answers.map((answer, n): Cells => [
    n + 1,
    `2019/9/20 10:${pad(n)}:${pad((n * 7) % 60)}`,
    `${95 + n * 3}秒`,
    '微信',
    'N/A',
    `117.136.${n}.${n * 3}(吉林-辽源)`,
    ...answer.scores.map((score) => (score === null ? '(跳过)' : as === 'words' ? wordOf(score, n) : 6 - score)),
    answer.comment === '' ? '(空)' : answer.comment,
  ]),
];

// 腾讯问卷, answers as option numbers: `oneMeans` says which end option 1 is.
export const tencentRows = (
  answers: readonly WrittenAnswer[],
  questions: readonly string[],
  oneMeans: 'best' | 'worst',
): Cells[] => [
  [
    '编号',
    '开始答题时间',
    '结束答题时间',
    '答题时长',
    'IP',
    '地理位置',
    ...questions.map((q, i) => `${i + 1}.${q}`),
    `${questions.length + 1}.意见和建议`,
  ],
  ...answers.map((answer, n): Cells => [
    1000 + n,
    `2019-09-20 09:${pad(n)}:00`,
    `2019-09-20 09:${pad(n)}:${pad(30 + (n % 30))}`,
    `${30 + (n % 30)}秒`,
    `36.48.${n}.1`,
    '吉林省辽源市',
    ...answer.scores.map((score) => (score === null ? '' : oneMeans === 'best' ? 6 - score : score)),
    answer.comment,
  ]),
];

export const writeExport = (path: string, rows: Cells[], format: 'xlsx' | 'gbk-csv' = 'xlsx'): string => {
  if (format === 'gbk-csv') {
    const quoted = (cell: string | number) =>
      /[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell);
    writeFileSync(path, iconv.encode(rows.map((row) => row.map(quoted).join(',')).join('\r\n'), 'gbk'));
    return path;
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  return path;
};

// The share of 满意 and 非常满意 among the scores written, counted here by hand.
export const expectedRate = (answers: readonly WrittenAnswer[]): number => {
  const given = answers.flatMap((answer) => answer.scores).filter((score): score is number => score !== null);
  return Math.round((given.filter((score) => score === 4 || score === 5).length / given.length) * 1000) / 10;
};
