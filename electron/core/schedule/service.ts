import { addDays, daysBetween } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  type Accepted,
  type Conflict,
  conflictKinds,
  minutesOf,
  type Session,
  type SessionFields,
  sessionFieldsOf,
  slotOf,
} from '../../../shared/schedule/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { getVocab } from '../vocab/service';
import { blocking, byDate, conflictsOf, type Slotted, type TravelTimes } from './conflicts';

type SessionRow = {
  id: number;
  class_id: number;
  class_name: string;
  date: string;
  start_time: string;
  end_time: string;
  title: string;
  module: string;
  format: string;
  place: string;
  groups: string;
  notes: string;
  accepted: string;
  teachers: string;
};

// A session with its class's name and its teachers (in the order they were given), in one row.
const columns = `s.id, s.class_id, c.name AS class_name, s.date, s.start_time, s.end_time, s.title, s.module, s.format, s.place,
  s.groups, s.notes, s.accepted,
  (SELECT json_group_array(json_object('id', t.id, 'name', t.name))
     FROM (SELECT t.id, t.name FROM session_teachers st JOIN staff t ON t.id = st.staff_id WHERE st.session_id = s.id ORDER BY st.rowid) t) AS teachers`;

const jsonArray = (json: string): unknown[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed : [];
};

const acceptedOf = (json: string): Accepted[] =>
  jsonArray(json).flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const kind = conflictKinds.find((k) => k === Reflect.get(item, 'kind'));
    const reason: unknown = Reflect.get(item, 'reason');
    return kind && typeof reason === 'string' ? [{ kind, reason }] : [];
  });

const groupsOf = (json: string): number[] => jsonArray(json).filter((g): g is number => typeof g === 'number');

const teachersFrom = (json: string): { id: number; name: string }[] =>
  jsonArray(json).flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const id: unknown = Reflect.get(item, 'id');
    const name: unknown = Reflect.get(item, 'name');
    return typeof id === 'number' && typeof name === 'string' ? [{ id, name }] : [];
  });

const toSession = (row: SessionRow): Session => ({
  id: row.id,
  classId: row.class_id,
  date: row.date,
  start: row.start_time,
  end: row.end_time,
  slot: slotOf(row.start_time),
  title: row.title,
  module: row.module,
  format: row.format,
  teachers: teachersFrom(row.teachers),
  place: row.place,
  groups: groupsOf(row.groups),
  notes: row.notes,
  accepted: acceptedOf(row.accepted),
});

const toSlotted = (session: Session, className: string): Slotted => ({
  id: session.id,
  classId: session.classId,
  className,
  date: session.date,
  start: session.start,
  end: session.end,
  title: session.title,
  teachers: session.teachers,
  place: session.place,
  groups: session.groups,
  accepted: session.accepted,
});

const rowsWhere = (core: Core, where: string, ...params: (string | number)[]) =>
  core.db
    .prepare<(string | number)[], SessionRow>(
      `SELECT ${columns} FROM sessions s JOIN classes c ON c.id = s.class_id WHERE ${where} ORDER BY s.date, s.start_time, s.id`,
    )
    .all(...params);

const sessionsFrom = (rows: readonly SessionRow[]) => rows.map((row) => ({ session: toSession(row), className: row.class_name }));

export const listSessions = (core: Core, classId: number): Session[] => {
  getClass(core, classId);
  return sessionsFrom(rowsWhere(core, 's.class_id = ?', classId)).map(({ session }) => session);
};

export const getSession = (core: Core, sessionId: number): Session => {
  const found = sessionsFrom(rowsWhere(core, 's.id = ?', sessionId))[0];
  if (!found) throw new AppError('NOT_FOUND', message('schedule.sessionNotFound'), { sessionId });
  return found.session;
};

type Footprint = { date: string; start: string; end: string; place: string; teacherIds: readonly number[] };

