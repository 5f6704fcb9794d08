import type { Sex } from '../../../../shared/trainees/schemas';
import type { Cell } from '../../documents/sheet';
import { numberCell, textCell } from '../../documents/table-import';

// The roster's own cells: 性别, 组别, an ID number Excel has damaged, a phone typed as a number. Dates,
// numbers and text are read by the table kit, as in every import.

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
  const text = textCell(cell).toLowerCase();
  if (text === '') return null;
  return Object.hasOwn(sexWords, text) ? sexWords[text] : undefined;
};

// 1, "1", "第一组", "1组", "一组", "第1小组", "２" → 1: one whole number from 1 to 99, read as every
// import reads a number with words around it. Null when empty, undefined when unreadable.
export const parseGroup = (cell: Cell): number | null | undefined => {
  const n = numberCell(cell);
  if (n === null) return null;
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 99 ? n : undefined;
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
  return textCell(cell).replace(/[（(]/g, '(').replace(/[）)]/g, ')');
};
