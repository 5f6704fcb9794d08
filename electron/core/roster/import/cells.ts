import * as XLSX from '@e965/xlsx';
import type { Sex } from '../../../../shared/trainees/schemas';
import { parseChineseNumber } from '../../../../shared/text/chinese-numbers';
import { cellText } from '../../documents/sheet-header';
import type { Cell } from '../../documents/sheet-reader';

const pad = (n: number) => String(n).padStart(2, '0');

const sexWords: Record<string, Sex> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
};

export const parseSex = (cell: Cell): Sex | null | undefined => {
  const text = cellText(cell).toLowerCase();
  if (text === '') return null;
  return Object.hasOwn(sexWords, text) ? sexWords[text] : undefined;
};

const validMonth = (year: number, month: number) => year >= 1900 && year <= 2100 && month >= 1 && month <= 12;

const validDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const fromParts = (year: number, month: number, day?: number): string | undefined => {
  if (!validMonth(year, month)) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
};

// Birth dates as personnel lists write them: Excel date serials, 1980.05 (which Excel may have
// stored as the number 1980.05, or 1980.1 for October), 1980年5月, 1980-05-06, 19800506 …
// Returns YYYY-MM or YYYY-MM-DD; null when empty; undefined when unreadable.
export const parseBirthDate = (cell: Cell): string | null | undefined => {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number') {
    if (cell >= 1900 && cell < 2101 && !Number.isInteger(cell)) {
      const [year = '', fraction = ''] = cell.toFixed(2).split('.');
      return fromParts(Number(year), Number(fraction.length === 1 ? `${fraction}0` : fraction));
    }
    if (Number.isInteger(cell) && cell > 0 && cell < 80_000) {
      const parsed = XLSX.SSF.parse_date_code(cell);
      return parsed ? fromParts(parsed.y, parsed.m, parsed.d) : undefined;
    }
    return parseBirthDate(String(cell));
  }
  const text = cellText(cell);
  if (text === '') return null;
  let match = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*(?:[.\-/月]\s*(\d{1,2})\s*日?|月)?$/.exec(text);
  if (match) return fromParts(Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3]));
  match = /^(\d{4})(\d{2})(\d{2})?$/.exec(text);
  if (match) return fromParts(Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3]));
  // "1980.1" typed as text means October, exactly as the number would.
  match = /^(\d{4})\.(\d)$/.exec(text);
  if (match) return fromParts(Number(match[1]), Number(match[2]) === 1 ? 10 : Number(match[2]));
  return undefined;
};

// 1, "1", "第一组", "1组", "一组", "第1小组" → 1. Null when empty, undefined when unreadable.
export const parseGroup = (cell: Cell): number | null | undefined => {
  const text = cellText(cell)
    .replace(/^第/, '')
    .replace(/(小组|组)$/, '');
  if (text === '') return null;
  const n = /^\d+$/.test(text) ? Number(text) : parseChineseNumber(text);
  return n !== undefined && n >= 1 && n <= 99 ? n : undefined;
};

// Excel turns a long digit string into a float and keeps 15 significant digits: an 18-digit ID
// number stored as a number has lost its last digits and can never be trusted.
export const damagedIdNumber = (cell: Cell): string | undefined => {
  if (typeof cell !== 'number') return undefined;
  if (Math.abs(cell) < 1e9) return undefined;
  return cell
    .toExponential(14)
    .replace(/\.?0+e/, 'e')
    .replace('e+', 'E+')
    .toUpperCase();
};

// Phone numbers typed into a number cell arrive as numbers: 13800138000.
export const phoneText = (cell: Cell): string => {
  if (typeof cell === 'number' && Number.isInteger(cell)) return String(cell);
  return cellText(cell).replace(/[（(]/g, '(').replace(/[）)]/g, ')');
};
