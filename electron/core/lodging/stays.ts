import { z } from 'zod';
import { chineseDate, daysBetween, monthDay, todayIso } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  type AloneReason,
  type AssignResult,
  type Board,
  type Lodger,
  singleRoomPattern,
  type Stay,
  type StayFields,
  type UnplacedReason,
} from '../../../shared/lodging/schemas';
import { isRoomKind } from '../../../shared/vocab/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { record } from '../db/audit-record';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import { getSettings } from '../settings/service';
import { assignBeds, type Person, type Room, softFigures } from './assign';
import { compareUnits, householdRow, toHousehold, villageOf } from './households';
import { nightsOf, occupancyOf } from './occupancy';

// A class's stays in a village and who sleeps where: the board the four-togethers tab shows, the
// automatic placement, and each move by hand — every one held to the hard rules (assign.ts).

type StayRow = {
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

const stayRow = (core: Core, id: number): StayRow => {
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

const placementsOf = (core: Core, stayId: number) =>
  statement<[number], { enrolmentId: number; householdId: number; locked: number }>(
    core.db,
    'SELECT enrolment_id AS enrolmentId, household_id AS householdId, locked FROM placements WHERE stay_id = ?',
  ).all(stayId);

const toStay = (core: Core, row: StayRow): Stay => {
  const people = stayPeople(core, row);
  const placed = new Set(placementsOf(core, row.id).map((p) => p.enrolmentId));
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
    checkPlacements(core, id, false);
    checkReservations(core, id);
  }
  return getStay(core, id);
};

export const removeStay = (core: Core, stayId: number): { removed: boolean } => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  statement(core.db, 'DELETE FROM stays WHERE id = ?').run(stayId);
  return { removed: true };
};

// Everything a bed is checked against, for one stay: its people, the village's households (those not
// hosting now too, so that the board shows them as such; nobody is placed there), and who sleeps in
// them on the same nights in other stays.
// At a dormitory or hotel (rooms): the rooms kept for staff during this stay, and those another stay
// keeps on some of the same nights (no bed there for this one either).
const contextOf = (core: Core, stayId: number) => {
  const stay = stayRow(core, stayId);
  const nights = nightsOf(stay.arrive, stay.depart);
  const rooms = isRoomKind(
    statement<[number], string>(core.db, 'SELECT kind FROM sites WHERE id = ?').pluck().get(stay.site_id) ?? '',
  );
  const people = stayPeople(core, stay).map((person) => ({ ...person, single: rooms && person.single }));
  const households = statement<[number], Parameters<typeof toHousehold>[0]>(
    core.db,
    `SELECT h.*, p.name AS site_name FROM households h JOIN sites p ON p.id = h.site_id
      WHERE h.site_id = ?`,
  )
    .all(stay.site_id)
    .map(toHousehold)
    .sort(compareUnits);
  const others = occupancyOf(core, { excludeStay: stayId, arrive: stay.arrive, depart: stay.depart });
  const reservations = statement<[number, string, string], { stay_id: number; household_id: number; note: string }>(
    core.db,
    `SELECT r.stay_id, r.household_id, r.note FROM stay_reservations r JOIN stays s ON s.id = r.stay_id
      WHERE s.site_id = ? AND s.arrive < ? AND ? < s.depart`,
  ).all(stay.site_id, stay.depart, stay.arrive);
  const reserved = new Map(reservations.filter((r) => r.stay_id === stayId).map((r) => [r.household_id, r.note]));
  const keptElsewhere = new Set(reservations.filter((r) => r.stay_id !== stayId).map((r) => r.household_id));
  const free = new Map(
    households.map((h) => [h.id, keptElsewhere.has(h.id) ? 0 : h.beds - (others.busiest(h.id, nights)?.people ?? 0)]),
  );
  return { stay, nights, rooms, people, households, others, free, reserved, keptElsewhere };
};

type Context = ReturnType<typeof contextOf>;

