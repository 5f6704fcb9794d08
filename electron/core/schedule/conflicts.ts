import { message } from '../../../shared/i18n/translate';
import type { Accepted, Conflict, SessionFields } from '../../../shared/schedule/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { capacityOf, travelMinutes } from '../sites/places';
import { withPlace } from './place';
import { byDate, conflictsOf, type RoomFor, type Slotted } from './conflict-rules';
import { acceptedColumn, getSession, groupsColumn, listSessions, toSlotted } from './rows';

// Finding the sessions a schedule could clash with, in SQL, and holding them to the rules
// (conflict-rules.ts).

type Footprint = { date: string; start: string; end: string; place: string; teacherIds: readonly number[] };

// The sessions that could clash with `mine`: this class's own on those days, and any other class's
// that overlaps one of them in time and has its teacher or its place. Three indexed lookups in
// SQLite (by class, by teacher, by place), so fifty classes' timetables are never read in full.
const candidates = (core: Core, classId: number, mine: readonly Footprint[]): Slotted[] => {
  if (mine.length === 0) return [];
  const footprints = JSON.stringify(mine.map((m) => [m.date, m.start, m.end, m.place.trim()]));
  const teaching = JSON.stringify(mine.flatMap((m) => m.teacherIds.map((id) => [m.date, m.start, m.end, id])));
  const rows = statement<
    { classId: number; mine: string; teaching: string },
    [number, number, string, string, string, string, string, number | null, string, string]
  >(
    core.db,
    `WITH mine AS MATERIALIZED (
         SELECT value ->> 0 AS date, value ->> 1 AS start, value ->> 2 AS "end", value ->> 3 AS place FROM json_each(@mine)),
       teaching AS MATERIALIZED (
         SELECT value ->> 0 AS date, value ->> 1 AS start, value ->> 2 AS "end", value ->> 3 AS staff FROM json_each(@teaching)),
       ids AS (
         SELECT s.id FROM sessions s WHERE s.class_id = @classId AND s.date IN (SELECT date FROM mine)
         UNION
         SELECT s.id FROM teaching m JOIN session_teachers st ON st.staff_id = m.staff JOIN sessions s ON s.id = st.session_id
         WHERE s.date = m.date AND s.start_time < m."end" AND m.start < s.end_time
         UNION
         SELECT s.id FROM mine m JOIN sessions s ON s.date = m.date AND s.place = m.place
         WHERE m.place <> '' AND s.start_time < m."end" AND m.start < s.end_time)
       SELECT id, class_id, date, start_time, end_time, title, place, site_id, groups, accepted FROM sessions WHERE id IN (SELECT id FROM ids)`,
  )
    .raw()
    .all({ classId, mine: footprints, teaching });
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row[0]));
  const classNames = new Map(statement<[], [number, string]>(core.db, 'SELECT id, name FROM classes').raw().all());
  const teachers = new Map<number, { id: number; name: string }[]>();
  const pairs = statement<[string], [number, number, string]>(
    core.db,
    `SELECT st.session_id, t.id, t.name FROM session_teachers st JOIN staff t ON t.id = st.staff_id
       WHERE st.session_id IN (SELECT value FROM json_each(?)) ORDER BY st.rowid`,
  )
    .raw()
    .all(ids);
  for (const [sessionId, id, name] of pairs) {
    const list = teachers.get(sessionId) ?? [];
    list.push({ id, name });
    teachers.set(sessionId, list);
  }
  return rows.map(([id, rowClass, date, start, end, title, place, siteId, groups, accepted]) => ({
    id,
    classId: rowClass,
    className: classNames.get(rowClass) ?? '',
    date,
    start,
    end,
    title,
    teachers: teachers.get(id) ?? [],
    place,
    siteId,
    groups: groups === '[]' ? [] : groupsColumn(groups),
    accepted: accepted === '[]' ? [] : acceptedColumn(accepted),
  }));
};

// The people a session brings: the class's trainees (not withdrawn), or those of its groups.
const roomFor = (core: Core): RoomFor => {
  const people = statement<[number, string, string], number>(
    core.db,
    `SELECT count(*) FROM enrolments WHERE class_id = ? AND status <> 'withdrawn'
       AND (? = '[]' OR group_no IN (SELECT value FROM json_each(?)))`,
  ).pluck();
  return (session) => {
    const point = capacityOf(core, session);
    if (!point) return undefined;
    const groups = JSON.stringify(session.groups);
    return { site: point.name, capacity: point.capacity, people: people.get(session.classId, groups, groups) ?? 0 };
  };
};

const teachersById = (core: Core, ids: readonly number[]) => {
  const rows = statement<[string], { id: number; name: string }>(
    core.db,
    'SELECT id, name FROM staff WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids));
  return ids.map((id, index) => {
    const found = rows.find((row) => row.id === id);
    if (!found)
      throw invalidInput([
        {
          ...fieldIssue(`session.teacherIds.${index}`, 'unknown_value', { value: id }),
          message: message('schedule.unknownTeacher', { id }),
        },
      ]);
    return found;
  });
};

const draftOf = (
  core: Core,
  classId: number,
  className: string,
  sessionId: number | null,
  fields: SessionFields,
  accepted: readonly Accepted[],
): Slotted => ({
  id: sessionId,
  classId,
  className,
  date: fields.date,
  start: fields.start,
  end: fields.end,
  title: fields.title,
  teachers: teachersById(core, fields.teacherIds),
  place: fields.place,
  siteId: fields.siteId,
  groups: [...fields.groups].sort((a, b) => a - b),
  accepted,
});

export const checkSession = (
  core: Core,
  classId: number,
  sessionId: number | undefined,
  given: SessionFields,
  accept: readonly Accepted[] = [],
): Conflict[] => {
  const fields = withPlace(core, given);
  const target = getClass(core, classId);
  const previous = sessionId === undefined ? [] : getSession(core, sessionId).accepted;
  // A reason given before stands until the same warning is answered again.
  const accepted = [...accept, ...previous.filter((p) => !accept.some((a) => a.kind === p.kind))];
  const draft = draftOf(core, classId, target.name, sessionId ?? null, fields, accepted);
  return conflictsOf(
    draft,
    target,
    candidates(core, classId, [{ ...fields, teacherIds: fields.teacherIds }]),
    travelMinutes(core),
    roomFor(core),
  );
};

// Every problem of a class's schedule, each once: a clash between two of its own sessions is found
// from both sides and reported once.
export const classConflicts = (core: Core, classId: number): Conflict[] => {
  const target = getClass(core, classId);
  const own = listSessions(core, classId);
  const index = byDate(
    candidates(
      core,
      classId,
      own.map((s) => ({ ...s, teacherIds: s.teachers.map((t) => t.id) })),
    ),
  );
  const seen = new Set<string>();
  const travel = travelMinutes(core);
  const room = roomFor(core);
  return own.flatMap((session) =>
    conflictsOf(toSlotted(session, target.name), target, index.get(session.date) ?? [], travel, room).filter((conflict) => {
      const key = `${conflict.kind}:${conflict.sessions
        .map((s) => s.id ?? 0)
        .sort((a, b) => a - b)
        .join(',')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
};
