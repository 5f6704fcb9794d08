import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { Staff, StaffDetail, StaffFields, TeamMember } from '../../../shared/staff/schemas';
import { decodeReadings, encodeReadings, readingsOf } from '../../../shared/text/pinyin';
import { searchItems } from '../../../shared/text/search';
import { compareStroke } from '../../../shared/text/collation';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';

type StaffRow = {
  id: number;
  name: string;
  roles: string;
  organisation: string;
  title: string;
  phone: string;
  expertise: string;
  notes: string;
  external: number;
  name_readings: string;
  session_count: number;
};

const parseRoles = jsonColumn(z.array(z.string()), []);

const toStaff = (row: StaffRow): Staff => ({
  id: row.id,
  name: row.name,
  roles: parseRoles(row.roles),
  organisation: row.organisation,
  title: row.title,
  phone: row.phone,
  expertise: row.expertise,
  notes: row.notes,
  external: row.external === 1,
  sessionCount: row.session_count,
});

const staffRow = (core: Core, id: number): StaffRow => {
  const row = statement<[number], StaffRow>(
    core.db,
    'SELECT s.*, (SELECT count(*) FROM session_teachers st WHERE st.staff_id = s.id) AS session_count FROM staff s WHERE s.id = ?',
  ).get(id);
  if (!row) throw new AppError('NOT_FOUND', message('staff.notFound'), { id });
  return row;
};

// Teachers and advisers are few (dozens, a few hundred over years): searched in memory, with pinyin.
export const listStaff = (core: Core, search: string | undefined): { items: Staff[]; approximate: boolean } => {
  const rows = statement<[], StaffRow>(
    core.db,
    'SELECT s.*, (SELECT count(*) FROM session_teachers st WHERE st.staff_id = s.id) AS session_count FROM staff s',
  ).all();
  const found = searchItems(
    rows,
    (row) => [
      { text: row.name, readings: () => decodeReadings(row.name_readings) },
      { text: row.organisation },
      { text: row.expertise },
      { text: row.roles },
    ],
    search,
  );
  // In stroke order; only what was found is sorted.
  found.items.sort((a, b) => compareStroke(a.name, b.name));
  return { items: found.items.map(toStaff), approximate: found.approximate };
};

export const getStaff = (core: Core, id: number): StaffDetail => {
  const staff = toStaff(staffRow(core, id));
  const teams = statement<[number], { classId: number; className: string; role: string }>(
    core.db,
    `SELECT c.id AS classId, c.name AS className, cs.role FROM class_staff cs JOIN classes c ON c.id = cs.class_id
       WHERE cs.staff_id = ? ORDER BY c.start_date DESC, cs.role`,
  ).all(id);
  const teaching = statement<[number], StaffDetail['teaching'][number]>(
    core.db,
    `SELECT s.id AS sessionId, c.id AS classId, c.name AS className, s.date, s.start_time AS start, s.end_time AS "end", s.title, s.format, s.place
       FROM session_teachers st JOIN sessions s ON s.id = st.session_id JOIN classes c ON c.id = s.class_id
       WHERE st.staff_id = ? ORDER BY s.date DESC, s.start_time DESC`,
  ).all(id);
  return { ...staff, teams, teaching };
};

const params = (fields: StaffFields) => ({
  ...fields,
  roles: JSON.stringify(fields.roles),
  external: fields.external ? 1 : 0,
  readings: encodeReadings(readingsOf(fields.name)),
});

export const createStaff = (core: Core, fields: StaffFields): StaffDetail => {
  const now = timestamp(core);
  const { lastInsertRowid } = statement(
    core.db,
    `INSERT INTO staff (name, roles, organisation, title, phone, expertise, notes, external, name_readings, created_at, updated_at)
       VALUES (@name, @roles, @organisation, @title, @phone, @expertise, @notes, @external, @readings, @now, @now)`,
  ).run({ ...params(fields), now });
  return getStaff(core, Number(lastInsertRowid));
};

export const updateStaff = (core: Core, id: number, fields: StaffFields): StaffDetail => {
  staffRow(core, id);
  statement(
    core.db,
    `UPDATE staff SET name = @name, roles = @roles, organisation = @organisation, title = @title, phone = @phone,
         expertise = @expertise, notes = @notes, external = @external, name_readings = @readings, updated_at = @now WHERE id = @id`,
  ).run({ ...params(fields), id, now: timestamp(core) });
  return getStaff(core, id);
};

export const teamOf = (core: Core, classId: number): TeamMember[] => {
  getClass(core, classId);
  return statement<[number], TeamMember>(
    core.db,
    `SELECT s.id AS staffId, s.name, cs.role, s.organisation, s.title FROM class_staff cs JOIN staff s ON s.id = cs.staff_id
       WHERE cs.class_id = ? ORDER BY cs.rowid`,
  ).all(classId);
};

// The team is replaced as a whole: the form shows it whole.
export const setTeam = (core: Core, classId: number, members: readonly { staffId: number; role: string }[]): TeamMember[] => {
  assertWritable(getClass(core, classId));
  for (const member of members) staffRow(core, member.staffId);
  statement(core.db, 'DELETE FROM class_staff WHERE class_id = ?').run(classId);
  const insert = statement(core.db, 'INSERT OR IGNORE INTO class_staff (class_id, staff_id, role) VALUES (?, ?, ?)');
  for (const member of members) insert.run(classId, member.staffId, member.role);
  return teamOf(core, classId);
};
