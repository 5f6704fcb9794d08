import type { SoftFigures } from '../../../shared/lodging/schemas';
import {
  type AssignOptions,
  type Assignment,
  type Category,
  categoryOf,
  type Fixed,
  type Person,
  type Room,
  type Takes,
  takes,
  takesOf,
  type Unplaced,
} from './beds';
import { keepCompany, keepTogether } from './company';

// The engine's types live in beds.ts; named here too, so that callers keep one door into the engine.
export type { Alone, AloneReason, AssignOptions, Assignment, Fixed, Person, Room, Unplaced } from './beds';

// Who sleeps in which household, as a pure function of the people and the beds.
//
// Hard rules, never broken: a person gets at most one bed; a household never takes more people than
// it has beds free; a household that hosts men only (or women only) takes no one else; a household
// that hosts men or women ("男女均可") hosts one sex during the stay — whichever its first guest is —
// unless it has rooms apart for them (可分男女房间, `mixed`); someone with no sex recorded goes only
// to such a household; a fixed placement (locked, or kept from an earlier run) stays. Everyone who
// can be placed under those rules is placed: the empty 男女均可 households are shared out between
// men and women so that the most people find a bed (a subset sum: their beds are few), the beds of
// mixed households go first to the sex that has too few beds of its own (quotas below), and only
// what is left over is free for anyone. Within that, soft goals decide where each person goes: a
// group's members together, people of one work unit apart, class leaders (班委) apart.
//
// Guests of other stays (another class) on some of the same nights count for a 男女均可 household's
// sex as this stay's own do (`others`): a household hosting women of another class takes no man.
//
// Nobody alone (company.ts): by default a soft goal (keepCompany); with `together` (the setting 每户至少安排 2 人)
// a hard one (keepTogether): moves of one household's guests are tried until no one is alone, and
// whoever is still alone — nobody of their sex to share with, fixed (locked or kept) where no one can join, or every
// household with company full — is named in `alone` with why, not left so silently.

const reasonOf: Record<Category, Unplaced['reason']> = { male: 'no_male_bed', female: 'no_female_bed', unknown: 'no_sex' };

// What is already in a room, kept up to date as people are placed.
type Tally = { left: number; groups: Map<number, number>; units: Map<string, number>; leaders: number };

const tallyOf = (rooms: readonly Room[]): Map<number, Tally> =>
  new Map(rooms.map((room) => [room.id, { left: Math.max(0, room.free), groups: new Map(), units: new Map(), leaders: 0 }]));

const add = (tally: Tally, person: Person) => {
  tally.left -= 1;
  if (person.group !== null) tally.groups.set(person.group, (tally.groups.get(person.group) ?? 0) + 1);
  if (person.unit !== '') tally.units.set(person.unit, (tally.units.get(person.unit) ?? 0) + 1);
  if (person.leader) tally.leaders += 1;
};

// The beds as the fixed placements leave them, and who may still have which: each room's tally and
// whom it takes, the people still to place by category, and how the empty 男女均可 households are best
// split between men and women.
type Plan = {
  tallies: Map<number, Tally>;
  roomTakes: Map<number, Takes>;
  toPlace: Person[];
  need: Record<Category, number>;
  own: Record<Category, number>;
  shared: number;
  most: number;
};

