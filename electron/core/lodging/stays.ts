import { chineseDate, monthDay } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { type Stay, type StayFields } from '../../../shared/lodging/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { villageOf } from './households';
import { checkPlacements, checkReservations, placementContext } from './placement-context';
import { type StayRow, stayRow, toStay } from './stay-rows';

// A class's stays in a village — saved, changed, removed — each change of dates or groups holding
// the beds and kept rooms already given to the rules again (placement-context.ts).

export const getStay = (core: Core, id: number): Stay => toStay(core, stayRow(core, id));

export const listStays = (core: Core, classId: number): Stay[] => {
  getClass(core, classId);
  return statement<[number], StayRow>(
    core.db,
    `SELECT s.*, c.name AS class_name, p.name AS site_name FROM stays s JOIN classes c ON c.id = s.class_id
       JOIN sites p ON p.id = s.site_id WHERE s.class_id = ? ORDER BY s.arrive, s.id`,
  )
    .all(classId)
    .map((row) => toStay(core, row));
};

const groupsMeet = (a: readonly number[], b: readonly number[]) =>
  a.length === 0 || b.length === 0 || a.some((group) => b.includes(group));

export const saveStay = (core: Core, classId: number, id: number | undefined, fields: StayFields): Stay => {
  const target = getClass(core, classId);
  assertWritable(target);
  villageOf(core, fields.siteId, 'fields.siteId');
  if (fields.arrive < target.startDate || fields.depart > target.endDate)
    throw invalidInput([
      {
        ...fieldIssue(fields.arrive < target.startDate ? 'fields.arrive' : 'fields.depart', 'out_of_range', {
          min: target.startDate,
          max: target.endDate,
        }),
        message: message('lodging.outsideClass', { from: chineseDate(target.startDate), to: chineseDate(target.endDate) }),
      },
    ]);
  const sorted = [...fields.groups].sort((a, b) => a - b);
  // One bed a night for each trainee: two stays of one class on the same nights share no one.
  for (const other of listStays(core, classId)) {
    if (other.id === id) continue;
    if (other.arrive < fields.depart && fields.arrive < other.depart && groupsMeet(other.groups, sorted))
      throw invalidInput([
        {
          ...fieldIssue('fields.arrive', 'out_of_range', { min: other.depart, max: other.arrive }),
          message: message('lodging.stayOverlap', {
            from: monthDay(other.arrive),
            to: monthDay(other.depart),
            site: other.siteName,
          }),
        },
      ]);
  }
  const params = {
    classId,
    siteId: fields.siteId,
    arrive: fields.arrive,
    depart: fields.depart,
    groups: JSON.stringify(sorted),
    notes: fields.notes,
    now: timestamp(core),
  };
  if (id === undefined) {
    const { lastInsertRowid } = statement(
      core.db,
      `INSERT INTO stays (class_id, site_id, arrive, depart, groups, notes, created_at, updated_at)
         VALUES (@classId, @siteId, @arrive, @depart, @groups, @notes, @now, @now)`,
    ).run(params);
    return getStay(core, Number(lastInsertRowid));
  }
  const before = stayRow(core, id);
  if (before.class_id !== classId) throw new AppError('NOT_FOUND', message('lodging.stayNotFound'));
  statement(
    core.db,
    `UPDATE stays SET site_id = @siteId, arrive = @arrive, depart = @depart, groups = @groups, notes = @notes, updated_at = @now
       WHERE id = @id`,
  ).run({ ...params, id });
  // Another village: nobody's bed there is in this one. Other nights or groups: each bed is
  // checked again, and the whole change refused if one no longer holds.
  if (before.site_id !== fields.siteId) {
    statement(core.db, 'DELETE FROM placements WHERE stay_id = ?').run(id);
    statement(core.db, 'DELETE FROM stay_reservations WHERE stay_id = ?').run(id);
  } else {
    // One context for both checks, read after the new dates and groups are written.
    const context = placementContext(core, id);
    checkPlacements(core, context, false);
    checkReservations(context);
  }
  return getStay(core, id);
};

export const removeStay = (core: Core, stayId: number): { removed: boolean } => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  statement(core.db, 'DELETE FROM stays WHERE id = ?').run(stayId);
  return { removed: true };
};