const sexWord = (sex: 'male' | 'female' | null) => (sex ? message(`sex.${sex}`) : '');

// A refusal said of a room (“301 房间”) at a dormitory or hotel, of a household (“马金山”家) elsewhere.
type UnitMessage = 'householdInactive' | 'sexNotHosted' | 'otherSexThere' | 'otherSexOtherStay' | 'full';
const unitMessage = (context: Context, key: UnitMessage, params: Record<string, string | number>) =>
  message(context.rooms ? `lodging.room.${key}` : `lodging.${key}`, params);

// Why this person may not sleep in this household on this stay's nights, beside those already there
// in the stay; undefined when they may.
const refusalOf = (context: Context, person: Lodger, householdId: number, alsoThere: readonly Lodger[]): string | undefined => {
  const household = context.households.find((h) => h.id === householdId);
  if (!household) return message('lodging.householdNotFound');
  if (!household.active) return unitMessage(context, 'householdInactive', { head: household.head });
  const keptFor = context.reserved.get(householdId);
  if (keptFor !== undefined) return message('lodging.room.reserved', { head: household.head, for: keptFor });
  if (context.keptElsewhere.has(householdId)) return message('lodging.room.reservedElsewhere', { head: household.head });
  // 需单间: nobody beside them, of this stay or another.
  const single = alsoThere.find((there) => there.single);
  if (person.single && (alsoThere.length > 0 || context.others.guests(householdId).length > 0))
    return message('lodging.room.needsSingle', { head: household.head, name: person.name });
  if (single) return message('lodging.room.singleThere', { head: household.head, name: person.name, other: single.name });
  const mixed = household.hosts === 'any' && household.mixedRooms;
  if (person.sex === null && !mixed) return message('lodging.noSexRecorded', { name: person.name });
  if (person.sex !== null && household.hosts !== 'any' && household.hosts !== person.sex)
    return unitMessage(context, 'sexNotHosted', {
      head: household.head,
      hosts: message(`lodging.hosts.${household.hosts}`),
      name: person.name,
      sex: sexWord(person.sex),
    });
  const elsewhere = context.others.elsewhere(person.traineeId, context.nights);
  if (elsewhere)
    return message('lodging.twice', {
      name: person.name,
      date: monthDay(
        context.nights.find((night) => elsewhere.arrive <= night && night < elsewhere.depart) ?? context.stay.arrive,
      ),
      other: elsewhere.head,
      stay: elsewhere.stay,
    });
  // 男女均可: men or women, one sex during the stay, unless it has rooms apart (可分男女房间).
  const other = mixed ? undefined : alsoThere.find((there) => there.sex !== person.sex);
  if (other)
    return unitMessage(context, 'otherSexThere', {
      head: household.head,
      name: person.name,
      sex: sexWord(person.sex),
      other: other.name,
      otherSex: other.sex === null ? message('lodging.sexUnknown') : sexWord(other.sex),
    });
  // The same on each night with another stay's guests (another class in the village then): a
  // household's beds are shared across stays (free), and so is the sex it hosts that night.
  const otherStay = mixed ? undefined : context.others.guests(householdId).find((guest) => guest.sex !== person.sex);
  if (otherStay)
    return unitMessage(context, 'otherSexOtherStay', {
      head: household.head,
      date: monthDay(
        context.nights.find((night) => otherStay.arrive <= night && night < otherStay.depart) ?? context.stay.arrive,
      ),
      other: otherStay.name,
      otherSex: otherStay.sex === null ? message('lodging.sexUnknown') : sexWord(otherStay.sex),
      stay: otherStay.stay,
      name: person.name,
      sex: sexWord(person.sex),
    });
  const free = context.free.get(householdId) ?? 0;
  if (alsoThere.length + 1 > free) {
    const busiest = context.others.busiest(householdId, context.nights);
    return unitMessage(context, 'full', {
      head: household.head,
      date: monthDay(busiest?.date ?? context.stay.arrive),
      beds: household.beds,
      people: household.beds - free + alsoThere.length,
    });
  }
  return undefined;
};

