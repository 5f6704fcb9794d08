import { addDays, daysBetween } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  type Accepted,
  type Conflict,
  type Session,
  type SessionFields,
  sessionFieldsOf,
} from '../../../shared/schedule/schemas';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { blocking } from './conflict-rules';
import { checkSession, classConflicts } from './conflicts';
import { withPlace } from './place';
import { getSession, listSessions } from './rows';

// Writing sessions: one saved from the form (its clashes checked first), removed, or a whole
// schedule copied or imported (its clashes checked over the whole schedule, in the same transaction).

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
  statement(core.db, 'DELETE FROM session_teachers WHERE session_id = ?').run(sessionId);
  const insert = statement(core.db, 'INSERT INTO session_teachers (session_id, staff_id) VALUES (?, ?)');
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
  siteId: fields.siteId,
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
  const fields = withPlace(core, input.session);
  const conflicts = checkSession(core, input.classId, input.sessionId, fields, input.accept);
  refuse(conflicts);
  // Only the reasons for warnings that still apply are kept.
  const accepted = conflicts.filter((c) => c.accepted !== null).map((c) => ({ kind: c.kind, reason: c.accepted ?? '' }));
  const unique = accepted.filter((a, i) => accepted.findIndex((b) => b.kind === a.kind) === i);
  let sessionId = input.sessionId;
  if (sessionId === undefined) sessionId = insertSession(core, input.classId, fields, unique);
  else {
    statement(
      core.db,
      `UPDATE sessions SET date = @date, start_time = @start, end_time = @end, title = @title, module = @module, format = @format,
         place = @place, site_id = @siteId, groups = @groups, notes = @notes, accepted = @accepted, updated_at = @now WHERE id = @id`,
    ).run({ ...sessionParams(fields, unique), id: sessionId, now: timestamp(core) });
    writeTeachers(core, sessionId, fields.teacherIds);
  }
  return { session: getSession(core, sessionId), conflicts };
};

export const removeSession = (core: Core, sessionId: number): { id: number } => {
  const session = getSession(core, sessionId);
  assertWritable(getClass(core, session.classId));
  statement(core.db, 'DELETE FROM sessions WHERE id = ?').run(sessionId);
  return { id: sessionId };
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
  if (input.replace) statement(core.db, 'DELETE FROM sessions WHERE class_id = ?').run(target.id);
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
export const insertSession = (core: Core, classId: number, given: SessionFields, accepted: readonly Accepted[]): number => {
  const fields = withPlace(core, given);
  const now = timestamp(core);
  const { lastInsertRowid } = statement(
    core.db,
    `INSERT INTO sessions (class_id, date, start_time, end_time, title, module, format, place, site_id, groups, notes, accepted,
         created_at, updated_at)
       VALUES (@classId, @date, @start, @end, @title, @module, @format, @place, @siteId, @groups, @notes, @accepted, @now, @now)`,
  ).run({ ...sessionParams(fields, accepted), classId, now });
  writeTeachers(core, Number(lastInsertRowid), fields.teacherIds);
  return Number(lastInsertRowid);
};
