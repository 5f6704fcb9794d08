import { monthDay, todayIso } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { type AloneReason, type AssignResult, type Board, type Lodger } from '../../../shared/lodging/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { record } from '../db/audit-record';
import { assertWritable, getClass } from '../classes/service';
import { type Core } from '../context';
import { statement } from '../db/statements';
import { getSettings } from '../settings/service';
import { assignBeds, type Room } from './assign';
import { getBoard, personOf } from './board';
import { householdRow } from './households';
import { checkPlacements, keptRoomTaken, placementContext, refusalOf, sexWord, unitMessage } from './placement-context';
import { placementsOf, stayRow } from './stay-rows';

// Who sleeps where, decided: the automatic placement (assign.ts's engine) and each move, lock,
// confirmation and kept room by hand — each command builds the stay's placement context once and
// hands it to the checks and the board it answers with.

// Placement by the machine. By default only the people without a bed are placed: every placement
// that still holds under the rules is kept (the office may already have phoned the household); an
// unlocked one that no longer holds (a household since narrowed, men and women placed together before
// the one-sex rule) is placed again. With `rearrange` (全部重新安排, confirmed by the person) everyone
// not locked is placed again from scratch. The locked stay where they are, and must still be allowed
// there. The result names who was moved.
export const assignStay = (core: Core, stayId: number, rearrange = false): AssignResult => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  // Built once: the locked are checked against it, the engine's rooms drawn from it, the board read
  // through it. Nothing this command writes (its own placements) is part of it.
  const context = placementContext(core, stayId);
  checkPlacements(core, context, true);
  const before = placementsOf(core, stayId);
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
  const board = getBoard(core, stayId, context);
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
  const context = placementContext(core, stayId);
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
    return getBoard(core, stayId, context);
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
  return getBoard(core, stayId, context);
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

// A room kept for staff during the stay (the 班主任's room: "班主任 王老师"), taken out of the trainees'
// beds, or given back (null). Only a room of the stay's site, and only one nobody of the stay sleeps in:
// those placed there are named, and nothing changes.
export const reserveRoom = (core: Core, stayId: number, householdId: number, reservedFor: string | null): Board => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  const context = placementContext(core, stayId);
  const room = context.households.find((h) => h.id === householdId);
  if (!room)
    throw invalidInput([
      { ...fieldIssue('householdId', 'unknown_value', { value: householdId }), message: message('lodging.notOfVillage') },
    ]);
  if (reservedFor === null) {
    statement(core.db, 'DELETE FROM stay_reservations WHERE stay_id = ? AND household_id = ?').run(stayId, householdId);
    // The kept rooms are part of the context: the board reads it again after this write.
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