// The placements of the stay (or only the locked ones, before a re-run), held to the rules again
// after something they stand on changed; the first that no longer holds is named with its reason.
const checkPlacements = (core: Core, stayId: number, onlyLocked: boolean) => {
  const context = contextOf(core, stayId);
  const nameOf = (enrolmentId: number) =>
    statement<[number], string>(core.db, 'SELECT t.name FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.id = ?')
      .pluck()
      .get(enrolmentId) ?? '';
  const byEnrolment = new Map(context.people.map((person) => [person.enrolmentId, person]));
  const there = new Map<number, Lodger[]>();
  for (const placement of placementsOf(core, stayId)) {
    if (onlyLocked && placement.locked !== 1) continue;
    const person = byEnrolment.get(placement.enrolmentId);
    const reason = person
      ? refusalOf(context, person, placement.householdId, there.get(placement.householdId) ?? [])
      : message('lodging.notInStay');
    if (reason)
      throw new AppError(
        'CONFLICT',
        message(onlyLocked ? 'lodging.lockedBroken' : 'lodging.placementBroken', {
          name: person?.name ?? nameOf(placement.enrolmentId),
          reason,
        }),
        { enrolmentId: placement.enrolmentId },
      );
    if (person) there.set(placement.householdId, [...(there.get(placement.householdId) ?? []), person]);
  }
};

const personOf = (lodger: Lodger): Person => ({
  id: lodger.enrolmentId,
  sex: lodger.sex,
  group: lodger.group,
  unit: lodger.unit,
  leader: lodger.role !== '',
  single: lodger.single,
});

export const getBoard = (core: Core, stayId: number): Board => {
  const context = contextOf(core, stayId);
  const placements = placementsOf(core, stayId);
  const where = new Map(placements.map((p) => [p.enrolmentId, p]));
  const occupants = new Map<number, Lodger[]>();
  const unplacedPeople: Lodger[] = [];
  for (const person of context.people) {
    const placement = where.get(person.enrolmentId);
    if (!placement) {
      unplacedPeople.push(person);
      continue;
    }
    occupants.set(placement.householdId, [
      ...(occupants.get(placement.householdId) ?? []),
      { ...person, locked: placement.locked === 1 },
    ]);
  }
  // Why each of the rest has no bed: placed elsewhere those nights, or no free bed that takes them
  // — or simply not placed yet, when one is free.
  const left = new Map(context.households.map((h) => [h.id, (context.free.get(h.id) ?? 0) - (occupants.get(h.id)?.length ?? 0)]));
  const freeFor = (sex: Lodger['sex']) =>
    context.households
      .filter((h) => {
        if (!h.active || context.reserved.has(h.id)) return false;
        if (h.hosts === 'any' && h.mixedRooms) return true;
        if (sex === null) return false;
        // 男女均可 without rooms apart: for whichever sex it already hosts on these nights, in this
        // stay or another (or either, empty).
        if (h.hosts === 'any')
          return (
            (occupants.get(h.id) ?? []).every((there) => there.sex === sex) &&
            context.others.guests(h.id).every((guest) => guest.sex === sex)
          );
        return h.hosts === sex;
      })
      .reduce((sum, h) => sum + Math.max(0, left.get(h.id) ?? 0), 0);
  const waiting = { male: 0, female: 0, unknown: 0 };
  // Rooms nobody sleeps in (of this stay or another) for those needing one alone.
  const emptyFor = (sex: Lodger['sex']) =>
    context.households.filter(
      (h) =>
        h.active &&
        sex !== null &&
        !context.reserved.has(h.id) &&
        (context.free.get(h.id) ?? 0) > 0 &&
        (occupants.get(h.id) ?? []).length === 0 &&
        context.others.guests(h.id).length === 0 &&
        (h.hosts === 'any' || h.hosts === sex),
    ).length;
  const waitingAlone = { male: 0, female: 0, unknown: 0 };
  const unplaced = unplacedPeople.map((person) => {
    const elsewhere = context.others.elsewhere(person.traineeId, context.nights);
    let reason: UnplacedReason;
    if (elsewhere) reason = 'elsewhere';
    else if (person.single) {
      const key = person.sex ?? 'unknown';
      waitingAlone[key] += 1;
      reason = waitingAlone[key] <= emptyFor(person.sex) ? 'not_run' : 'no_single_room';
    } else {
      const key = person.sex ?? 'unknown';
      waiting[key] += 1;
      reason =
        waiting[key] <= freeFor(person.sex)
          ? 'not_run'
          : person.sex === 'male'
            ? 'no_male_bed'
            : person.sex === 'female'
              ? 'no_female_bed'
              : 'no_sex';
    }
    return { person, reason, elsewhere };
  });
  const missing = (sex: Lodger['sex']) => Math.max(0, waiting[sex ?? 'unknown'] - freeFor(sex));
  const figures = softFigures(context.people.map(personOf), new Map(placements.map((p) => [p.enrolmentId, p.householdId])));
  const confirmed = new Map(
    statement<[number], { household_id: number; confirmed_on: string }>(
      core.db,
      'SELECT household_id, confirmed_on FROM stay_confirmations WHERE stay_id = ?',
    )
      .all(stayId)
      .map((row) => [row.household_id, row.confirmed_on]),
  );
  return {
    stay: toStay(core, context.stay),
    rooms: context.rooms,
    households: context.households.map((household) => ({
      ...household,
      free: context.free.get(household.id) ?? 0,
      confirmedOn: confirmed.get(household.id) ?? null,
      reservedFor: context.reserved.get(household.id) ?? null,
      occupants: (occupants.get(household.id) ?? []).sort(
        (a, b) => (a.group ?? 100) - (b.group ?? 100) || compareStroke(a.name, b.name),
      ),
    })),
    unplaced: unplaced.map(({ person, reason, elsewhere }) => ({
      ...person,
      reason,
      message: message(`lodging.reasonDetail.${reason}`, { missing: missing(person.sex), other: elsewhere?.head ?? '' }),
    })),
    figures,
  };
};