// The sessions that could clash with `mine`: this class's own on those days, and any other class's
// that overlaps one of them in time and has its teacher or its place. Three indexed lookups in
// SQLite (by class, by teacher, by place), so fifty classes' timetables are never read in full.
const candidates = (core: Core, classId: number, mine: readonly Footprint[]): Slotted[] => {
  if (mine.length === 0) return [];
  const footprints = JSON.stringify(mine.map((m) => [m.date, m.start, m.end, m.place.trim()]));
  const teaching = JSON.stringify(mine.flatMap((m) => m.teacherIds.map((id) => [m.date, m.start, m.end, id])));
  const rows = core.db
    .prepare<
      { classId: number; mine: string; teaching: string },
      [number, number, string, string, string, string, string, string, string]
    >(
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
       SELECT id, class_id, date, start_time, end_time, title, place, groups, accepted FROM sessions WHERE id IN (SELECT id FROM ids)`,
    )
    .raw()
    .all({ classId, mine: footprints, teaching });
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row[0]));
  const classNames = new Map(core.db.prepare<[], [number, string]>('SELECT id, name FROM classes').raw().all());
  const teachers = new Map<number, { id: number; name: string }[]>();
  const pairs = core.db
    .prepare<[string], [number, number, string]>(
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
  return rows.map(([id, rowClass, date, start, end, title, place, groups, accepted]) => ({
    id,
    classId: rowClass,
    className: classNames.get(rowClass) ?? '',
    date,
    start,
    end,
    title,
    teachers: teachers.get(id) ?? [],
    place,
    groups: groups === '[]' ? [] : groupsOf(groups),
    accepted: accepted === '[]' ? [] : acceptedOf(accepted),
  }));
};

// No teaching points with travel times yet: when sites arrive they answer here.
const travelTimes: TravelTimes = () => undefined;

const teachersById = (core: Core, ids: readonly number[]) => {
  const rows = core.db
    .prepare<[string], { id: number; name: string }>('SELECT id, name FROM staff WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids));
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
  groups: [...fields.groups].sort((a, b) => a - b),
  accepted,
});

export const checkSession = (
  core: Core,
  classId: number,
  sessionId: number | undefined,
  fields: SessionFields,
  accept: readonly Accepted[] = [],
): Conflict[] => {
  const target = getClass(core, classId);
  const previous = sessionId === undefined ? [] : getSession(core, sessionId).accepted;
  // A reason given before stands until the same warning is answered again.
  const accepted = [...accept, ...previous.filter((p) => !accept.some((a) => a.kind === p.kind))];
  const draft = draftOf(core, classId, target.name, sessionId ?? null, fields, accepted);
  return conflictsOf(draft, target, candidates(core, classId, [{ ...fields, teacherIds: fields.teacherIds }]), travelTimes);
};

const refuse = (conflicts: readonly Conflict[]) => {
  const { errors, unaccepted } = blocking(conflicts);
  if (errors.length > 0)
    throw new AppError('CONFLICT', message('schedule.blocked', { count: errors.length, first: errors[0]?.message ?? '' }), {
      conflicts: [...conflicts],
    });
  if (unaccepted.length > 0) {
    throw new AppError(
      'CONFLICT',
      message('schedule.unaccepted', { count: unaccepted.length, first: unaccepted[0]?.message ?? '' }),
      { conflicts: [...conflicts] },
    );
  }
};

const writeTeachers = (core: Core, sessionId: number, teacherIds: readonly number[]) => {
  core.db.prepare('DELETE FROM session_teachers WHERE session_id = ?').run(sessionId);
  const insert = core.db.prepare('INSERT INTO session_teachers (session_id, staff_id) VALUES (?, ?)');
  for (const id of teacherIds) insert.run(sessionId, id);
};

const sessionParams = (fields: SessionFields, accepted: readonly Accepted[]) => ({
  date: fields.date,
  start: fields.start,
  end: fields.end,
  title: fields.title,
  module: fields.module,
  format: fields.format,
  place: fields.place,
  groups: JSON.stringify([...fields.groups].sort((a, b) => a - b)),
  notes: fields.notes,
  accepted: JSON.stringify(accepted),
});

export const saveSession = (
  core: Core,
  input: { classId: number; sessionId?: number | undefined; session: SessionFields; accept: readonly Accepted[] },
): { session: Session; conflicts: Conflict[] } => {
  assertWritable(getClass(core, input.classId));
  if (input.sessionId !== undefined && getSession(core, input.sessionId).classId !== input.classId) {
    throw new AppError('NOT_FOUND', message('schedule.sessionNotFound'), { sessionId: input.sessionId });
  }
  const conflicts = checkSession(core, input.classId, input.sessionId, input.session, input.accept);
  refuse(conflicts);
  // Only the reasons for warnings that still apply are kept.
  const accepted = conflicts.filter((c) => c.accepted !== null).map((c) => ({ kind: c.kind, reason: c.accepted ?? '' }));
  const unique = accepted.filter((a, i) => accepted.findIndex((b) => b.kind === a.kind) === i);
  const now = timestamp(core);
  let sessionId = input.sessionId;
  if (sessionId === undefined) {
    const { lastInsertRowid } = core.db
      .prepare(
        `INSERT INTO sessions (class_id, date, start_time, end_time, title, module, format, place, groups, notes, accepted, created_at, updated_at)
         VALUES (@classId, @date, @start, @end, @title, @module, @format, @place, @groups, @notes, @accepted, @now, @now)`,
      )
      .run({ ...sessionParams(input.session, unique), classId: input.classId, now });
    sessionId = Number(lastInsertRowid);
  } else {
    core.db
      .prepare(
        `UPDATE sessions SET date = @date, start_time = @start, end_time = @end, title = @title, module = @module, format = @format,
           place = @place, groups = @groups, notes = @notes, accepted = @accepted, updated_at = @now WHERE id = @id`,
      )
      .run({ ...sessionParams(input.session, unique), id: sessionId, now });
  }
  writeTeachers(core, sessionId, input.session.teacherIds);
  return { session: getSession(core, sessionId), conflicts };
};

export const removeSession = (core: Core, sessionId: number): { id: number } => {
  const session = getSession(core, sessionId);
  assertWritable(getClass(core, session.classId));
  core.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
  return { id: sessionId };
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
  return own.flatMap((session) =>
    conflictsOf(toSlotted(session, target.name), target, index.get(session.date) ?? [], travelTimes).filter((conflict) => {
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

// Classes repeat every year: the same schedule, moved by the distance between the two start dates.
export const copySchedule = (
  core: Core,
  input: { classId: number; sourceClassId: number; replace: boolean },
): { copied: number; conflicts: Conflict[] } => {
  if (input.classId === input.sourceClassId) throw new AppError('INVALID_INPUT', message('schedule.sameClass'));
  const target = getClass(core, input.classId);
  assertWritable(target);
  const source = getClass(core, input.sourceClassId);
  const shift = daysBetween(source.startDate, target.startDate);
  const sessions = listSessions(core, source.id).map((session) => ({ ...session, date: addDays(session.date, shift) }));
  const outside = sessions.filter((session) => session.date < target.startDate || session.date > target.endDate);
  if (outside.length > 0) {
    throw new AppError(
      'INVALID_STATE',
      message('schedule.outsideOnCopy', { count: outside.length, first: `${outside[0]?.date ?? ''} ${outside[0]?.title ?? ''}` }),
    );
  }
  if (input.replace) core.db.prepare('DELETE FROM sessions WHERE class_id = ?').run(target.id);
  for (const session of sessions) {
    insertSession(core, target.id, sessionFieldsOf(session), session.accepted);
  }
  // The copy lands whole or not at all: a clash with another class's timetable undoes it.
  const conflicts = classConflicts(core, target.id);
  const { errors } = blocking(conflicts);
  if (errors.length > 0)
    throw new AppError('CONFLICT', message('schedule.blockedOnCopy', { count: errors.length, first: errors[0]?.message ?? '' }), {
      conflicts,
    });
  return { copied: sessions.length, conflicts };
};

// A session stored as given: for copies and imports, whose clashes are checked over the whole
// schedule afterwards (classConflicts), within the same transaction.
export const insertSession = (core: Core, classId: number, fields: SessionFields, accepted: readonly Accepted[]) => {
  const now = timestamp(core);
  const { lastInsertRowid } = core.db
    .prepare(
      `INSERT INTO sessions (class_id, date, start_time, end_time, title, module, format, place, groups, notes, accepted, created_at, updated_at)
       VALUES (@classId, @date, @start, @end, @title, @module, @format, @place, @groups, @notes, @accepted, @now, @now)`,
    )
    .run({ ...sessionParams(fields, accepted), classId, now });
  writeTeachers(core, Number(lastInsertRowid), fields.teacherIds);
};

const hoursOf = (session: Session) => (minutesOf(session.end) - minutesOf(session.start)) / 60;

// Hours per teaching module and per format: the five modules at a glance.
export const scheduleBalance = (core: Core, classId: number) => {
  const sessions = listSessions(core, classId);
  const tally = (names: readonly string[], pick: (s: Session) => string) => {
    const all = [...new Set([...names, ...sessions.map(pick).filter(Boolean)])];
    return all.map((name) => {
      const mine = sessions.filter((s) => pick(s) === name);
      return { name, hours: Math.round(mine.reduce((sum, s) => sum + hoursOf(s), 0) * 10) / 10, sessions: mine.length };
    });
  };
  return {
    totalHours: Math.round(sessions.reduce((sum, s) => sum + hoursOf(s), 0) * 10) / 10,
    modules: tally(getVocab(core, 'module'), (s) => s.module),
    formats: tally(getVocab(core, 'format'), (s) => s.format),
  };
};
