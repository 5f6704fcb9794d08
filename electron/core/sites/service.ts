import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type {
  Base,
  BaseFields,
  Point,
  PointDetail,
  PointFields,
  Review,
  ReviewFields,
  Visit,
} from '../../../shared/sites/schemas';
import { reviewAspects } from '../../../shared/sites/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { decodeReadings, encodeReadings, readingsOf } from '../../../shared/text/pinyin';
import { searchItems } from '../../../shared/text/search';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { type Core, timestamp } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';

// Teaching bases and points: the tree the sites page shows, each point's record (visits, reviews,
// travel times), and what the schedule asks of them (capacity, minutes between two places).

type BaseRow = { id: number; name: string; address: string; notes: string; active: number; name_readings: string };

type PointRow = {
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

const pointsSql = `SELECT p.*, b.name AS base_name,
    (SELECT count(*) FROM households h WHERE h.site_id = p.id) AS households,
    (SELECT count(DISTINCT s.class_id || ':' || s.date) FROM sessions s
       WHERE s.site_id = p.id OR (s.site_id IS NULL AND s.place = p.name)) AS visits
  FROM sites p LEFT JOIN site_bases b ON b.id = p.base_id`;

const toPoint = (row: PointRow): Point => ({
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

const notFound = () => new AppError('NOT_FOUND', message('sites.notFound'));

const pointRow = (core: Core, id: number): PointRow => {
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

// Bases in stroke order, each with its points; points without a base under an unnamed one at the end.
export const siteTree = (
  core: Core,
  search: string | undefined,
  includeInactive: boolean,
): { bases: Base[]; approximate: boolean } => {
  const bases = statement<[], BaseRow>(core.db, 'SELECT * FROM site_bases').all();
  const points = statement<[], PointRow>(core.db, pointsSql).all();
  const shown = (active: number) => includeInactive || active === 1;
  const found = searchItems(
    points.filter((point) => shown(point.active)),
    (row) => [
      { text: row.name, readings: () => decodeReadings(row.name_readings) },
      { text: row.base_name ?? '' },
      { text: row.kind },
      { text: row.township },
      { text: row.topics },
    ],
    search,
  );
  const matchingBases = new Set(
    searchItems(bases, (row) => [{ text: row.name, readings: () => decodeReadings(row.name_readings) }], search).items.map(
      (row) => row.id,
    ),
  );
  const searching = search !== undefined && search.trim() !== '';
  const byBase = new Map<number | null, Point[]>();
  for (const row of found.items) {
    const list = byBase.get(row.base_id) ?? [];
    list.push(toPoint(row));
    byBase.set(row.base_id, list);
  }
  // A base found by its own name shows all its points.
  for (const base of bases)
    if (searching && matchingBases.has(base.id) && !byBase.has(base.id))
      byBase.set(base.id, points.filter((point) => point.base_id === base.id && shown(point.active)).map(toPoint));
  const tree: Base[] = bases
    .filter((base) => shown(base.active) && (!searching || byBase.has(base.id)))
    .sort((a, b) => compareStroke(a.name, b.name))
    .map((base) => ({
      id: base.id,
      name: base.name,
      address: base.address,
      notes: base.notes,
      active: base.active === 1,
      points: (byBase.get(base.id) ?? []).sort((a, b) => compareStroke(a.name, b.name)),
    }));
  const loose = byBase.get(null);
  if (loose && loose.length > 0)
    tree.push({
      id: 0,
      name: '',
      address: '',
      notes: '',
      active: true,
      points: loose.sort((a, b) => compareStroke(a.name, b.name)),
    });
  return { bases: tree, approximate: found.approximate };
};

const average = (review: ReviewFields) => reviewAspects.reduce((sum, aspect) => sum + review[aspect], 0) / reviewAspects.length;

type ReviewRow = {
  id: number;
  reviewed_on: string;
  reviewer: string;
  theme: number;
  courses: number;
  facilities: number;
  management: number;
  teaching: number;
  effect: number;
  notes: string;
};

const toReview = (row: ReviewRow): Review => {
  const fields = {
    reviewedOn: row.reviewed_on,
    reviewer: row.reviewer,
    theme: row.theme,
    courses: row.courses,
    facilities: row.facilities,
    management: row.management,
    teaching: row.teaching,
    effect: row.effect,
    notes: row.notes,
  };
  return { id: row.id, ...fields, average: Math.round(average(fields) * 100) / 100 };
};

// Each class's days at the point: its sessions there (by the point, or by the place's name when the
// session was typed before the point existed), and how many of the class went.
const visitsOf = (core: Core, point: PointRow): Visit[] => {
  const rows = statement<
    [number, string],
    { classId: number; className: string; date: string; titles: string; sessions: number; groups: string }
  >(
    core.db,
    `SELECT s.class_id AS classId, c.name AS className, s.date, json_group_array(s.title) AS titles, count(*) AS sessions,
            json_group_array(json(s.groups)) AS groups
       FROM sessions s JOIN classes c ON c.id = s.class_id
      WHERE s.site_id = ? OR (s.site_id IS NULL AND s.place = ?)
      GROUP BY s.class_id, s.date ORDER BY s.date DESC`,
  ).all(point.id, point.name);
  const attendees = statement<[number, string, string], number>(
    core.db,
    `SELECT count(*) FROM enrolments WHERE class_id = ? AND status <> 'withdrawn'
       AND (? = '[]' OR group_no IN (SELECT value FROM json_each(?)))`,
  ).pluck();
  return rows.map((row) => {
    const groupLists = jsonColumn(z.array(z.array(z.number())), [])(row.groups);
    // A day on which any session took the whole class counts the whole class.
    const groups = groupLists.some((list) => list.length === 0) ? [] : [...new Set(groupLists.flat())];
    const list = JSON.stringify(groups);
    return {
      classId: row.classId,
      className: row.className,
      date: row.date,
      sessions: row.sessions,
      titles: jsonColumn(z.array(z.string()), [])(row.titles),
      trainees: attendees.get(row.classId, list, list) ?? 0,
    };
  });
};

const travelOf = (core: Core, id: number) =>
  statement<[number, number, number], { siteId: number; name: string; minutes: number | null }>(
    core.db,
    `SELECT p.id AS siteId, p.name,
       (SELECT t.minutes FROM site_travel t WHERE (t.from_site = ? AND t.to_site = p.id) OR (t.to_site = ? AND t.from_site = p.id)) AS minutes
       FROM sites p WHERE p.id <> ? AND p.active = 1`,
  )
    .all(id, id, id)
    .sort((a, b) => compareStroke(a.name, b.name));

export const getPoint = (core: Core, id: number): PointDetail => {
  const row = pointRow(core, id);
  const guide =
    row.guide_staff_id === null
      ? null
      : (statement<[number], string>(core.db, 'SELECT name FROM staff WHERE id = ?').pluck().get(row.guide_staff_id) ?? null);
  const reviews = statement<[number], ReviewRow>(
    core.db,
    'SELECT * FROM site_reviews WHERE site_id = ? ORDER BY reviewed_on DESC, id DESC',
  )
    .all(id)
    .map(toReview);
  return { ...toPoint(row), guideStaffName: guide, visitHistory: visitsOf(core, row), reviews, travel: travelOf(core, id) };
};

const duplicateName = (field: string, key: 'sites.duplicateBase' | 'sites.duplicatePoint', name: string) =>
  invalidInput([{ ...fieldIssue(field, 'duplicate'), message: message(key, { name }) }]);

const baseRow = (core: Core, id: number): BaseRow => {
  const row = statement<[number], BaseRow>(core.db, 'SELECT * FROM site_bases WHERE id = ?').get(id);
  if (!row) throw new AppError('NOT_FOUND', message('sites.baseNotFound'));
  return row;
};

const toBase = (core: Core, row: BaseRow): Base => ({
  id: row.id,
  name: row.name,
  address: row.address,
  notes: row.notes,
  active: row.active === 1,
  points: statement<[number], PointRow>(core.db, `${pointsSql} WHERE p.base_id = ?`)
    .all(row.id)
    .map(toPoint)
    .sort((a, b) => compareStroke(a.name, b.name)),
});

export const saveBase = (core: Core, id: number | undefined, fields: BaseFields): Base => {
  const clash = statement<[string], number>(core.db, 'SELECT id FROM site_bases WHERE name = ?').pluck().get(fields.name);
  if (clash !== undefined && clash !== id) throw duplicateName('fields.name', 'sites.duplicateBase', fields.name);
  const params = {
    name: fields.name,
    address: fields.address,
    notes: fields.notes,
    active: fields.active ? 1 : 0,
    readings: encodeReadings(readingsOf(fields.name)),
    now: timestamp(core),
  };
  if (id === undefined) {
    const { lastInsertRowid } = statement(
      core.db,
      `INSERT INTO site_bases (name, address, notes, active, name_readings, created_at, updated_at)
         VALUES (@name, @address, @notes, @active, @readings, @now, @now)`,
    ).run(params);
    return toBase(core, baseRow(core, Number(lastInsertRowid)));
  }
  baseRow(core, id);
  statement(
    core.db,
    `UPDATE site_bases SET name = @name, address = @address, notes = @notes, active = @active, name_readings = @readings,
       updated_at = @now WHERE id = @id`,
  ).run({ ...params, id });
  return toBase(core, baseRow(core, id));
};

// A base that holds no teaching point (one that a move to another base emptied) can be removed; one
// that still holds any, hosting or paused, is refused with how many it holds.
export const removeBase = (core: Core, id: number): { removed: boolean } => {
  const base = baseRow(core, id);
  const held = statement<[number], number>(core.db, 'SELECT count(*) FROM sites WHERE base_id = ?').pluck().get(id) ?? 0;
  if (held > 0) throw new AppError('CONFLICT', message('sites.baseNotEmpty', { name: base.name, count: held }));
  statement(core.db, 'DELETE FROM site_bases WHERE id = ?').run(id);
  return { removed: true };
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

export const savePoint = (core: Core, id: number | undefined, fields: PointFields): PointDetail =>
  getPoint(core, writePoint(core, id, fields));

// The row of the matrix for one point: each minute given is stored once for the pair.
export const setTravel = (core: Core, id: number, travel: readonly { siteId: number; minutes: number | null }[]): PointDetail => {
  pointRow(core, id);
  const upsert = statement(
    core.db,
    `INSERT INTO site_travel (from_site, to_site, minutes) VALUES (@from, @to, @minutes)
       ON CONFLICT (from_site, to_site) DO UPDATE SET minutes = excluded.minutes`,
  );
  const clear = statement(core.db, 'DELETE FROM site_travel WHERE from_site = @from AND to_site = @to');
  travel.forEach((entry, index) => {
    if (entry.siteId === id)
      throw invalidInput([
        {
          ...fieldIssue(`travel.${index}.siteId`, 'unknown_value', { value: entry.siteId }),
          message: message('sites.travelToItself'),
        },
      ]);
    const exists = statement<[number], number>(core.db, 'SELECT id FROM sites WHERE id = ?').pluck().get(entry.siteId);
    if (exists === undefined)
      throw invalidInput([
        { ...fieldIssue(`travel.${index}.siteId`, 'unknown_value', { value: entry.siteId }), message: message('sites.notFound') },
      ]);
    const pair = { from: Math.min(id, entry.siteId), to: Math.max(id, entry.siteId) };
    if (entry.minutes === null) clear.run(pair);
    else upsert.run({ ...pair, minutes: entry.minutes });
  });
  return getPoint(core, id);
};

export const addReview = (core: Core, id: number, review: ReviewFields): Review => {
  pointRow(core, id);
  const { lastInsertRowid } = statement(
    core.db,
    `INSERT INTO site_reviews (site_id, reviewed_on, reviewer, theme, courses, facilities, management, teaching, effect, notes, created_at)
       VALUES (@id, @reviewedOn, @reviewer, @theme, @courses, @facilities, @management, @teaching, @effect, @notes, @now)`,
  ).run({ ...review, id, now: timestamp(core) });
  const row = statement<[number], ReviewRow>(core.db, 'SELECT * FROM site_reviews WHERE id = ?').get(Number(lastInsertRowid));
  if (!row) throw notFound();
  return toReview(row);
};

export const removeReview = (core: Core, reviewId: number): { removed: boolean } => {
  const { changes } = statement(core.db, 'DELETE FROM site_reviews WHERE id = ?').run(reviewId);
  if (changes === 0) throw new AppError('NOT_FOUND', message('sites.reviewNotFound'));
  return { removed: true };
};

// For the schedule: minutes between two places, each a point (by id, or by its exact name).
export type PlaceRef = { siteId: number | null; place: string };

export const travelMinutes = (core: Core): ((from: PlaceRef, to: PlaceRef) => number | undefined) => {
  const byName = new Map(statement<[], [string, number]>(core.db, 'SELECT name, id FROM sites').raw().all());
  const minutes = new Map<string, number>();
  for (const [from, to, value] of statement<[], [number, number, number]>(
    core.db,
    'SELECT from_site, to_site, minutes FROM site_travel',
  )
    .raw()
    .all())
    minutes.set(`${from}:${to}`, value);
  const idOf = (ref: PlaceRef) => ref.siteId ?? byName.get(ref.place.trim());
  return (from, to) => {
    const a = idOf(from);
    const b = idOf(to);
    if (a === undefined || b === undefined || a === b) return undefined;
    return minutes.get(`${Math.min(a, b)}:${Math.max(a, b)}`);
  };
};

// For the schedule: a point's capacity, by id or by exact name.
export const capacityOf = (core: Core, ref: PlaceRef): { name: string; capacity: number } | undefined => {
  const row =
    ref.siteId !== null
      ? statement<[number], { name: string; capacity: number | null }>(
          core.db,
          'SELECT name, capacity FROM sites WHERE id = ?',
        ).get(ref.siteId)
      : statement<[string], { name: string; capacity: number | null }>(
          core.db,
          'SELECT name, capacity FROM sites WHERE name = ?',
        ).get(ref.place.trim());
  return row && row.capacity !== null ? { name: row.name, capacity: row.capacity } : undefined;
};