// Placement by the machine. By default only the people without a bed are placed: every placement
// that still holds under the rules is kept (the office may already have phoned the household); an
// unlocked one that no longer holds (a household since narrowed, men and women placed together before
// the one-sex rule) is placed again. With `rearrange` (全部重新安排, confirmed by the person) everyone
// not locked is placed again from scratch. The locked stay where they are, and must still be allowed
// there. The result names who was moved.
export const assignStay = (core: Core, stayId: number, rearrange = false): AssignResult => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  checkPlacements(core, stayId, true);
  const before = placementsOf(core, stayId);
  const context = contextOf(core, stayId);
  const byEnrolment = new Map(context.people.map((person) => [person.enrolmentId, person]));
  const remove = statement(core.db, 'DELETE FROM placements WHERE stay_id = ? AND enrolment_id = ?');
  if (rearrange) statement(core.db, 'DELETE FROM placements WHERE stay_id = ? AND locked = 0').run(stayId);
  else {
    // The locked first (they hold, checked above), then the others in turn against them — in each
    // household the sex most of its guests have first, so that one man among women is the one moved.
    const sexOf = (enrolmentId: number) => byEnrolment.get(enrolmentId)?.sex ?? null;
    const peers = (p: (typeof before)[number]) =>
      before.filter((q) => q.householdId === p.householdId && sexOf(q.enrolmentId) === sexOf(p.enrolmentId)).length;
    const there = new Map<number, Lodger[]>();
    for (const placement of [...before].sort((a, b) => b.locked - a.locked || peers(b) - peers(a))) {
      const person = byEnrolment.get(placement.enrolmentId);
      const holds =
        person !== undefined &&
        (placement.locked === 1 ||
          refusalOf(context, person, placement.householdId, there.get(placement.householdId) ?? []) === undefined);
      if (!holds) {
        remove.run(stayId, placement.enrolmentId);
        continue;
      }
      there.set(placement.householdId, [...(there.get(placement.householdId) ?? []), person]);
    }
  }
  const fixed = placementsOf(core, stayId).map((p) => ({ person: p.enrolmentId, room: p.householdId }));
  const candidates = context.people.filter((person) => !context.others.elsewhere(person.traineeId, context.nights));
  const rooms: Room[] = context.households
    .filter((h) => h.active)
    .map((h) => ({
      id: h.id,
      free: context.free.get(h.id) ?? 0,
      hosts: h.hosts,
      mixed: h.mixedRooms,
      others: context.others.guests(h.id).map((guest) => guest.sex),
      reserved: context.reserved.has(h.id) || context.keptElsewhere.has(h.id),
    }));
  const together = getSettings(core).lodgingTogether;
  const outcome = assignBeds(candidates.map(personOf), rooms, fixed, { together });
  const insert = statement(core.db, 'INSERT INTO placements (stay_id, enrolment_id, household_id, locked) VALUES (?, ?, ?, 0)');
  const fixedIds = new Set(fixed.map((f) => f.person));
  for (const [enrolmentId, householdId] of outcome.placed)
    if (!fixedIds.has(enrolmentId)) insert.run(stayId, enrolmentId, householdId);
  // Who moved: had a bed before and now another one, or none.
  const headOf = new Map(context.households.map((h) => [h.id, h.head]));
  const nameOf = (enrolmentId: number) => byEnrolment.get(enrolmentId)?.name ?? '';
  const had = new Map(before.map((p) => [p.enrolmentId, p.householdId]));
  const now = new Map(placementsOf(core, stayId).map((p) => [p.enrolmentId, p.householdId]));
  const moved = before
    .filter((p) => now.get(p.enrolmentId) !== p.householdId)
    .map((p) => {
      const to = now.get(p.enrolmentId);
      return {
        enrolmentId: p.enrolmentId,
        name: nameOf(p.enrolmentId),
        from: headOf.get(p.householdId) ?? '',
        to: to === undefined ? null : (headOf.get(to) ?? ''),
      };
    })
    .sort((a, b) => compareStroke(a.name, b.name));
  const newlyPlaced = [...now.keys()]
    .filter((enrolmentId) => !had.has(enrolmentId))
    .map(nameOf)
    .sort(compareStroke);
  // With 每户至少安排 2 人 on: whoever is still alone, said plainly with why.
  const lockedIds = new Set(placementsOf(core, stayId).flatMap((p) => (p.locked === 1 ? [p.enrolmentId] : [])));
  const alone = outcome.alone.map(({ person, room, reason: why }) => {
    const lodger = byEnrolment.get(person);
    // Fixed for the engine: locked by hand, or kept from an earlier run (the default re-run moves no one).
    const reason: AloneReason = why === 'fixed' ? (lockedIds.has(person) ? 'locked' : 'kept') : why;
    const name = nameOf(person);
    const head = headOf.get(room) ?? '';
    return {
      enrolmentId: person,
      name,
      head,
      reason,
      message: message(context.rooms ? `lodging.room.aloneReasons.${reason}` : `lodging.aloneReasons.${reason}`, {
        name,
        head,
        sex: sexWord(lodger?.sex ?? null),
      }),
    };
  });
  const board = getBoard(core, stayId);
  record(core, {
    action: 'update',
    entity: 'stays',
    entityId: stayId,
    summary: message(rearrange ? 'lodging.rearranged' : 'lodging.assigned', {
      className: stay.class_name,
      site: stay.site_name,
      arrive: monthDay(stay.arrive),
      depart: monthDay(stay.depart),
      placed: board.figures.placed,
      unplaced: board.unplaced.length,
      added: newlyPlaced.length,
      moved: moved.length === 0 ? message('lodging.movedNone') : moved.map((m) => m.name).join(message('text.list')),
    }),
    after: board.figures,
  });
  return { ...board, newlyPlaced, moved, alone };
};

