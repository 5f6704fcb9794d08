import type { Hosts, SoftFigures } from '../../../shared/lodging/schemas';

// Who sleeps in which household, as a pure function of the people and the beds.
//
// Hard rules, never broken: a person gets at most one bed; a household never takes more people than
// it has beds free; a household that hosts men only (or women only) takes no one else, and someone
// with no sex recorded goes only where both are hosted; a locked placement stays. Everyone who can
// be placed under those rules is placed: the beds that take both sexes are shared out first to the
// sex that has too few beds of its own (quotas below), and only what is left over is free for
// anyone. Within that, soft goals decide where each person goes: a group's members together, people
// of one work unit apart, class leaders (班委) apart.

export type Person = { id: number; sex: 'male' | 'female' | null; group: number | null; unit: string; leader: boolean };
export type Room = { id: number; free: number; hosts: Hosts };
export type Fixed = { person: number; room: number };
export type Unplaced = { person: number; reason: 'no_male_bed' | 'no_female_bed' | 'no_sex' };
export type Assignment = { placed: Map<number, number>; unplaced: Unplaced[] };

type Category = 'male' | 'female' | 'unknown';
const categoryOf = (person: Person): Category => person.sex ?? 'unknown';

const takes = (room: Room, category: Category): boolean =>
  room.hosts === 'any' || (category !== 'unknown' && room.hosts === category);

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

export const assignBeds = (people: readonly Person[], rooms: readonly Room[], fixed: readonly Fixed[]): Assignment => {
  const tallies = tallyOf(rooms);
  const byId = new Map(people.map((person) => [person.id, person]));
  const placed = new Map<number, number>();
  for (const { person, room } of fixed) {
    const tally = tallies.get(room);
    const who = byId.get(person);
    if (tally && who) add(tally, who);
    placed.set(person, room);
  }
  const toPlace = people.filter((person) => !placed.has(person.id));

  // Beds by whom they take, and who needs the shared ones.
  const own: Record<Category, number> = { male: 0, female: 0, unknown: 0 };
  let shared = 0;
  for (const room of rooms) {
    const left = tallies.get(room.id)?.left ?? 0;
    if (room.hosts === 'any') shared += left;
    else own[room.hosts] += left;
  }
  const need: Record<Category, number> = { male: 0, female: 0, unknown: 0 };
  for (const person of toPlace) need[categoryOf(person)] += 1;
  // Each sex is guaranteed the shared beds its own beds cannot cover; what no one needs is slack.
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
      if (!tally || tally.left <= 0 || !takes(room, category)) continue;
      if (room.hosts === 'any' && !mayShare) continue;
      let score = 0;
      const together = person.group === null ? 0 : (tally.groups.get(person.group) ?? 0);
      if (together > 0) score += 100;
      score -= 15 * (tally.groups.size - (together > 0 ? 1 : 0));
      if (person.unit !== '') score -= 60 * (tally.units.get(person.unit) ?? 0);
      if (person.leader) score -= 80 * tally.leaders;
      if (room.hosts !== 'any') score += 5;
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
    if (best.hosts === 'any') {
      if (quota[category] > 0) quota[category] -= 1;
      else slack -= 1;
    }
    add(tally, person);
    placed.set(person.id, best.id);
  }
  return { placed, unplaced };
};

// The baseline the bench compares with: each person, in list order, into the first household with
// a free bed that takes them.
export const firstFit = (people: readonly Person[], rooms: readonly Room[]): Assignment => {
  const left = new Map(rooms.map((room) => [room.id, room.free]));
  const placed = new Map<number, number>();
  const unplaced: Unplaced[] = [];
  for (const person of people) {
    const room = rooms.find((r) => (left.get(r.id) ?? 0) > 0 && takes(r, categoryOf(person)));
    if (!room) {
      unplaced.push({ person: person.id, reason: reasonOf[categoryOf(person)] });
      continue;
    }
    left.set(room.id, (left.get(room.id) ?? 0) - 1);
    placed.set(person.id, room.id);
  }
  return { placed, unplaced };
};

// The most people any one placement can house: own beds per sex, then the shared beds for whatever
// each sex has left over (the quotas above reach exactly this).
export const mostPlaceable = (people: readonly Person[], rooms: readonly Room[], fixed: readonly Fixed[]): number => {
  const tallies = tallyOf(rooms);
  const byId = new Map(people.map((person) => [person.id, person]));
  for (const { person, room } of fixed) {
    const tally = tallies.get(room);
    const who = byId.get(person);
    if (tally && who) add(tally, who);
  }
  const fixedIds = new Set(fixed.map((f) => f.person));
  const need: Record<Category, number> = { male: 0, female: 0, unknown: 0 };
  for (const person of people) if (!fixedIds.has(person.id)) need[categoryOf(person)] += 1;
  const own: Record<Category, number> = { male: 0, female: 0, unknown: 0 };
  let shared = 0;
  for (const room of rooms) {
    const left = tallies.get(room.id)?.left ?? 0;
    if (room.hosts === 'any') shared += left;
    else own[room.hosts] += left;
  }
  const direct = Math.min(need.male, own.male) + Math.min(need.female, own.female);
  const over = need.male - Math.min(need.male, own.male) + need.female - Math.min(need.female, own.female) + need.unknown;
  return fixedIds.size + direct + Math.min(shared, over);
};

// How well a placement keeps the soft goals.
export const softFigures = (people: readonly Person[], placed: ReadonlyMap<number, number>): SoftFigures => {
  const byId = new Map(people.map((person) => [person.id, person]));
  const groupRooms = new Map<number, Set<number>>();
  const roomUnits = new Map<number, Map<string, number>>();
  const roomLeaders = new Map<number, number>();
  for (const [personId, room] of placed) {
    const person = byId.get(personId);
    if (!person) continue;
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
  };
};
