import type { CheckinFigures, CheckinOutcome, CheckinRow, CheckinStatus } from '../../../shared/checkin/schemas';
import { localDateTimeOf } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { checkCharOf, maskIdNumber, maskPhone, normaliseIdNumber } from '../../../shared/idcard';
import { compareStroke, comparePinyinText } from '../../../shared/text/collation';
import { decodeReadings, normaliseQuery, spellsWhole } from '../../../shared/text/pinyin';
import { searchItems } from '../../../shared/text/search';
import { normaliseName, type TraineeFields } from '../../../shared/trainees/schemas';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { addToRoster } from '../roster/service';

type Member = {
  enrolmentId: number;
  traineeId: number;
  name: string;
  readings: string;
  idNumber: string | null;
  phone: string;
  unit: string;
  position: string;
  group: number | null;
  enrolmentStatus: string;
  status: CheckinStatus | null;
  at: string | null;
  note: string;
};

const membersOf = (core: Core, classId: number): Member[] =>
  statement<[number], Member>(
    core.db,
    `SELECT e.id AS enrolmentId, t.id AS traineeId, t.name, t.name_readings AS readings, t.id_number AS idNumber, t.phone,
            t.unit, t.position, e.group_no AS "group", e.status AS enrolmentStatus, c.status, c.at, coalesce(c.note, '') AS note
       FROM enrolments e JOIN trainees t ON t.id = e.trainee_id LEFT JOIN checkins c ON c.enrolment_id = e.id
      WHERE e.class_id = ?`,
  ).all(classId);

// Who is expected at the desk: everyone on the roster but those who have withdrawn.
const expectedOf = (members: readonly Member[]) => members.filter((m) => m.enrolmentStatus !== 'withdrawn');

const toRow = (m: Member): CheckinRow => ({
  enrolmentId: m.enrolmentId,
  traineeId: m.traineeId,
  name: m.name,
  unit: m.unit,
  position: m.position,
  group: m.group,
  phoneMasked: m.phone ? maskPhone(m.phone) : '',
  idNumberMasked: m.idNumber ? maskIdNumber(m.idNumber) : '',
  status: m.status,
  at: m.at === null ? null : localDateTimeOf(m.at),
  note: m.note,
});

export const figuresOf = (members: readonly Member[]): CheckinFigures => {
  const expected = expectedOf(members);
  const count = (status: CheckinStatus) => expected.filter((m) => m.status === status).length;
  const arrived = count('arrived');
  const late = count('late');
  return {
    expected: expected.length,
    arrived,
    late,
    leave: count('leave'),
    rate: expected.length > 0 ? (arrived + late) / expected.length : null,
  };
};

export const checkinFigures = (core: Core, classId: number): CheckinFigures => figuresOf(membersOf(core, classId));

// Classes with any check-in marked: the workbench shows their 报到率 on its today list.
export const classesCheckingIn = (core: Core): Set<number> =>
  new Set(
    statement<[], number>(core.db, 'SELECT DISTINCT e.class_id FROM checkins c JOIN enrolments e ON e.id = c.enrolment_id')
      .pluck()
      .all(),
  );

export const listCheckins = (core: Core, input: { classId: number; missing: boolean }) => {
  const found = getClass(core, input.classId);
  const members = membersOf(core, input.classId);
  const shown = expectedOf(members).filter((m) => !input.missing || m.status === null);
  const byUnit = new Map<string, Member[]>();
  for (const m of shown) byUnit.set(m.unit, [...(byUnit.get(m.unit) ?? []), m]);
  const units = [...byUnit.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : comparePinyinText(a, b)))
    .map(([unit, list]) => ({ unit, rows: list.sort((a, b) => compareStroke(a.name, b.name)).map(toRow) }));
  return { className: found.name, figures: figuresOf(members), units };
};

const memberOf = (core: Core, enrolmentId: number): { classId: number; member: Member } => {
  const classId = statement<[number], number>(core.db, 'SELECT class_id FROM enrolments WHERE id = ?').pluck().get(enrolmentId);
  const member = classId === undefined ? undefined : membersOf(core, classId).find((m) => m.enrolmentId === enrolmentId);
  if (classId === undefined || member === undefined)
    throw new AppError('NOT_FOUND', message('checkin.notEnrolled'), { enrolmentId });
  return { classId, member };
};

const writable = (core: Core, classId: number) => assertWritable(getClass(core, classId));