const planOf = (people: readonly Person[], rooms: readonly Room[], fixed: readonly Fixed[]): Plan => {
  const tallies = tallyOf(rooms);
  const byId = new Map(people.map((person) => [person.id, person]));
  const fixedIds = new Set<number>();
  const guests = new Map<number, Category[]>();
  for (const { person, room } of fixed) {
    const tally = tallies.get(room);
    const who = byId.get(person);
    if (tally && who) {
      add(tally, who);
      guests.set(room, [...(guests.get(room) ?? []), categoryOf(who)]);
    }
    fixedIds.add(person);
  }
  const toPlace = people.filter((person) => !fixedIds.has(person.id));
  const need: Record<Category, number> = { male: 0, female: 0, unknown: 0 };
  for (const person of toPlace) need[categoryOf(person)] += 1;
  const roomTakes = new Map(rooms.map((room) => [room.id, takesOf(room, guests.get(room.id) ?? [])]));
  const own: Record<Category, number> = { male: 0, female: 0, unknown: 0 };
  let shared = 0;
  const open: Room[] = [];
  for (const room of rooms) {
    const left = tallies.get(room.id)?.left ?? 0;
    const kind = roomTakes.get(room.id);
    if (left <= 0) continue;
    if (kind === 'anyone') shared += left;
    else if (kind === 'male' || kind === 'female') own[kind] += left;
    else if (kind === 'open') open.push(room);
  }
  // Which sums of the open households' beds can go to men (the rest go to women), and through which
  // households: a subset sum over at most a few hundred beds.
  const total = open.reduce((sum, room) => sum + (tallies.get(room.id)?.left ?? 0), 0);
  const via = new Array<number>(total + 1).fill(-2); // -2 unreachable, -1 the empty set, else the last room's index
  via[0] = -1;
  open.forEach((room, index) => {
    const beds = tallies.get(room.id)?.left ?? 0;
    for (let sum = total; sum >= beds; sum -= 1)
      if ((via[sum] ?? -2) === -2 && (via[sum - beds] ?? -2) !== -2 && (via[sum - beds] ?? -2) < index) via[sum] = index;
  });
  const placedWith = (men: number) => {
    const m = Math.min(need.male, own.male + men);
    const f = Math.min(need.female, own.female + total - men);
    return m + f + Math.min(shared, need.male - m + need.female - f + need.unknown);
  };
  // The most people; among equals, the split that leaves men and women alike a few beds to spare.
  let best = 0;
  let bestScore = -Infinity;
  for (let men = 0; men <= total; men += 1) {
    if ((via[men] ?? -2) === -2) continue;
    const spare = Math.min(own.male + men - need.male, own.female + total - men - need.female);
    const score = placedWith(men) * 10_000 + spare;
    if (score > bestScore) {
      best = men;
      bestScore = score;
    }
  }
  const most = fixedIds.size + placedWith(best);
  const forMen = new Set<number>();
  for (let sum = best; sum > 0;) {
    const index = via[sum] ?? -1;
    const room = open[index];
    if (!room) break;
    forMen.add(room.id);
    sum -= tallies.get(room.id)?.left ?? 0;
  }
  for (const room of open) {
    const sex = forMen.has(room.id) ? 'male' : 'female';
    roomTakes.set(room.id, sex);
    own[sex] += tallies.get(room.id)?.left ?? 0;
  }
  return { tallies, roomTakes, toPlace, need, own, shared, most };
};
// The order people are placed in: the largest group first (its members still have a choice of
// households to share), within it leaders first and then the most common work units, so that those
// who must be spread are spread while there is room to.
const placingOrder = (people: readonly Person[]): Person[] => {
  const groupSize = new Map<number | null, number>();
  const unitSize = new Map<string, number>();
  for (const person of people) {
    groupSize.set(person.group, (groupSize.get(person.group) ?? 0) + 1);
    unitSize.set(person.unit, (unitSize.get(person.unit) ?? 0) + 1);
  }
  return [...people].sort(
    (a, b) =>
      (a.group === null ? 1 : 0) - (b.group === null ? 1 : 0) ||
      (groupSize.get(b.group) ?? 0) - (groupSize.get(a.group) ?? 0) ||
      (a.group ?? 0) - (b.group ?? 0) ||
      Number(b.leader) - Number(a.leader) ||
      (unitSize.get(b.unit) ?? 0) - (unitSize.get(a.unit) ?? 0) ||
      a.id - b.id,
  );
};

