import { addDays } from '../dates';
import { slotOf } from '../schedule/schemas';

// The class's sessions of the 四同 kind: the school's 教学形式 for it (四同实践 in the shipped list, a
// list the school may edit) or the title ("“四同”实践：下田同劳动") says 四同. They are the days a
// class lives in a village, so a new stay starts from them.
const fourTogetherWord = /四同/;

type SessionLike = {
  date: string;
  start: string;
  format: string;
  title: string;
  siteId: number | null;
  groups: readonly number[];
};

export const isFourTogether = (session: Pick<SessionLike, 'format' | 'title'>): boolean =>
  fourTogetherWord.test(session.format) || fourTogetherWord.test(session.title);

// What a new stay defaults to: the first run of 四同 days (a day apart at most) that no stay of the
// class holds yet — arriving on its first day, leaving on its last if that day's last 四同 session is
// in the morning (done before leaving), else the next day; never past the class's last day — and the
// teaching point of its sessions, when they name one. None when the class has no such session left.
export const stayDefaultsOf = (
  sessions: readonly SessionLike[],
  stays: readonly { arrive: string; depart: string }[],
  classEnd: string,
): { arrive: string; depart: string; siteId: number | null } | undefined => {
  const held = (date: string) => stays.some((stay) => stay.arrive <= date && date < stay.depart);
  const days = sessions
    .filter((session) => isFourTogether(session) && !held(session.date))
    .sort((a, b) => (a.date === b.date ? (a.start < b.start ? -1 : 1) : a.date < b.date ? -1 : 1));
  const first = days[0];
  if (!first) return undefined;
  const run = [first];
  for (const session of days.slice(1)) {
    const last = run[run.length - 1] ?? first;
    if (session.date > addDays(last.date, 1)) break;
    run.push(session);
  }
  const last = run[run.length - 1] ?? first;
  const leaving = slotOf(last.start) === 'morning' && last.date > first.date ? last.date : addDays(last.date, 1);
  const depart = leaving > classEnd && classEnd > first.date ? classEnd : leaving;
  const siteId = run.find((session) => session.siteId !== null)?.siteId ?? null;
  return { arrive: first.date, depart, siteId };
};

// The sessions of a stay's days that its people attend (a session for some groups only is theirs
// if one of the stay's groups is among them; a stay of the whole class sees every session).
export const sessionsOfStay = <T extends SessionLike>(
  sessions: readonly T[],
  stay: { arrive: string; depart: string; groups: readonly number[] },
): T[] =>
  sessions
    .filter((session) => stay.arrive <= session.date && session.date <= stay.depart)
    .filter(
      (session) =>
        stay.groups.length === 0 || session.groups.length === 0 || session.groups.some((group) => stay.groups.includes(group)),
    )
    .sort((a, b) => (a.date === b.date ? (a.start < b.start ? -1 : 1) : a.date < b.date ? -1 : 1));