// A move by hand: into a household (locked there unless said otherwise), or out of the stay.
export const placeInStay = (
  core: Core,
  stayId: number,
  enrolmentId: number,
  householdId: number | null,
  locked: boolean | undefined,
  leaveAlone = false,
): Board => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  const context = contextOf(core, stayId);
  const person = context.people.find((p) => p.enrolmentId === enrolmentId);
  if (!person)
    throw invalidInput([
      { ...fieldIssue('enrolmentId', 'unknown_value', { value: enrolmentId }), message: message('lodging.notInStay') },
    ]);
  // 每户至少安排 2 人 (a hard rule when set): moving someone out of a household of two leaves the
  // other alone — refused, naming them, unless the person confirmed it (details.leftAlone says who, so
  // that the board can ask). Moving into an empty household is how one is filled by hand: allowed.
  const assertNoneLeftAlone = () => {
    const from = placementsOf(core, stayId).find((p) => p.enrolmentId === enrolmentId)?.householdId;
    if (from !== undefined && from !== householdId && !leaveAlone && getSettings(core).lodgingTogether) {
      const left = placementsOf(core, stayId).filter((p) => p.householdId === from && p.enrolmentId !== enrolmentId);
      const other = left.length === 1 ? context.people.find((p) => p.enrolmentId === left[0]?.enrolmentId) : undefined;
      if (other)
        throw new AppError(
          'CONFLICT',
          message(context.rooms ? 'lodging.room.leavesAlone' : 'lodging.leavesAlone', {
            name: person.name,
            head: context.households.find((h) => h.id === from)?.head ?? '',
            other: other.name,
          }),
          { leftAlone: other.enrolmentId },
        );
    }
  };
  if (householdId === null) {
    assertNoneLeftAlone();
    statement(core.db, 'DELETE FROM placements WHERE stay_id = ? AND enrolment_id = ?').run(stayId, enrolmentId);
    return getBoard(core, stayId);
  }
  if (!context.households.some((h) => h.id === householdId)) {
    // Not among this village's households that can take anyone: say why.
    const other = householdRow(core, householdId);
    const reason =
      other.siteId === stay.site_id
        ? message('lodging.householdInactive', { head: other.head })
        : message('lodging.wrongVillage', { head: other.head, site: stay.site_name });
    throw invalidInput([{ ...fieldIssue('householdId', 'unknown_value', { value: householdId }), message: reason }]);
  }
  const byEnrolment = new Map(context.people.map((p) => [p.enrolmentId, p]));
  const alsoThere = placementsOf(core, stayId)
    .filter((p) => p.householdId === householdId && p.enrolmentId !== enrolmentId)
    .flatMap((p) => byEnrolment.get(p.enrolmentId) ?? []);
  const reason = refusalOf(context, person, householdId, alsoThere);
  if (reason) throw invalidInput([{ ...fieldIssue('householdId', 'unknown_value', { value: householdId }), message: reason }]);
  assertNoneLeftAlone();
  statement(
    core.db,
    `INSERT INTO placements (stay_id, enrolment_id, household_id, locked) VALUES (@stayId, @enrolmentId, @householdId, @locked)
       ON CONFLICT (stay_id, enrolment_id) DO UPDATE SET household_id = excluded.household_id, locked = excluded.locked`,
  ).run({ stayId, enrolmentId, householdId, locked: locked === false ? 0 : 1 });
  return getBoard(core, stayId);
};