// Those needing a room alone first: each fixed one's room is theirs (whoever else is fixed there stays,
// as every fixed placement does); each of the others takes the smallest empty room that takes them —
// a one-bed room before a four-bed one — with no guest of another stay those nights. Their rooms are
// then out of the run: the rest are placed in the others exactly as without them.
export const assignBeds = (
  people: readonly Person[],
  rooms: readonly Room[],
  fixed: readonly Fixed[],
  options: AssignOptions = {},
): Assignment => {
  const open = rooms.filter((room) => room.reserved !== true);
  if (open.length < rooms.length) return assignBeds(people, open, fixed, options);
  const singles = people.filter((person) => person.single === true);
  if (singles.length === 0) return assignShared(people, rooms, fixed, options);
  const fixedRoom = new Map(fixed.map((f) => [f.person, f.room]));
  const taken = new Set<number>();
  for (const person of singles) {
    const room = fixedRoom.get(person.id);
    if (room !== undefined) taken.add(room);
  }
  const occupied = new Set(fixed.map((f) => f.room));
  const placedAlone = new Map<number, number>();
  const unplaced: Unplaced[] = [];
  const bySize = [...rooms].sort((a, b) => a.free - b.free || a.id - b.id);
  for (const person of singles) {
    if (fixedRoom.has(person.id)) continue;
    const category = categoryOf(person);
    const room = bySize.find((r) => {
      if (r.free < 1 || taken.has(r.id) || occupied.has(r.id) || (r.others ?? []).length > 0) return false;
      const kind = takesOf(r, []);
      return kind === 'open' ? category !== 'unknown' : takes(kind, category);
    });
    if (!room) {
      unplaced.push({ person: person.id, reason: 'no_single_room' });
      continue;
    }
    taken.add(room.id);
    placedAlone.set(person.id, room.id);
  }
  const singleIds = new Set(singles.map((person) => person.id));
  const rest = assignShared(
    people.filter((person) => !singleIds.has(person.id)),
    rooms.filter((room) => !taken.has(room.id)),
    fixed.filter((f) => !taken.has(f.room) && !singleIds.has(f.person)),
    options,
  );
  const placed = new Map(rest.placed);
  for (const f of fixed) if (taken.has(f.room) || singleIds.has(f.person)) placed.set(f.person, f.room);
  for (const [person, room] of placedAlone) placed.set(person, room);
  return { placed, unplaced: [...unplaced, ...rest.unplaced], alone: rest.alone };
};

const assignShared = (
  people: readonly Person[],
  rooms: readonly Room[],
  fixed: readonly Fixed[],
  options: AssignOptions,
): Assignment => {
  const { tallies, roomTakes, toPlace, need, own, shared } = planOf(people, rooms, fixed);
  const placed = new Map<number, number>(fixed.map(({ person, room }) => [person, room]));
  // Each sex is guaranteed the mixed households' beds its own beds cannot cover; what no one needs is slack.
  const quota: Record<Category, number> = { male: 0, female: 0, unknown: 0 };
  let rest = shared;
  for (const category of ['male', 'female', 'unknown'] as const) {
    quota[category] = Math.min(rest, Math.max(0, need[category] - own[category]));
    rest -= quota[category];
  }
  let slack = rest;

  const groupLeft = new Map<number | null, number>();
  for (const person of toPlace) groupLeft.set(person.group, (groupLeft.get(person.group) ?? 0) + 1);

  const unplaced: Unplaced[] = [];
  for (const person of placingOrder(toPlace)) {
    const category = categoryOf(person);
    const mayShare = quota[category] > 0 || slack > 0;
    const stillToCome = (groupLeft.get(person.group) ?? 1) - 1;
    let best: Room | undefined;
    let bestScore = -Infinity;
    for (const room of rooms) {
      const tally = tallies.get(room.id);
      const kind = roomTakes.get(room.id) ?? 'closed';
      if (!tally || tally.left <= 0 || !takes(kind, category)) continue;
      if (kind === 'anyone' && !mayShare) continue;
      let score = 0;
      const together = person.group === null ? 0 : (tally.groups.get(person.group) ?? 0);
      if (together > 0) score += 100;
      score -= 15 * (tally.groups.size - (together > 0 ? 1 : 0));
      if (person.unit !== '') score -= 60 * (tally.units.get(person.unit) ?? 0);
      if (person.leader) score -= 80 * tally.leaders;
      if (kind !== 'anyone') score += 5;
      // An empty household: the one whose beds best fit the rest of the group.
      if (tally.groups.size === 0 && person.group !== null) score -= Math.abs(tally.left - 1 - stillToCome) * 0.5;
      if (score > bestScore || (score === bestScore && best !== undefined && room.id < best.id)) {
        best = room;
        bestScore = score;
      }
    }
    groupLeft.set(person.group, stillToCome);
    const tally = best ? tallies.get(best.id) : undefined;
    if (!best || !tally) {
      unplaced.push({ person: person.id, reason: reasonOf[category] });
      continue;
    }
    if (roomTakes.get(best.id) === 'anyone') {
      if (quota[category] > 0) quota[category] -= 1;
      else slack -= 1;
    }
    add(tally, person);
    placed.set(person.id, best.id);
  }
  const fixedIds = new Set(fixed.map((f) => f.person));
  keepCompany(people, rooms, roomTakes, placed, fixedIds);
  const alone = options.together ? keepTogether(people, rooms, placed, fixedIds) : [];
  return { placed, unplaced, alone };
};

