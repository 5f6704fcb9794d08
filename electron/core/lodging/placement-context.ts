import { monthDay } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { type Lodger } from '../../../shared/lodging/schemas';
import { isRoomKind } from '../../../shared/vocab/schemas';
import { type Core } from '../context';
import { statement } from '../db/statements';
import { compareUnits, toHousehold } from './households';
import { nightsOf, occupancyOf } from './occupancy';
import { placementsOf, stayPeople, stayRow } from './stay-rows';

// What every bed of a stay is checked against, built once per command and handed to the checks, the
// placing and the board: it does not change while a command moves this stay's own people.

// Everything a bed is checked against, for one stay: its people, the village's households (those not
// hosting now too, so that the board shows them as such; nobody is placed there), and who sleeps in
// them on the same nights in other stays.
// At a dormitory or hotel (rooms): the rooms kept for staff during this stay, and those another stay
// keeps on some of the same nights (no bed there for this one either).
export const placementContext = (core: Core, stayId: number) => {
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

export type PlacementContext = ReturnType<typeof placementContext>;

export const sexWord = (sex: 'male' | 'female' | null) => (sex ? message(`sex.${sex}`) : '');

// A refusal said of a room (“301 房间”) at a dormitory or hotel, of a household (“马金山”家) elsewhere.
type UnitMessage = 'householdInactive' | 'sexNotHosted' | 'otherSexThere' | 'otherSexOtherStay' | 'full';
export const unitMessage = (context: PlacementContext, key: UnitMessage, params: Record<string, string | number>) =>
  message(context.rooms ? `lodging.room.${key}` : `lodging.${key}`, params);

// Why this person may not sleep in this household on this stay's nights, beside those already there
// in the stay; undefined when they may.
export const refusalOf = (
  context: PlacementContext,
  person: Lodger,
  householdId: number,
  alsoThere: readonly Lodger[],
): string | undefined => {
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
export const checkPlacements = (core: Core, context: PlacementContext, onlyLocked: boolean) => {
  const nameOf = (enrolmentId: number) =>
    statement<[number], string>(core.db, 'SELECT t.name FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.id = ?')
      .pluck()
      .get(enrolmentId) ?? '';
  const byEnrolment = new Map(context.people.map((person) => [person.enrolmentId, person]));
  const there = new Map<number, Lodger[]>();
  for (const placement of placementsOf(core, context.stay.id)) {
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

// Why a room cannot be kept for this stay's staff on its nights: another class's trainees sleep there,
// or another stay keeps it, on some of the same nights (undefined: it can be kept).
export const keptRoomTaken = (context: PlacementContext, householdId: number): string | undefined => {
  const head = context.households.find((h) => h.id === householdId)?.head ?? '';
  const [guest] = context.others.guests(householdId);
  if (guest) return message('lodging.room.reserveOtherStay', { head, stay: guest.stay });
  if (context.keptElsewhere.has(householdId)) return message('lodging.room.reservedElsewhere', { head });
  return undefined;
};

// A stay's rooms kept for staff, checked again after its dates changed.
export const checkReservations = (context: PlacementContext) => {
  for (const householdId of context.reserved.keys()) {
    const taken = keptRoomTaken(context, householdId);
    if (taken !== undefined) throw new AppError('CONFLICT', taken, { householdId });
  }
};
