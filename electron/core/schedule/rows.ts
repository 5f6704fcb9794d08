import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { type Session, conflictKinds, slotOf } from '../../../shared/schedule/schemas';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import type { Slotted } from './conflict-rules';

// A row of the session_rows view (migration 6): the session, its class's name, its teachers.
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
  site_id: number | null;
  groups: string;
  notes: string;
  accepted: string;
  teachers: string;
};

// The JSON columns, held to what the app writes into them.
export const groupsColumn = jsonColumn(z.array(z.number().int()), []);
export const acceptedColumn = jsonColumn(z.array(z.object({ kind: z.enum(conflictKinds), reason: z.string() })), []);
const teachersColumn = jsonColumn(z.array(z.object({ id: z.number().int(), name: z.string() })), []);

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
  teachers: teachersColumn(row.teachers),
  place: row.place,
  siteId: row.site_id,
  groups: groupsColumn(row.groups),
  notes: row.notes,
  accepted: acceptedColumn(row.accepted),
});

// A session as the conflict rules see it.
export const toSlotted = (session: Session, className: string): Slotted => ({
  id: session.id,
  classId: session.classId,
  className,
  date: session.date,
  start: session.start,
  end: session.end,
  title: session.title,
  teachers: session.teachers,
  place: session.place,
  siteId: session.siteId,
  groups: session.groups,
  accepted: session.accepted,
});

export const listSessions = (core: Core, classId: number): Session[] => {
  getClass(core, classId);
  return statement<[number], SessionRow>(core.db, 'SELECT * FROM session_rows WHERE class_id = ? ORDER BY date, start_time, id')
    .all(classId)
    .map(toSession);
};

export const getSession = (core: Core, sessionId: number): Session => {
  const row = statement<[number], SessionRow>(core.db, 'SELECT * FROM session_rows WHERE id = ?').get(sessionId);
  if (!row) throw new AppError('NOT_FOUND', message('schedule.sessionNotFound'), { sessionId });
  return toSession(row);
};