// The baseline the bench compares with: each person, in list order, into the first household with
// a free bed that takes them (a 男女均可 household taking the sex of its first guest).
export const firstFit = (people: readonly Person[], rooms: readonly Room[]): Assignment => {
  const left = new Map(rooms.map((room) => [room.id, room.free]));
  const kinds = new Map(rooms.map((room) => [room.id, takesOf(room, [])]));
  const placed = new Map<number, number>();
  const unplaced: Unplaced[] = [];
  for (const person of people) {
    const category = categoryOf(person);
    const room = rooms.find((r) => {
      const kind = kinds.get(r.id) ?? 'closed';
      return (left.get(r.id) ?? 0) > 0 && (takes(kind, category) || (kind === 'open' && category !== 'unknown'));
    });
    if (!room) {
      unplaced.push({ person: person.id, reason: reasonOf[category] });
      continue;
    }
    if (kinds.get(room.id) === 'open' && category !== 'unknown') kinds.set(room.id, category);
    left.set(room.id, (left.get(room.id) ?? 0) - 1);
    placed.set(person.id, room.id);
  }
  return { placed, unplaced, alone: [] };
};

// The most people any one placement can house (the quotas and the split above reach exactly this).
// (Without anyone needing a room alone: their rooms are chosen first, outside this count.)
export const mostPlaceable = (people: readonly Person[], rooms: readonly Room[], fixed: readonly Fixed[]): number =>
  planOf(people, rooms, fixed).most;

// How well a placement keeps the soft goals.
export const softFigures = (people: readonly Person[], placed: ReadonlyMap<number, number>): SoftFigures => {
  const byId = new Map(people.map((person) => [person.id, person]));
  const groupRooms = new Map<number, Set<number>>();
  const roomUnits = new Map<number, Map<string, number>>();
  const roomLeaders = new Map<number, number>();
  const roomSizes = new Map<number, number>();
  for (const [personId, room] of placed) {
    const person = byId.get(personId);
    if (!person) continue;
    roomSizes.set(room, (roomSizes.get(room) ?? 0) + 1);
    if (person.group !== null) groupRooms.set(person.group, (groupRooms.get(person.group) ?? new Set()).add(room));
    if (person.unit !== '') {
      const units = roomUnits.get(room) ?? new Map<string, number>();
      units.set(person.unit, (units.get(person.unit) ?? 0) + 1);
      roomUnits.set(room, units);
    }
    if (person.leader) roomLeaders.set(room, (roomLeaders.get(room) ?? 0) + 1);
  }
  const perGroup = [...groupRooms.values()].map((rooms) => rooms.size);
  return {
    people: people.length,
    placed: [...placed.keys()].filter((id) => byId.has(id)).length,
    householdsUsed: new Set(placed.values()).size,
    groups: perGroup.length,
    householdsPerGroup:
      perGroup.length === 0 ? 0 : Math.round((perGroup.reduce((a, b) => a + b, 0) / perGroup.length) * 100) / 100,
    maxHouseholdsPerGroup: Math.max(0, ...perGroup),
    maxSameUnit: Math.max(0, ...[...roomUnits.values()].flatMap((units) => [...units.values()])),
    maxLeaders: Math.max(0, ...roomLeaders.values()),
    alone: [...roomSizes.values()].filter((size) => size === 1).length,
  };
};
