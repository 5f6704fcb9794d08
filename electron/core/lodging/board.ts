import { message } from '../../../shared/i18n/translate';
import { type Board, type Lodger, type UnplacedReason } from '../../../shared/lodging/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { type Core } from '../context';
import { statement } from '../db/statements';
import { type Person, softFigures } from './assign';
import { type PlacementContext, placementContext } from './placement-context';
import { placementsOf, toStay } from './stay-rows';

// The board the four-togethers tab shows: who sleeps where, who has no bed and why, the soft figures —
// a read model over the placement context, never a write.

export const personOf = (lodger: Lodger): Person => ({
  id: lodger.enrolmentId,
  sex: lodger.sex,
  group: lodger.group,
  unit: lodger.unit,
  leader: lodger.role !== '',
  single: lodger.single,
});

// A command that already holds the stay's placement context passes it; a plain read builds it here.
export const getBoard = (core: Core, stayId: number, context: PlacementContext = placementContext(core, stayId)): Board => {
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
    stay: toStay(core, context.stay, context.people, placements),
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
