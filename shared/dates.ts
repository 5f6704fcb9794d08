import { z } from 'zod';

// Calendar dates cross every boundary as ISO strings (YYYY-MM-DD); arithmetic is done in UTC
// so that a workstation's time zone can never shift a class by a day.
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const daysInMonth = (year: number, month: number) => (month === 2 && isLeapYear(year) ? 29 : (monthDays[month - 1] ?? 0));

export const toUtcMs = (iso: string): number | undefined => {
  const match = isoDatePattern.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Rejects 2019-02-30 and friends, which Date.UTC would silently roll over.
  // (Years before 100 too: Date.UTC would read them as 19xx.)
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day);
};

export const isIsoDate = (value: string): boolean => toUtcMs(value) !== undefined;

const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const mustParse = (iso: string): number => {
  const ms = toUtcMs(iso);
  if (ms === undefined) throw new RangeError(`not an ISO date: ${iso}`);
  return ms;
};

export const addDays = (iso: string, days: number): string => fromUtcMs(mustParse(iso) + days * dayMs);

export const daysBetween = (from: string, to: string): number => Math.round((mustParse(to) - mustParse(from)) / dayMs);

// Schedules are laid out in weeks from Monday, as Chinese calendars print them.
export const mondayOf = (iso: string): string => addDays(iso, -((new Date(mustParse(iso)).getUTCDay() + 6) % 7));

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export const chineseWeekday = (iso: string): string => weekdays[new Date(mustParse(iso)).getUTCDay()] ?? '';

// 2019年6月3日 — the form official documents print.
export const chineseDate = (iso: string): string => {
  const date = new Date(mustParse(iso));
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
};

// 6月3日, as schedules and sign-in sheets head their days.
export const monthDay = (iso: string): string => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

// Days as offices date a visit: days running on as one span (9月11日—12日, 9月30日—10月1日), the rest
// one by one, joined with `separator`.
export const monthDayRuns = (isos: readonly string[], separator: string): string => {
  const days = [...new Set(isos)].sort();
  const runs: [string, string][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs
    .map(([from, to]) =>
      from === to
        ? monthDay(from)
        : `${monthDay(from)}—${from.slice(0, 7) === to.slice(0, 7) ? `${Number(to.slice(8, 10))}日` : monthDay(to)}`,
    )
    .join(separator);
};

// The workstation's calendar date (architecture rule 10): "today", document dates and overdue decisions.
// Never toISOString().slice(0, 10), which is the date in Greenwich — yesterday before 08:00 in Beijing.
export const todayIso = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

// The local calendar date of a stored instant ("2026-12-04T17:50:00.000Z" is 2026-12-05 in Beijing): the day a
// report was submitted, as the person who submitted it saw the calendar.
export const localDateOf = (instant: string): string => {
  const moment = new Date(instant);
  return Number.isNaN(moment.getTime()) ? instant.slice(0, 10) : todayIso(moment);
};

// The instant a local calendar day begins, in the stored form (toISOString): where a filter "from 12-05" starts
// among stored instants — 2026-12-04T16:00:00.000Z in Beijing, not 2026-12-05T00:00Z, eight hours later.
export const localDayStart = (iso: string): string => {
  const [year, month, day] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  return new Date(year, month - 1, day).toISOString();
};

// A stored instant as a person reads it on this workstation: 2026-12-05 01:30:00.
export const localDateTimeOf = (instant: string): string => {
  const moment = new Date(instant);
  if (Number.isNaN(moment.getTime())) return instant;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${todayIso(moment)} ${pad(moment.getHours())}:${pad(moment.getMinutes())}:${pad(moment.getSeconds())}`;
};

export const isoDate = () =>
  z
    .string()
    .trim()
    .refine(isIsoDate, { params: { code: 'invalid_date' }, abort: true });

// A moment as the app stores it (toISOString) or another program writes it: a real calendar date, a
// time of day, and its offset from UTC. 2019-02-30T08:00:00Z and "last Tuesday" are not moments.
const instantPattern = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export const isIsoInstant = (value: string): boolean => {
  const match = instantPattern.exec(value);
  return match?.[1] !== undefined && isIsoDate(match[1]);
};

export const isoInstant = () => z.string().refine(isIsoInstant, { params: { code: 'invalid_format' }, abort: true });