const write = (core: Core, enrolmentId: number, status: CheckinStatus, note: string) =>
  statement(
    core.db,
    `INSERT INTO checkins (enrolment_id, status, at, note) VALUES (?, ?, ?, ?)
     ON CONFLICT (enrolment_id) DO UPDATE SET status = excluded.status, at = excluded.at, note = excluded.note`,
  ).run(enrolmentId, status, timestamp(core), note);

const reread = (core: Core, enrolmentId: number): CheckinRow => toRow(memberOf(core, enrolmentId).member);

const refuseWithdrawn = (m: Member) => {
  if (m.enrolmentStatus === 'withdrawn')
    throw new AppError('INVALID_STATE', message('checkin.withdrawn', { name: m.name }), { enrolmentId: m.enrolmentId });
};

// Arrived, once: a second scan of the same card says when they came and changes nothing. Someone on
// leave who turns up after all is checked in.
const arrive = (core: Core, m: Member): CheckinOutcome => {
  refuseWithdrawn(m);
  if (m.status === 'arrived' || m.status === 'late') {
    const row = toRow(m);
    return { outcome: 'already', row, summary: message('checkin.already', { name: m.name, at: row.at ?? '' }) };
  }
  write(core, m.enrolmentId, 'arrived', '');
  const row = reread(core, m.enrolmentId);
  return { outcome: 'checkedIn', row, summary: message('checkin.checkedIn', { name: m.name, at: row.at ?? '' }) };
};

const idNumberPattern = /^\d{17}[\dX]$/;
const partialNumberPattern = /^\d{6,}[\dX]?$/;
const mobilePattern = /^1[3-9]\d{9}$/;

