import { z } from 'zod';
import { daysBetween } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { type Lodger, singleRoomPattern, type Stay } from '../../../shared/lodging/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { type Core } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';

// A stay's rows as the database holds them (the stay, its people, its placements), read by the CRUD,
// the placement context and the board alike: kept below all three so that none imports another's job.

export type StayRow = {
  id: number;
  class_id: number;
  class_name: string;
  site_id: number;
  site_name: string;
  arrive: string;
  depart: string;
  groups: string;
  notes: string;
};

const parseGroups = jsonColumn(z.array(z.number().int()), []);

export const stayRow = (core: Core, id: number): StayRow => {
  const row = statement<[number], StayRow>(
    core.db,
    `SELECT s.*, c.name AS class_name, p.name AS site_name FROM stays s JOIN classes c ON c.id = s.class_id
       JOIN sites p ON p.id = s.site_id WHERE s.id = ?`,
  ).get(id);
  if (!row) throw new AppError('NOT_FOUND', message('lodging.stayNotFound'));
  return row;
};

// The people of a stay: the class's trainees (those who have not withdrawn), or its chosen groups.
// Who needs a room alone says so in the roster's notes (需单间, 单人间; the class's 备注 or the person's
// own): the office writes it where it already writes diets and health, on the form or in the 组织部's
// list, and anyone reading the roster sees it; it counts at a dormitory or hotel (a household's rooms are not the school's to give).
export const stayPeople = (core: Core, stay: { class_id: number; groups: string }): Lodger[] =>
  statement<[number, string, string], Omit<Lodger, 'locked' | 'single'> & { sex: 'male' | 'female' | null; notes: string }>(
    core.db,
    `SELECT e.id AS enrolmentId, t.id AS traineeId, t.name, t.sex, e.group_no AS "group", t.unit, e.role,
            e.notes || ' ' || t.notes AS notes
       FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
      WHERE e.class_id = ? AND e.status <> 'withdrawn'
        AND (? = '[]' OR e.group_no IN (SELECT value FROM json_each(?)))`,
  )
    .all(stay.class_id, stay.groups, stay.groups)
    .map(({ notes, ...person }) => ({ ...person, single: singleRoomPattern.test(notes), locked: false }))
    .sort((a, b) => (a.group ?? 100) - (b.group ?? 100) || compareStroke(a.name, b.name));

export const placementsOf = (core: Core, stayId: number) =>
  statement<[number], { enrolmentId: number; householdId: number; locked: number }>(
    core.db,
    'SELECT enrolment_id AS enrolmentId, household_id AS householdId, locked FROM placements WHERE stay_id = ?',
  ).all(stayId);

// The board passes the people and placements it already holds, so that they are read once.
export const toStay = (
  core: Core,
  row: StayRow,
  people: readonly Lodger[] = stayPeople(core, row),
  placements: readonly { enrolmentId: number }[] = placementsOf(core, row.id),
): Stay => {
  const placed = new Set(placements.map((p) => p.enrolmentId));
  return {
    id: row.id,
    classId: row.class_id,
    className: row.class_name,
    siteId: row.site_id,
    siteName: row.site_name,
    arrive: row.arrive,
    depart: row.depart,
    nights: daysBetween(row.arrive, row.depart),
    groups: parseGroups(row.groups),
    notes: row.notes,
    people: people.length,
    placed: people.filter((person) => placed.has(person.enrolmentId)).length,
  };
};
