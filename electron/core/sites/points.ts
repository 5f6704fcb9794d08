import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { Point, PointFields } from '../../../shared/sites/schemas';
import { encodeReadings, readingsOf } from '../../../shared/text/pinyin';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { type Core, timestamp } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import { duplicateName } from './duplicate-name';

// A teaching point's row: read with its counts (households lodged there, class days spent there),
// looked up by name, and written.

export type PointRow = {
  id: number;
  base_id: number | null;
  base_name: string | null;
  name: string;
  kind: string;
  address: string;
  township: string;
  contact_name: string;
  contact_phone: string;
  guide_staff_id: number | null;
  guide_name: string;
  capacity: number | null;
  topics: string;
  modules: string;
  minutes_from_school: number | null;
  notes: string;
  active: number;
  name_readings: string;
  households: number;
  visits: number;
};

const parseModules = jsonColumn(z.array(z.string()), []);

export const pointsSql = `SELECT p.*, b.name AS base_name,
    (SELECT count(*) FROM households h WHERE h.site_id = p.id) AS households,
    (SELECT count(DISTINCT s.class_id || ':' || s.date) FROM sessions s
       WHERE s.site_id = p.id OR (s.site_id IS NULL AND s.place = p.name)) AS visits
  FROM sites p LEFT JOIN site_bases b ON b.id = p.base_id`;

export const toPoint = (row: PointRow): Point => ({
  id: row.id,
  baseId: row.base_id,
  baseName: row.base_name ?? '',
  name: row.name,
  kind: row.kind,
  address: row.address,
  township: row.township,
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  guideStaffId: row.guide_staff_id,
  guideName: row.guide_name,
  capacity: row.capacity,
  topics: row.topics,
  modules: parseModules(row.modules),
  minutesFromSchool: row.minutes_from_school,
  notes: row.notes,
  active: row.active === 1,
  households: row.households,
  visits: row.visits,
});

export const notFound = () => new AppError('NOT_FOUND', message('sites.notFound'));

export const pointRow = (core: Core, id: number): PointRow => {
  const row = statement<[number], PointRow>(core.db, `${pointsSql} WHERE p.id = ?`).get(id);
  if (!row) throw notFound();
  return row;
};

export const getPointRow = (core: Core, id: number): Point => toPoint(pointRow(core, id));

// What a write about a point's households or rooms needs to know of the point: its name, kind and
// address — not its counts, which a row-by-row import of 10,000 rooms would count 10,000 times.
export type PointBasics = Pick<Point, 'id' | 'name' | 'kind' | 'address'>;
export const pointBasics = (core: Core, id: number): PointBasics => {
  const row = statement<[number], PointBasics>(core.db, 'SELECT id, name, kind, address FROM sites WHERE id = ?').get(id);
  if (!row) throw notFound();
  return row;
};

const pointParams = (fields: PointFields) => ({
  baseId: fields.baseId,
  name: fields.name,
  kind: fields.kind,
  address: fields.address,
  township: fields.township,
  contactName: fields.contactName,
  contactPhone: fields.contactPhone,
  guideStaffId: fields.guideStaffId,
  guideName: fields.guideName,
  capacity: fields.capacity,
  topics: fields.topics,
  modules: JSON.stringify(fields.modules),
  minutesFromSchool: fields.minutesFromSchool,
  notes: fields.notes,
  active: fields.active ? 1 : 0,
  readings: encodeReadings(readingsOf(fields.name)),
});

export const pointIdByName = (core: Core, name: string): number | undefined =>
  statement<[string], number>(core.db, 'SELECT id FROM sites WHERE name = ?').pluck().get(name.trim());

// Writes a point (new when id is undefined) and answers its id; the caller has checked the fields.
export const writePoint = (core: Core, id: number | undefined, fields: PointFields): number => {
  const clash = pointIdByName(core, fields.name);
  if (clash !== undefined && clash !== id) throw duplicateName('fields.name', 'sites.duplicatePoint', fields.name);
  if (fields.baseId !== null) {
    const exists = statement<[number], number>(core.db, 'SELECT id FROM site_bases WHERE id = ?').pluck().get(fields.baseId);
    if (exists === undefined)
      throw invalidInput([
        { ...fieldIssue('fields.baseId', 'unknown_value', { value: fields.baseId }), message: message('sites.baseNotFound') },
      ]);
  }
  if (fields.guideStaffId !== null) {
    const exists = statement<[number], number>(core.db, 'SELECT id FROM staff WHERE id = ?').pluck().get(fields.guideStaffId);
    if (exists === undefined)
      throw invalidInput([
        {
          ...fieldIssue('fields.guideStaffId', 'unknown_value', { value: fields.guideStaffId }),
          message: message('staff.notFound'),
        },
      ]);
  }
  const now = timestamp(core);
  if (id === undefined) {
    const { lastInsertRowid } = statement(
      core.db,
      `INSERT INTO sites (base_id, name, kind, address, township, contact_name, contact_phone, guide_staff_id, guide_name,
         capacity, topics, modules, minutes_from_school, notes, active, name_readings, created_at, updated_at)
       VALUES (@baseId, @name, @kind, @address, @township, @contactName, @contactPhone, @guideStaffId, @guideName,
         @capacity, @topics, @modules, @minutesFromSchool, @notes, @active, @readings, @now, @now)`,
    ).run({ ...pointParams(fields), now });
    return Number(lastInsertRowid);
  }
  pointRow(core, id);
  statement(
    core.db,
    `UPDATE sites SET base_id = @baseId, name = @name, kind = @kind, address = @address, township = @township,
       contact_name = @contactName, contact_phone = @contactPhone, guide_staff_id = @guideStaffId, guide_name = @guideName,
       capacity = @capacity, topics = @topics, modules = @modules, minutes_from_school = @minutesFromSchool, notes = @notes,
       active = @active, name_readings = @readings, updated_at = @now WHERE id = @id`,
  ).run({ ...pointParams(fields), id, now });
  return id;
};