// Marks a paste or a contact card brings that nobody means to type: zero-width spaces, direction
// marks and overrides, soft hyphens (Unicode's format characters).
const invisible = /\p{Cf}/gu;
// What stands between a number's digits as people write it: spaces, dashes long and short, dots,
// brackets, underscores (full-width forms are already half-width after NFKC).
const separators = /[\s\-\u2010-\u2015.()_]/g;
const spacedNumber = /^\+?[\d(][\d\s\-\u2010-\u2015.()_]*[\dX]$/;
// A mobile with the country's code before it (+86, 0086) is the mobile.
const countryCode = /^(?:00)?86(?=1[3-9]\d{9}$)/;

// What a number typed at the desk is: separators out (a phone read off a form, 139-1234-5678,
// +86 139 1234 5678), and an old 15-digit number as the 18-digit one it became (century 19, the check
// character added) — the roster holds only those.
const numberOf = (query: string): string => {
  const typed = normaliseIdNumber(query.replace(invisible, ''));
  const number = spacedNumber.test(typed) ? typed.replace(separators, '').replace(/^\+/, '').replace(countryCode, '') : typed;
  if (!/^\d{15}$/.test(number)) return number;
  const first17 = `${number.slice(0, 6)}19${number.slice(6)}`;
  return first17 + checkCharOf(first17);
};

// The desk's screen faces the queue: any run of six digits or more in what was typed (a phone after a
// name, an ID number with a full stop after it) comes back masked as the app shows such numbers.
const digitRun = /\d(?:[\s\-\u2010-\u2015.()_]*\d)*(?:[\s\-\u2010-\u2015.()_]*X)?/giu;
const masked = (text: string): string =>
  text.normalize('NFKC').replace(digitRun, (run) => {
    const digits = run.replace(separators, '').toUpperCase();
    if (digits.length < 6) return run;
    return mobilePattern.test(digits) ? maskPhone(digits) : maskIdNumber(digits);
  });

// Whom a query names. A full ID number names its holder alone; letters or characters go through the
// app's own search (substring, pinyin, initials), and a full name that is someone's exactly wins over
// the longer names containing it. Anything but one sure match comes back as choices: a match is sure
// when the query is the whole name — its characters, or every character spelled (zwb, zhouwenbo) —
// never part of one ("zw" or 周文 finding 周文博 alone may be a 周文 the roster lacks).
type Matches = { found: Member[]; approximate: boolean; sure: boolean; shown: string };
const matchesOf = (members: readonly Member[], raw: string): Matches => {
  const typed = raw.replace(invisible, '');
  const id = numberOf(typed);
  if (idNumberPattern.test(id))
    // Shown as typed (15 digits or 18), masked.
    return {
      found: members.filter((m) => m.idNumber === id),
      approximate: false,
      sure: true,
      shown: masked(typed),
    };
  // A run of digits is part of an ID number or a phone: neither finds anyone, and the desk's screen
  // faces the queue, so what was typed comes back masked like any number the app shows.
  // A mobile number is said to be one, masked as the app shows phones: "not a whole ID number (11
  // digits)" left the desk wondering.
  if (mobilePattern.test(id)) throw new AppError('NOT_FOUND', message('checkin.phoneNumber', { query: maskPhone(id) }));
  if (partialNumberPattern.test(id))
    throw new AppError('NOT_FOUND', message('checkin.partialNumber', { query: maskIdNumber(id), count: id.length }));
  // A name read off a 桌签 or a 名册 has a space between its two characters (李　明): the roster keeps
  // names without it. Letters keep theirs (pinyin typed in words).
  const query = /\p{Script=Han}/u.test(typed) ? normaliseName(typed.trim()) : typed;
  const exact = members.filter((m) => m.name === query);
  if (exact.length > 0) return { found: exact, approximate: false, sure: true, shown: masked(query) };
  const { items, approximate } = searchItems(
    members,
    (m) => [{ text: m.name, readings: () => decodeReadings(m.readings) }],
    query,
  );
  const spelled = normaliseQuery(query);
  const sure = items.length === 1 && items.every((m) => spellsWhole(decodeReadings(m.readings), spelled));
  return { found: items, approximate, sure, shown: masked(query) };
};

export const checkIn = (core: Core, input: { classId: number; query?: string | undefined; enrolmentId?: number | undefined }) => {
  writable(core, input.classId);
  if (input.enrolmentId !== undefined) {
    const { classId, member } = memberOf(core, input.enrolmentId);
    if (classId !== input.classId)
      throw new AppError('NOT_FOUND', message('checkin.notEnrolled'), { enrolmentId: input.enrolmentId });
    return arrive(core, member);
  }
  // Nothing but invisible marks (a zero-width space, a direction mark) is no query either: read as
  // empty, it matched the whole class.
  if (input.query === undefined || input.query.replace(invisible, '').trim() === '')
    throw new AppError('INVALID_INPUT', message('checkin.noQuery'));
  const members = expectedOf(membersOf(core, input.classId));
  const { found, approximate, sure, shown } = matchesOf(members, input.query);
  const [only] = found;
  if (only === undefined) throw new AppError('NOT_FOUND', message('checkin.noMatch', { query: shown }));
  if (found.length === 1 && !approximate && sure) return arrive(core, only);
  const choices = found.sort((a, b) => compareStroke(a.name, b.name)).map(toRow);
  return {
    outcome: 'choose' as const,
    choices,
    approximate,
    summary: message(approximate ? 'checkin.chooseNear' : 'checkin.choose', { count: choices.length, query: shown }),
  };
};

// 迟到 and 请假, with what the desk noted; 已报到 set by hand (someone checked in from the list).
export const markCheckin = (core: Core, input: { enrolmentId: number; status: CheckinStatus; note: string }) => {
  const { classId, member } = memberOf(core, input.enrolmentId);
  writable(core, classId);
  refuseWithdrawn(member);
  write(core, input.enrolmentId, input.status, input.note);
  const row = reread(core, input.enrolmentId);
  const key = input.status === 'arrived' ? 'checkin.checkedIn' : input.status === 'late' ? 'checkin.late' : 'checkin.leave';
  return { row, summary: message(key, { name: member.name, at: row.at ?? '' }) };
};

export const undoCheckin = (core: Core, input: { enrolmentId: number }) => {
  const { classId, member } = memberOf(core, input.enrolmentId);
  writable(core, classId);
  if (member.status === null)
    throw new AppError('INVALID_STATE', message('checkin.notCheckedIn', { name: member.name }), {
      enrolmentId: input.enrolmentId,
    });
  statement(core.db, 'DELETE FROM checkins WHERE enrolment_id = ?').run(input.enrolmentId);
  return { row: reread(core, input.enrolmentId), summary: message('checkin.undone', { name: member.name }) };
};

// Through roster.add's own path: the same validation, the same person found again by ID number.
export const walkIn = (core: Core, input: { classId: number; trainee: TraineeFields; note: string }) => {
  const entry = addToRoster(core, {
    classId: input.classId,
    trainee: input.trainee,
    enrolment: { group: null, role: '', status: 'active', notes: '' },
  });
  write(core, entry.enrolmentId, 'arrived', input.note);
  const row = reread(core, entry.enrolmentId);
  return { row, summary: message('checkin.walkIn', { name: row.name, at: row.at ?? '' }) };
};
