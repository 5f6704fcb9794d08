import type { TrainingClass } from '../../../shared/classes/schemas';
import { addDays, chineseDate, chineseWeekday, daysBetween } from '../../../shared/dates';
import { message } from '../../../shared/i18n/translate';
import { printedTime, type Session } from '../../../shared/schedule/schemas';
import type { Core } from '../context';
import { groupName } from '../documents/group-name';
import type { DocColumn, TableDoc } from '../documents/table-doc';
import { getSession, listSessions } from '../schedule/rows';
import { label } from './columns';
import { attending, type Person } from './document-people';
import { subtitle, title } from './document-titles';
import { refuse, type RosterExport } from './export-input';

// 签到表: a page per day of the class (morning and afternoon to sign), or a page per session for the
// groups that attend it; and which days or sessions a sheet is made for.

// What a sign-in sheet is made from.
type Sheet = { c: TrainingClass; school: string; people: readonly Person[]; byGroup: boolean };

const signinColumns = (byGroup: boolean, ...last: DocColumn[]): DocColumn[] => [
  { label: label('seq'), width: 3, align: 'center' },
  { label: label('name'), width: 6, align: 'center' },
  ...(byGroup ? [{ label: label('group'), width: 4, align: 'center' } satisfies DocColumn] : []),
  { label: label('unitAndPosition'), width: byGroup ? 14 : 18 },
  ...last,
];
const signinRow = (byGroup: boolean, p: Person, index: number, blanks: number): string[] => [
  String(index + 1),
  p.name,
  ...(byGroup ? [groupName(p.group)] : []),
  unitAndPosition(p),
  ...Array.from({ length: blanks }, () => ''),
];
const unitAndPosition = (p: Person) => [p.unit, p.position].filter(Boolean).join('');

// A page per session, for the groups that attend it (no groups named: the whole class).
export const sessionSignin = ({ c, school, people, byGroup }: Sheet, sessions: readonly Session[]): TableDoc => {
  const present = attending(people);
  return {
    title: title('signin', c),
    subtitle: subtitle(school, message('documents.roster.sessions', { count: sessions.length })),
    orientation: 'portrait',
    sections: sessions.map((session, index) => {
      const expected =
        session.groups.length === 0 ? present : present.filter((p) => p.group !== null && session.groups.includes(p.group));
      const groups =
        session.groups.length === 0
          ? ''
          : message('documents.roster.attendingGroups', {
              groups: session.groups.map((group) => groupName(group)).join(message('text.list')),
            });
      const teachers = session.teachers.map((t) => t.name).join(message('text.list'));
      return {
        heading: message('documents.roster.sessionHeading', {
          date: chineseDate(session.date),
          weekday: chineseWeekday(session.date),
          time: printedTime(session),
          title: session.title,
        }),
        note: [
          teachers && message('documents.roster.teachers', { names: teachers }),
          session.place && message('documents.roster.place', { place: session.place }),
          message('documents.roster.expected', { count: expected.length, groups }),
        ]
          .filter(Boolean)
          .join(message('text.space')),
        pageBreakBefore: index > 0,
        columns: signinColumns(
          byGroup,
          { label: label('signature'), width: 8, signature: true },
          { label: label('notes'), width: 6 },
        ),
        rows: expected.map((p, i) => signinRow(byGroup, p, i, 2)),
      };
    }),
  };
};

// A page per day, each with the whole class to sign in the morning and the afternoon.
export const daySignin = ({ c, school, people, byGroup }: Sheet, days: readonly string[]): TableDoc => {
  const present = attending(people);
  return {
    title: title('signin', c),
    subtitle: subtitle(school, message('documents.roster.expected', { count: present.length, groups: '' })),
    orientation: 'portrait',
    sections: days.map((date, day) => ({
      heading: message('documents.dayHeading', { date: chineseDate(date), weekday: chineseWeekday(date) }),
      pageBreakBefore: day > 0,
      columns: signinColumns(
        byGroup,
        { label: label('morning'), width: 8, signature: true },
        { label: label('afternoon'), width: 8, signature: true },
      ),
      rows: present.map((p, i) => signinRow(byGroup, p, i, 2)),
    })),
  };
};

// The sessions a sign-in sheet is made for, or undefined for a sheet per day.
export const signinSessions = (
  core: Core,
  input: Pick<RosterExport, 'classId' | 'document' | 'signinBy' | 'sessionId'>,
): Session[] | undefined => {
  const perSession = input.sessionId !== undefined || input.signinBy === 'session';
  if (!perSession) return undefined;
  if (input.document !== 'signin') throw refuse(input.sessionId === undefined ? 'signinBy' : 'sessionId', 'export.signinOnly');
  if (input.sessionId !== undefined) {
    const session = getSession(core, input.sessionId);
    if (session.classId !== input.classId) throw refuse('sessionId', 'export.sessionNotInClass');
    return [session];
  }
  const sessions = listSessions(core, input.classId);
  if (sessions.length === 0) throw refuse('signinBy', 'export.noSessions');
  return sessions;
};

// The days of a sheet per day: those with sessions, or every day of the class when asked (or when
// there is no schedule to go by).
export const signinDays = (core: Core, c: TrainingClass, input: Pick<RosterExport, 'document' | 'allDays'>): string[] => {
  const every = Array.from({ length: daysBetween(c.startDate, c.endDate) + 1 }, (_, day) => addDays(c.startDate, day));
  if (input.document !== 'signin' || input.allDays === true) return every;
  const taught = new Set(listSessions(core, c.id).map((session) => session.date));
  return taught.size === 0 ? every : every.filter((date) => taught.has(date));
};