export const lockInStay = (core: Core, stayId: number, enrolmentId: number, locked: boolean): Board => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  const { changes } = statement(core.db, 'UPDATE placements SET locked = ? WHERE stay_id = ? AND enrolment_id = ?').run(
    locked ? 1 : 0,
    stayId,
    enrolmentId,
  );
  if (changes === 0)
    throw invalidInput([
      { ...fieldIssue('enrolmentId', 'unknown_value', { value: enrolmentId }), message: message('lodging.notInStay') },
    ]);
  return getBoard(core, stayId);
};

// A household has agreed to host this stay (or the agreement is taken back). Only a household of the
// stay's village can be confirmed.
export const confirmHousehold = (core: Core, stayId: number, householdId: number, confirmed: boolean): Board => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  const ofVillage = statement<[number, number], { id: number }>(
    core.db,
    'SELECT id FROM households WHERE id = ? AND site_id = ?',
  ).get(householdId, stay.site_id);
  if (!ofVillage)
    throw invalidInput([
      { ...fieldIssue('householdId', 'unknown_value', { value: householdId }), message: message('lodging.notOfVillage') },
    ]);
  if (confirmed)
    statement(
      core.db,
      'INSERT INTO stay_confirmations (stay_id, household_id, confirmed_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ).run(stayId, householdId, todayIso(core.now()));
  else statement(core.db, 'DELETE FROM stay_confirmations WHERE stay_id = ? AND household_id = ?').run(stayId, householdId);
  return getBoard(core, stayId);
};

