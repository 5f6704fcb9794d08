import * as XLSX from '@e965/xlsx';
import type { Cell } from './sheet';
import { cellText } from './sheet-header';

// Dates as office tables write them, for every import (the table kit's dateCell reads through this).

const pad = (n: number) => String(n).padStart(2, '0');

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

// Dates as personnel lists write them: Excel date serials, 1980.05 (which Excel may have stored as
// the number 1980.05, or 1980.1 for October), 1980年5月, 1980-05-06, 19800506 …
// Returns YYYY-MM or YYYY-MM-DD; null when empty; undefined when unreadable.
export const readCellDate = (cell: Cell): string | null | undefined => {
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
    return readCellDate(String(cell));
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
