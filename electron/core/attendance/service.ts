import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { Session } from '../../../shared/schedule/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { getSession, listSessions } from '../schedule/rows';
import { type AttendanceStatus } from '../../../shared/attendance/schemas';
import { statement } from '../db/statements';

type Member = { enrolmentId: number; name: string; unit: string; group: number | null; status: string };

const membersOf = (core: Core, classId: number): Member[] =>
  statement<[number], Member>(
    core.db,
    `SELECT e.id AS enrolmentId, t.name, t.unit, e.group_no AS "group", e.status FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
       WHERE e.class_id = ?`,
  )
    .all(classId)
    .sort((a, b) => compareStroke(a.name, b.name));

// Who a session is for: everyone not withdrawn, or only the groups it names.
const attends = (session: Session, member: Member) =>
  member.status !== 'withdrawn' &&
  (session.groups.length === 0 || (member.group !== null && session.groups.includes(member.group)));

type Mark = { enrolment_id: number; status: AttendanceStatus; reason: string };

const marksOf = (core: Core, sessionId: number) =>
  new Map(
    statement<[number], Mark>(core.db, 'SELECT enrolment_id, status, reason FROM attendance WHERE session_id = ?')
      .all(sessionId)
      .map((mark) => [mark.enrolment_id, mark]),
  );

export const sessionAttendance = (core: Core, sessionId: number) => {
  const session = getSession(core, sessionId);
  const marks = marksOf(core, sessionId);
  const rows = membersOf(core, session.classId)
    .filter((member) => attends(session, member))
    .map((member) => ({
      enrolmentId: member.enrolmentId,
      name: member.name,
      unit: member.unit,
      group: member.group,
      status: marks.get(member.enrolmentId)?.status ?? null,
      reason: marks.get(member.enrolmentId)?.reason ?? '',
    }));
  return { session, rows };
};

const upsert = (core: Core) =>
  statement(
    core.db,
    `INSERT INTO attendance (session_id, enrolment_id, status, reason, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id, enrolment_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, updated_at = excluded.updated_at`,
  );

export const recordAttendance = (
  core: Core,
  sessionId: number,
  marks: readonly { enrolmentId: number; status: AttendanceStatus; reason: string }[],
) => {
  const session = getSession(core, sessionId);
  assertWritable(getClass(core, session.classId));
  const members = new Map(membersOf(core, session.classId).map((m) => [m.enrolmentId, m]));
  const write = upsert(core);
  const now = timestamp(core);
  for (const mark of marks) {
    const member = members.get(mark.enrolmentId);
    if (!member) throw new AppError('NOT_FOUND', message('attendance.notEnrolled'), { enrolmentId: mark.enrolmentId });
    if (!attends(session, member))
      throw new AppError('INVALID_INPUT', message('attendance.notAttending', { name: member.name }), {
        enrolmentId: mark.enrolmentId,
      });
    write.run(
      sessionId,
      mark.enrolmentId,
      mark.status,
      mark.status === 'leave' || mark.status === 'absent' ? mark.reason : '',
      now,
    );
  }
  return sessionAttendance(core, sessionId);
};

// The usual first step: everyone present; exceptions (late, leave, absent) are marked after.
export const allPresent = (core: Core, sessionId: number) => {
  const current = sessionAttendance(core, sessionId);
  return recordAttendance(
    core,
    sessionId,
    current.rows
      .filter((row) => row.status === null)
      .map((row) => ({ enrolmentId: row.enrolmentId, status: 'present' as const, reason: '' })),
  );
};

// A leave request covers every session of its days that the trainee attends.
export const applyLeave = (core: Core, input: { enrolmentId: number; from: string; to: string; reason: string }) => {
  if (input.to < input.from)
    throw new AppError('INVALID_INPUT', message('attendance.badRange'), {
      issues: [{ field: 'to', code: 'end_before_start', message: message('attendance.badRange') }],
    });
  const enrolment = statement<[number], { classId: number }>(
    core.db,
    'SELECT class_id AS classId FROM enrolments WHERE id = ?',
  ).get(input.enrolmentId);
  if (!enrolment) throw new AppError('NOT_FOUND', message('attendance.notEnrolled'), { enrolmentId: input.enrolmentId });
  assertWritable(getClass(core, enrolment.classId));
  const member = membersOf(core, enrolment.classId).find((m) => m.enrolmentId === input.enrolmentId);
  if (!member) throw new AppError('NOT_FOUND', message('attendance.notEnrolled'), { enrolmentId: input.enrolmentId });
  const sessions = listSessions(core, enrolment.classId).filter(
    (s) => s.date >= input.from && s.date <= input.to && attends(s, member),
  );
  const write = upsert(core);
  const now = timestamp(core);
  for (const session of sessions) write.run(session.id, input.enrolmentId, 'leave', input.reason, now);
  return {
    sessions: sessions.length,
    summary: message('attendance.leaveApplied', { name: member.name, from: input.from, to: input.to, count: sessions.length }),
  };
};

// A trainee's rate counts the sessions meant for them whose attendance has been taken.
export const attendanceSummary = (core: Core, classId: number) => {
  const sessions = listSessions(core, classId);
  const members = membersOf(core, classId);
  const marks = statement<[number], Mark & { session_id: number }>(
    core.db,
    'SELECT a.session_id, a.enrolment_id, a.status, a.reason FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.class_id = ?',
  ).all(classId);
  const recordedSessions = new Set(marks.map((mark) => mark.session_id));
  const byMember = new Map<number, Mark[]>();
  for (const mark of marks) byMember.set(mark.enrolment_id, [...(byMember.get(mark.enrolment_id) ?? []), mark]);
  const trainees = members
    .filter((m) => m.status !== 'withdrawn')
    .map((member) => {
      const expected = sessions.filter((s) => recordedSessions.has(s.id) && attends(s, member)).length;
      const own = byMember.get(member.enrolmentId) ?? [];
      const count = (status: AttendanceStatus) => own.filter((mark) => mark.status === status).length;
      const present = count('present');
      const late = count('late');
      return {
        enrolmentId: member.enrolmentId,
        name: member.name,
        expected,
        present,
        late,
        leave: count('leave'),
        absent: count('absent'),
        rate: expected > 0 ? (present + late) / expected : null,
      };
    });
  const expected = trainees.reduce((sum, t) => sum + t.expected, 0);
  const attended = trainees.reduce((sum, t) => sum + t.present + t.late, 0);
  return {
    sessions: sessions.length,
    recorded: recordedSessions.size,
    classRate: expected > 0 ? attended / expected : null,
    trainees,
  };
};

export { membersOf, attends };
