import { message } from '../../../shared/i18n/translate';
import { type Accepted, type Conflict, type ConflictKind, conflictSeverity, minutesOf } from '../../../shared/schedule/schemas';

// A session as the checker sees it: where, when, who, which groups.
export type Slotted = {
  id: number | null;
  classId: number;
  className: string;
  date: string;
  start: string;
  end: string;
  title: string;
  teachers: readonly { id: number; name: string }[];
  place: string;
  siteId: number | null;
  groups: readonly number[];
  accepted: readonly Accepted[];
};

export type ClassDates = { id: number; startDate: string; endDate: string };

// Minutes from one place to another, when known (between teaching points, sites/places.ts).
export type PlaceRef = { siteId: number | null; place: string };
export type TravelTimes = (from: PlaceRef, to: PlaceRef) => number | undefined;

// How many the session brings to a point that holds so many (sites/places.ts, conflicts.ts).
export type RoomFor = (session: Slotted) => { site: string; capacity: number; people: number } | undefined;

const overlaps = (a: Slotted, b: Slotted) => a.date === b.date && a.start < b.end && b.start < a.end;

const sharedGroups = (a: readonly number[], b: readonly number[]): readonly number[] | 'all' => {
  if (a.length === 0 || b.length === 0) return a.length === 0 && b.length === 0 ? 'all' : a.length === 0 ? b : a;
  return a.filter((group) => b.includes(group));
};

// Do the two sessions have people in common?
const meet = (a: readonly number[], b: readonly number[]) => {
  const shared = sharedGroups(a, b);
  return shared === 'all' || shared.length > 0;
};

const samePlace = (a: string, b: string) => a !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

const ref = (s: Slotted) => ({
  id: s.id,
  classId: s.classId,
  className: s.className,
  date: s.date,
  start: s.start,
  end: s.end,
  title: s.title,
});

const conflict = (
  kind: ConflictKind,
  session: Slotted,
  others: readonly Slotted[],
  params: Record<string, string | number>,
): Conflict => ({
  kind,
  severity: conflictSeverity[kind],
  message: message(`schedule.${kind}`, params),
  sessions: [ref(session), ...others.map(ref)],
  accepted: session.accepted.find((accepted) => accepted.kind === kind)?.reason ?? null,
});

const groupsText = (groups: readonly number[] | 'all') =>
  groups === 'all' ? message('schedule.wholeClass') : message('schedule.groupsN', { groups: groups.join(message('text.list')) });

// Everything wrong with one session, given the class's dates and the other sessions that day
// (this class's and every other class's). Pure, so that the editor can ask before saving.
export const conflictsOf = (
  session: Slotted,
  classDates: ClassDates,
  sameDay: readonly Slotted[],
  travel?: TravelTimes,
  room?: RoomFor,
): Conflict[] => {
  const found: Conflict[] = [];
  if (session.date < classDates.startDate || session.date > classDates.endDate) {
    found.push(
      conflict('outside_class', session, [], { date: session.date, from: classDates.startDate, to: classDates.endDate }),
    );
  }
  for (const other of sameDay) {
    if (other.id !== null && other.id === session.id) continue;
    if (!overlaps(session, other)) continue;
    const times = { date: other.date, start: other.start, end: other.end, other: other.title, otherClass: other.className };
    for (const teacher of session.teachers) {
      if (other.teachers.some((t) => t.id === teacher.id))
        found.push(conflict('teacher_busy', session, [other], { ...times, teacher: teacher.name }));
    }
    if (samePlace(session.place, other.place))
      found.push(conflict('place_busy', session, [other], { ...times, place: session.place }));
    if (other.classId === session.classId) {
      if (meet(session.groups, other.groups)) {
        found.push(
          conflict('group_overlap', session, [other], {
            other: other.title,
            groups: groupsText(sharedGroups(session.groups, other.groups)),
          }),
        );
      }
    }
  }
  // Getting there: the same people's previous session that day, somewhere else, too close.
  if (travel && session.place) {
    const before = sameDay
      .filter(
        (other) =>
          other.classId === session.classId &&
          other.id !== session.id &&
          other.end <= session.start &&
          other.place !== '' &&
          !samePlace(other.place, session.place) &&
          meet(session.groups, other.groups),
      )
      .sort((a, b) => (a.end < b.end ? 1 : -1))[0];
    const needed = before ? travel(before, session) : undefined;
    if (before && needed !== undefined) {
      const gap = minutesOf(session.start) - minutesOf(before.end);
      if (gap < needed)
        found.push(conflict('travel_time', session, [before], { from: before.place, to: session.place, needed, gap }));
    }
  }
  // More people than the point holds at once.
  const fits = room?.(session);
  if (fits && fits.people > fits.capacity)
    found.push(conflict('over_capacity', session, [], { place: fits.site, people: fits.people, capacity: fits.capacity }));
  if (session.teachers.length === 0) found.push(conflict('no_teacher', session, [], {}));
  if (session.place === '') found.push(conflict('no_place', session, [], {}));
  return found;
};

// Sessions by date, so that a check only ever compares a session with its own day.
export const byDate = (sessions: readonly Slotted[]): Map<string, Slotted[]> => {
  const index = new Map<string, Slotted[]>();
  for (const session of sessions) {
    const day = index.get(session.date);
    if (day) day.push(session);
    else index.set(session.date, [session]);
  }
  return index;
};

// Which conflicts stop a save: every error, and every warning nobody has given a reason for.
export const blocking = (conflicts: readonly Conflict[]) => ({
  errors: conflicts.filter((c) => c.severity === 'error'),
  unaccepted: conflicts.filter((c) => c.severity === 'warning' && c.accepted === null),
});