export { stayRow };

// A room kept for staff during the stay (the 班主任's room: "班主任 王老师"), taken out of the trainees'
// beds, or given back (null). Only a room of the stay's site, and only one nobody of the stay sleeps in:
// those placed there are named, and nothing changes.
// Why a room cannot be kept for this stay's staff on its nights: another class's trainees sleep there,
// or another stay keeps it, on some of the same nights (undefined: it can be kept).
const keptRoomTaken = (context: Context, householdId: number): string | undefined => {
  const head = context.households.find((h) => h.id === householdId)?.head ?? '';
  const [guest] = context.others.guests(householdId);
  if (guest) return message('lodging.room.reserveOtherStay', { head, stay: guest.stay });
  if (context.keptElsewhere.has(householdId)) return message('lodging.room.reservedElsewhere', { head });
  return undefined;
};

// A stay's rooms kept for staff, checked again after its dates changed.
const checkReservations = (core: Core, stayId: number) => {
  const context = contextOf(core, stayId);
  for (const householdId of context.reserved.keys()) {
    const taken = keptRoomTaken(context, householdId);
    if (taken !== undefined) throw new AppError('CONFLICT', taken, { householdId });
  }
};

export const reserveRoom = (core: Core, stayId: number, householdId: number, reservedFor: string | null): Board => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  const context = contextOf(core, stayId);
  const room = context.households.find((h) => h.id === householdId);
  if (!room)
    throw invalidInput([
      { ...fieldIssue('householdId', 'unknown_value', { value: householdId }), message: message('lodging.notOfVillage') },
    ]);
  if (reservedFor === null) {
    statement(core.db, 'DELETE FROM stay_reservations WHERE stay_id = ? AND household_id = ?').run(stayId, householdId);
    return getBoard(core, stayId);
  }
  const byEnrolment = new Map(context.people.map((p) => [p.enrolmentId, p.name]));
  const there = placementsOf(core, stayId)
    .filter((p) => p.householdId === householdId)
    .map((p) => byEnrolment.get(p.enrolmentId) ?? '');
  if (there.length > 0)
    throw invalidInput([
      {
        ...fieldIssue('householdId', 'unknown_value', { value: householdId }),
        message: message('lodging.room.reserveOccupied', { head: room.head, names: there.join(message('text.list')) }),
      },
    ]);
  // A room out of use (under repair) is no room for staff either.
  const taken = room.active
    ? keptRoomTaken(context, householdId)
    : unitMessage(context, 'householdInactive', { head: room.head });
  if (taken !== undefined)
    throw invalidInput([{ ...fieldIssue('householdId', 'unknown_value', { value: householdId }), message: taken }]);
  statement(
    core.db,
    `INSERT INTO stay_reservations (stay_id, household_id, note) VALUES (?, ?, ?)
       ON CONFLICT (stay_id, household_id) DO UPDATE SET note = excluded.note`,
  ).run(stayId, householdId, reservedFor);
  return getBoard(core, stayId);
};
