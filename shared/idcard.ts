import { toUtcMs } from './dates';

// 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male),
// and a check character computed with ISO 7064 MOD 11-2.
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = '10X98765432';

// Province-level codes in use (first two digits).
const provinces = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71,
  81, 82,
]);

export const checkCharOf = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return checkChars[sum % 11] ?? '';
};

export type IdCardProblem = 'format' | 'region' | 'birth_date' | 'check_digit' | 'old_format';

export type IdCardInfo = { idNumber: string; birthDate: string; sex: 'male' | 'female' };

export type IdCardCheck = { ok: true; value: IdCardInfo } | { ok: false; problem: IdCardProblem };

// Spaces and full-width forms are tolerated (people copy numbers from Word); a lower-case x is upper-cased.
export const normaliseIdNumber = (raw: string): string =>
  /^\d{17}[\dX]$/.test(raw) ? raw : raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

export const checkIdNumber = (raw: string, today: Date = new Date()): IdCardCheck => {
  const id = normaliseIdNumber(raw);
  if (/^\d{15}$/.test(id)) return { ok: false, problem: 'old_format' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  if (!provinces.has(Number(id.slice(0, 2)))) return { ok: false, problem: 'region' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const birthMs = toUtcMs(birthDate);
  if (birthMs === undefined || Number(id.slice(6, 10)) < 1900 || birthMs > today.getTime())
    return { ok: false, problem: 'birth_date' };
  if (checkCharOf(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, value: { idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' } };
};

// 220402***********5: the region and the check character. Rosters print 出生年月 and 性别 beside it,
// so the birth date and the sequence stay hidden: what a masked view shows of one person leaves more
// than a thousand possible numbers (masking.test.ts counts them).
export const maskIdNumber = (id: string): string =>
  id.length >= 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 7)}${id.slice(-1)}` : '*'.repeat(id.length);

// Beside a masked ID number, a birth date shows its year and month only: the day would give the
// number's birth digits back. Without an ID number there is nothing to give away.
export const maskBirthDate = (birthDate: string | null, idNumber: string | null): string | null =>
  birthDate !== null && idNumber ? birthDate.slice(0, 7) : birthDate;

// 138****5678 for mobiles; landlines keep their last four.
export const maskPhone = (phone: string): string => {
  const digits = phone.trim();
  if (digits.length <= 4) return '*'.repeat(digits.length);
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
};
