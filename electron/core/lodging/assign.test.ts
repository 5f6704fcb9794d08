import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignBeds, firstFit, type Fixed, mostPlaceable, type Person, type Room, softFigures } from './assign';

// An oracle that knows nothing of quotas or subset sums: every way of giving the empty 男女均可
// households (those without rooms apart, 可分男女房间) to men or to women — households of equal beds
// are alike, so only how many of each size go to men is tried — and for each, the maximum flow from
// the three kinds of person (men, women, no sex recorded) through the households that take them to
// the beds left. What the assignment places must equal the best of them: no placeable person dropped.
const kinds = ['male', 'female', 'unknown'] as const;
type Kind = (typeof kinds)[number];

const maxFlowWith = (need: readonly number[], rooms: readonly { left: number; takes: readonly Kind[] }[]): number => {
  // Nodes: 0 source, 1..3 kinds, 4..4+R rooms, last sink.
  const size = 4 + rooms.length + 1;
  const sink = size - 1;
  const capacity = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const setCap = (from: number, to: number, value: number) => {
    const row = capacity[from];
    if (row) row[to] = value;
  };
  const cap = (from: number, to: number) => capacity[from]?.[to] ?? 0;
  kinds.forEach((kind, k) => {
    setCap(0, 1 + k, need[k] ?? 0);
    rooms.forEach((room, r) => {
      if (room.takes.includes(kind)) setCap(1 + k, 4 + r, 1_000);
    });
  });
  rooms.forEach((room, r) => setCap(4 + r, sink, room.left));
  let flow = 0;
  for (;;) {
    const parent = new Array<number>(size).fill(-1);
    parent[0] = 0;
    const queue = [0];
    while (queue.length > 0 && (parent[sink] ?? -1) < 0) {
      const node = queue.shift() ?? 0;
      for (let next = 0; next < size; next += 1)
        if ((parent[next] ?? -1) < 0 && cap(node, next) > 0) {
          parent[next] = node;
          queue.push(next);
        }
    }
    if ((parent[sink] ?? -1) < 0) return flow;
    let push = Infinity;
    for (let node = sink; node !== 0; node = parent[node] ?? 0) push = Math.min(push, cap(parent[node] ?? 0, node));
    for (let node = sink; node !== 0; node = parent[node] ?? 0) {
      const from = parent[node] ?? 0;
      setCap(from, node, cap(from, node) - push);
      setCap(node, from, cap(node, from) + push);
    }
    flow += push;
  }
};

const kindOf = (person: Person): Kind => person.sex ?? 'unknown';

const maxPlaced = (people: readonly Person[], rooms: readonly Room[], fixed: readonly Fixed[]): number => {
  const fixedIds = new Set(fixed.map((f) => f.person));
  const need = kinds.map((kind) => people.filter((p) => !fixedIds.has(p.id) && kindOf(p) === kind).length);
  // Guests of other stays on the same nights count as the fixed do.
  const fixedKinds = (room: Room) =>
    new Set<Kind>([
      ...fixed.filter((f) => f.room === room.id).map((f) => kindOf(people.find((p) => p.id === f.person) ?? people[0]!)),
      ...(room.others ?? []).map((sex) => sex ?? 'unknown'),
    ]);
  const settled: { left: number; takes: Kind[] }[] = [];
  const open: number[] = [];
  for (const room of rooms) {
    const left = Math.max(0, room.free - fixed.filter((f) => f.room === room.id).length);
    const there = fixedKinds(room);
    if (room.hosts === 'any' && room.mixed) settled.push({ left, takes: [...kinds] });
    else if (room.hosts !== 'any') settled.push({ left, takes: [...there].every((k) => k === room.hosts) ? [room.hosts] : [] });
    else if (there.size === 0) open.push(left);
    else settled.push({ left, takes: there.size === 1 && !there.has('unknown') ? [...there] : [] });
  }
  const sizes = [...new Set(open)];
  const counts = sizes.map((size) => open.filter((left) => left === size).length);
  let best = 0;
  const tryFrom = (index: number, men: number[]) => {
    if (index === sizes.length) {
      const given = sizes.flatMap((size, i) => [
        ...Array.from({ length: men[i] ?? 0 }, () => ({ left: size, takes: ['male'] as Kind[] })),
        ...Array.from({ length: (counts[i] ?? 0) - (men[i] ?? 0) }, () => ({ left: size, takes: ['female'] as Kind[] })),
      ]);
      best = Math.max(best, maxFlowWith(need, [...settled, ...given]));
      return;
    }
    for (let m = 0; m <= (counts[index] ?? 0); m += 1) tryFrom(index + 1, [...men, m]);
  };
  tryFrom(0, []);
  return best + fixed.length;
};

// The hard rules, checked on the result alone.
const checkRules = (people: readonly Person[], rooms: readonly Room[], placed: ReadonlyMap<number, number>) => {
  const byRoom = new Map<number, Person[]>();
  for (const [personId, roomId] of placed) {
    const person = people.find((p) => p.id === personId);
    if (person) byRoom.set(roomId, [...(byRoom.get(roomId) ?? []), person]);
  }
  for (const room of rooms) {
    const guests = byRoom.get(room.id) ?? [];
    expect(guests.length).toBeLessThanOrEqual(room.free);
    if (room.hosts !== 'any') expect(guests.every((guest) => guest.sex === room.hosts)).toBe(true);
    // One sex per household during the stay, unless it has rooms apart; no one of unknown sex there.
    // Another stay's guests on the same nights count: a household of another class's women takes no man.
    if (!(room.hosts === 'any' && room.mixed)) {
      expect(
        guests.every((guest) => guest.sex !== null),
        `no sex recorded in household ${room.id}`,
      ).toBe(true);
      const sexes = new Set(guests.map((guest) => guest.sex));
      expect(sexes.size, `one sex in household ${room.id}`).toBeLessThanOrEqual(1);
      if (guests.length > 0)
        expect(
          (room.others ?? []).every((sex) => sexes.has(sex)),
          `household ${room.id}: the other stay's guests are of its guests' sex`,
        ).toBe(true);
    }
  }
  return byRoom;
};

// Whether a room holding `there` may take all of `coming` as well, by the rules alone.
const couldJoin = (room: Room, there: readonly Person[], coming: readonly Person[]): boolean => {
  if (there.length + coming.length > room.free) return false;
  if (room.hosts === 'any' && room.mixed) return true;
  const sexes = new Set([...there, ...coming].map((p) => p.sex));
  for (const sex of room.others ?? []) sexes.add(sex);
  if (sexes.has(null) || sexes.size > 1) return false;
  return room.hosts === 'any' || sexes.has(room.hosts) || sexes.size === 0;
};

// Nobody alone as a hard rule (每户至少安排 2 人): for each person still alone, no move of one or two
// households' guests — joining another household, someone of a household of three coming over, a
// household of one or two coming over, or the lone guest and such a household moving together into an
// empty one — could give them company without moving someone fixed or breaking a rule; and each is
// named in `alone` with a reason that fits.
const checkTogether = (
  people: readonly Person[],
  rooms: readonly Room[],
  fixed: readonly Fixed[],
  result: ReturnType<typeof assignBeds>,
) => {
  const fixedIds = new Set(fixed.map((f) => f.person));
  const byRoom = new Map<number, Person[]>();
  for (const [personId, roomId] of result.placed) {
    const person = people.find((p) => p.id === personId);
    if (person) byRoom.set(roomId, [...(byRoom.get(roomId) ?? []), person]);
  }
  const guests = (room: Room) => byRoom.get(room.id) ?? [];
  const lonely: number[] = [];
  for (const room of rooms) {
    const [lone, ...rest] = guests(room);
    if (!lone || rest.length > 0) continue;
    lonely.push(lone.id);
    const free = !fixedIds.has(lone.id);
    const others = rooms.filter((r) => r.id !== room.id);
    const small = others.filter(
      (r) => guests(r).length > 0 && guests(r).length <= 2 && guests(r).every((p) => !fixedIds.has(p.id)),
    );
    const ways = [
      ...(free ? others.filter((r) => guests(r).length > 0 && couldJoin(r, guests(r), [lone])).map((r) => `join ${r.id}`) : []),
      ...others
        .filter((r) => guests(r).length >= 3 && guests(r).some((p) => !fixedIds.has(p.id) && couldJoin(room, [lone], [p])))
        .map((r) => `one from ${r.id}`),
      ...small.filter((r) => couldJoin(room, [lone], guests(r))).map((r) => `all of ${r.id}`),
      ...(free
        ? small.flatMap((r) =>
            others
              .filter((t) => t.id !== r.id && guests(t).length === 0 && couldJoin(t, [], [lone, ...guests(r)]))
              .map((t) => `with ${r.id} into ${t.id}`),
          )
        : []),
    ];
    expect(ways, `person ${lone.id} alone in ${room.id} though a move gives company`).toEqual([]);
    const named = result.alone.find((a) => a.person === lone.id);
    expect(named?.room, `person ${lone.id} alone but not named`).toBe(room.id);
    const peers = people.some((p) => p.id !== lone.id && lone.sex !== null && p.sex === lone.sex);
    expect(named?.reason).toBe(lone.sex !== null && !peers ? 'only_one' : fixedIds.has(lone.id) ? 'fixed' : 'no_company');
  }
  expect(result.alone.map((a) => a.person).sort((a, b) => a - b)).toEqual(lonely.sort((a, b) => a - b));
  return lonely.length;
};

const personArb = fc.record({
  sex: fc.constantFrom<Person['sex']>('male', 'male', 'female', 'female', null),
  group: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null, freq: 5 }),
  unit: fc.constantFrom('', '财政局', '农业农村局', '安石镇政府', '白泉镇政府', '组织部'),
  leader: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
});
const roomArb = fc.record({
  free: fc.integer({ min: 0, max: 5 }),
  hosts: fc.constantFrom<Room['hosts']>('male', 'female', 'any', 'any'),
  mixed: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  // Another class's guests there on some of the same nights (their beds already taken out of free).
  others: fc.oneof(
    { weight: 3, arbitrary: fc.constant<Person['sex'][]>([]) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom<Person['sex']>('male', 'female', null), { minLength: 1, maxLength: 2 }) },
  ),
});

const caseArb = fc
  .record({
    people: fc.array(personArb, { maxLength: 40 }),
    rooms: fc.array(roomArb, { maxLength: 14 }),
    lockShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
    latecomers: fc.array(personArb, { maxLength: 8 }),
  })
  .map(({ people, rooms, lockShare, latecomers }) => {
    const persons: Person[] = people.map((p, i) => ({ ...p, id: i + 1 }));
    const roomList: Room[] = rooms.map((r, i) => ({ ...r, id: 100 + i }));
    // Some people locked where the rules allow them: in a room that takes them, within its beds,
    // and not beside someone of the other sex unless it has rooms apart.
    const used = new Map<number, Person[]>();
    const fixed: Fixed[] = [];
    persons.forEach((person, index) => {
      if (index / Math.max(1, persons.length) >= lockShare) return;
      const room = roomList.find((r) => {
        const there = used.get(r.id) ?? [];
        if (there.length >= r.free) return false;
        if (r.hosts === 'any' && r.mixed) return true;
        if (person.sex === null) return false;
        return (
          (r.hosts === 'any' || r.hosts === person.sex) &&
          there.every((p) => p.sex === person.sex) &&
          (r.others ?? []).every((sex) => sex === person.sex)
        );
      });
      if (!room) return;
      used.set(room.id, [...(used.get(room.id) ?? []), person]);
      fixed.push({ person: person.id, room: room.id });
    });
    const later: Person[] = latecomers.map((p, i) => ({ ...p, id: 1000 + i }));
    return { people: persons, rooms: roomList, fixed, later };
  });

describe('placing trainees in households', () => {
  it('never breaks a hard rule (with nobody alone as one too), never leaves out someone who could have been placed (against an exhaustive oracle), and a re-run keeps every placement', () => {
    const seen = {
      cases: 0,
      someUnplaced: 0,
      someLocked: 0,
      allThreeKinds: 0,
      bothSexesFor男女均可: 0,
      男女均可HostingOneSex: 0,
      mixedRoomsHostingBoth: 0,
      sharedBedsContested: 0,
      full: 0,
      rerunWithPlacedAndNewcomers: 0,
      rerunPlacedNewcomers: 0,
      lonelyLeft: 0,
      togetherGaveCompany: 0,
      togetherNamedAlone: 0,
      togetherOnlyOneOfSex: 0,
      togetherNoCompany: 0,
      otherStaysDecideSex: 0,
    };
    fc.assert(
      fc.property(caseArb, ({ people, rooms, fixed, later }) => {
        seen.cases += 1;
        const { placed, unplaced } = assignBeds(people, rooms, fixed);
        // Locked placements stay.
        for (const { person, room } of fixed) expect(placed.get(person)).toBe(room);
        // Each person once: placed or unplaced, never both, never missing.
        const unplacedIds = unplaced.map((u) => u.person);
        expect(new Set([...placed.keys(), ...unplacedIds]).size).toBe(people.length);
        expect(placed.size + unplacedIds.length).toBe(people.length);
        const byRoom = checkRules(people, rooms, placed);
        // As many as can be placed at all.
        const best = maxPlaced(people, rooms, fixed);
        expect(placed.size).toBe(best);
        expect(mostPlaceable(people, rooms, fixed)).toBe(best);
        // Each reason fits the person's sex.
        for (const u of unplaced) {
          const person = people.find((p) => p.id === u.person);
          expect(u.reason).toBe(person?.sex === 'male' ? 'no_male_bed' : person?.sex === 'female' ? 'no_female_bed' : 'no_sex');
        }

        // Run again with newcomers, keeping every placement of the first run (the default re-run).
        const kept: Fixed[] = [...placed].map(([person, room]) => ({ person, room }));
        const everyone = [...people, ...later];
        const again = assignBeds(everyone, rooms, kept);
        for (const { person, room } of kept) expect(again.placed.get(person)).toBe(room);
        checkRules(everyone, rooms, again.placed);
        expect(again.placed.size).toBe(maxPlaced(everyone, rooms, kept));
        expect(again.placed.size + again.unplaced.length).toBe(everyone.length);

        // Nobody alone where it could be helped: a lone guest (not fixed) has no other occupied
        // household that takes them with a bed free.
        const fixedIds = new Set(fixed.map((f) => f.person));
        const takesKind = (room: Room, person: Person) => {
          const there = byRoom.get(room.id) ?? [];
          if (there.length >= room.free) return false;
          if (room.hosts === 'any' && room.mixed) return true;
          if (person.sex === null) return false;
          return (room.hosts === 'any' || room.hosts === person.sex) && there.every((p) => p.sex === person.sex);
        };
        for (const room of rooms) {
          const there = byRoom.get(room.id) ?? [];
          const lone = there[0];
          if (there.length !== 1 || !lone || fixedIds.has(lone.id)) continue;
          seen.lonelyLeft += 1;
          const company = rooms.filter((r) => r.id !== room.id && (byRoom.get(r.id)?.length ?? 0) > 0 && takesKind(r, lone));
          expect(
            company.map((r) => r.id),
            `person ${lone.id} alone in ${room.id}`,
          ).toEqual([]);
        }
        // The same with nobody alone as a hard rule: every other rule and the count as before, and
        // nobody alone unless no move can help — and then named.
        const together = assignBeds(people, rooms, fixed, { together: true });
        for (const { person, room } of fixed) expect(together.placed.get(person)).toBe(room);
        checkRules(people, rooms, together.placed);
        expect(together.placed.size).toBe(best);
        expect(together.unplaced.map((u) => u.person).sort()).toEqual(unplacedIds.sort());
        const stillAlone = checkTogether(people, rooms, fixed, together);
        if (softFigures(people, placed).alone > stillAlone) seen.togetherGaveCompany += 1;
        if (stillAlone > 0) seen.togetherNamedAlone += 1;
        if (together.alone.some((a) => a.reason === 'only_one')) seen.togetherOnlyOneOfSex += 1;
        if (together.alone.some((a) => a.reason === 'no_company')) seen.togetherNoCompany += 1;
        // Another stay's guests deciding a 男女均可 household's sex.
        if (
          rooms.some((r) => r.hosts === 'any' && !r.mixed && (r.others ?? []).length > 0 && (byRoom.get(r.id)?.length ?? 0) > 0)
        )
          seen.otherStaysDecideSex += 1;
        if (unplaced.length > 0) seen.someUnplaced += 1;
        if (fixed.length > 0) seen.someLocked += 1;
        if (new Set(people.map((p) => p.sex)).size === 3) seen.allThreeKinds += 1;
        const oneSexRooms = rooms.filter((r) => r.hosts === 'any' && !r.mixed && r.free > 0);
        if (oneSexRooms.length > 0 && people.some((p) => p.sex === 'male') && people.some((p) => p.sex === 'female'))
          seen.bothSexesFor男女均可 += 1;
        if (oneSexRooms.some((r) => (byRoom.get(r.id)?.length ?? 0) > 0)) seen.男女均可HostingOneSex += 1;
        if (rooms.some((r) => r.mixed && r.hosts === 'any' && new Set((byRoom.get(r.id) ?? []).map((p) => p.sex)).size > 1))
          seen.mixedRoomsHostingBoth += 1;
        if (unplaced.length === 0 && people.length > 0 && placed.size === rooms.reduce((s, r) => s + r.free, 0)) seen.full += 1;
        // Both sexes overflowing their own beds into the shared ones: where quotas and the split decide.
        const own = (sex: 'male' | 'female') => rooms.filter((r) => r.hosts === sex).reduce((s, r) => s + r.free, 0);
        const count = (sex: 'male' | 'female') => people.filter((p) => p.sex === sex).length;
        if (count('male') > own('male') && count('female') > own('female') && rooms.some((r) => r.hosts === 'any' && r.free > 0))
          seen.sharedBedsContested += 1;
        if (placed.size > 0 && later.length > 0) seen.rerunWithPlacedAndNewcomers += 1;
        if (later.some((p) => again.placed.has(p.id)) && placed.size > 0) seen.rerunPlacedNewcomers += 1;
      }),
      { numRuns: 600, seed: Number(process.env['CADRE_ASSIGN_SEED'] ?? 20191111) },
    );
    console.log(`bed assignment, what the generated cases exercised: ${JSON.stringify(seen)}`);
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
  });

  it("王芳 locked in 马金山's 男女均可 household: a re-run adds no man there, and moves no one already placed", () => {
    const people: Person[] = [
      { id: 1, sex: 'female', group: 1, unit: '财政局', leader: false }, // 王芳
      { id: 2, sex: 'female', group: 1, unit: '组织部', leader: false }, // 司马云
      { id: 3, sex: 'male', group: 1, unit: '农业农村局', leader: false }, // 曾庆华
      { id: 4, sex: 'male', group: 1, unit: '安石镇政府', leader: false }, // 解文博
      { id: 5, sex: 'male', group: 1, unit: '白泉镇政府', leader: true }, // 郭亮
    ];
    const rooms: Room[] = [
      { id: 100, free: 4, hosts: 'any', mixed: false }, // 马金山
      { id: 101, free: 4, hosts: 'any', mixed: false }, // 王德福
    ];
    const first = assignBeds(people, rooms, [{ person: 1, room: 100 }]);
    const inMa = [...first.placed].filter(([, room]) => room === 100).map(([person]) => person);
    expect(inMa.every((person) => people.find((p) => p.id === person)?.sex === 'female')).toBe(true);
    expect(first.placed.size).toBe(5);
    // Re-run, keeping everyone where they are, with one more man: not into 马金山's.
    const kept = [...first.placed].map(([person, room]) => ({ person, room }));
    const again = assignBeds([...people, { id: 6, sex: 'male', group: 1, unit: '', leader: false }], rooms, kept);
    expect(again.placed.get(6)).toBe(101);
    for (const { person, room } of kept) expect(again.placed.get(person)).toBe(room);
  });

  it('keeps a group together and spreads a work unit and the leaders, better than first-fit', () => {
    // 48 trainees in 6 groups, 5 units in turn, one leader a group; 16 households of 3–4 beds.
    const people: Person[] = Array.from({ length: 48 }, (_, i) => ({
      id: i + 1,
      sex: i % 3 === 0 ? 'female' : 'male',
      group: (i % 6) + 1,
      unit: ['财政局', '农业农村局', '安石镇政府', '白泉镇政府', '组织部'][i % 5] ?? '',
      leader: i < 6,
    }));
    const rooms: Room[] = Array.from({ length: 16 }, (_, i) => ({
      id: 100 + i,
      free: 3 + (i % 2),
      hosts: i % 4 === 0 ? 'female' : i % 4 === 1 ? 'male' : 'any',
      mixed: i % 8 === 2,
    }));
    const ours = assignBeds(people, rooms, []);
    const naive = firstFit(people, rooms);
    const a = softFigures(people, ours.placed);
    const b = softFigures(people, naive.placed);
    console.log(
      `soft goals, 48 trainees in 16 households: households per group ${a.householdsPerGroup} (first-fit ${b.householdsPerGroup}), ` +
        `most of one unit in a household ${a.maxSameUnit} (${b.maxSameUnit}), most leaders in a household ${a.maxLeaders} (${b.maxLeaders})`,
    );
    expect(a.placed).toBe(48);
    expect(a.householdsPerGroup).toBeLessThan(b.householdsPerGroup);
    expect(a.maxLeaders).toBe(1);
    expect(a.maxSameUnit).toBeLessThanOrEqual(b.maxSameUnit);
  });
});

// Rooms at a dormitory or hotel: the same engine, rooms of one sex each (男/女, or 男女均可 until the
// first guest — never rooms apart), some kept for staff (reserved), some trainees needing a room alone
// (需单间). The oracle: every hard rule above; nobody in a reserved room; each one needing a room alone
// placed in a room no one else sleeps in (no other guest of the stay, none of another stay), or left
// without a bed only when no room that would take them is left empty; the rest as many as can be placed
// in the rooms the singles left (the exhaustive oracle above); the locked where they were.
const dormRoomArb = fc.record({
  free: fc.integer({ min: 1, max: 4 }),
  hosts: fc.constantFrom<Room['hosts']>('male', 'female', 'any'),
  mixed: fc.constant(false),
  others: fc.oneof(
    { weight: 5, arbitrary: fc.constant<Person['sex'][]>([]) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom<Person['sex']>('male', 'female'), { minLength: 1, maxLength: 1 }) },
  ),
  reserved: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
});

const roomsCaseArb = fc
  .record({
    people: fc.array(
      fc.record({
        sex: fc.constantFrom<Person['sex']>('male', 'male', 'female', 'female', null),
        group: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 5 }),
        unit: fc.constantFrom('', '财政局', '农业农村局', '组织部'),
        leader: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
        single: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
      }),
      { maxLength: 30 },
    ),
    rooms: fc.array(dormRoomArb, { maxLength: 14 }),
    lockShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  })
  .map(({ people, rooms, lockShare }) => {
    const persons: Person[] = people.map((p, i) => ({ ...p, id: i + 1 }));
    const roomList: Room[] = rooms.map((r, i) => ({ ...r, id: 100 + i }));
    // Some locked where the rules allow: a room (not reserved) that takes them, alone if they need to be.
    const used = new Map<number, Person[]>();
    const fixed: Fixed[] = [];
    persons.forEach((person, index) => {
      if (index / Math.max(1, persons.length) >= lockShare || person.sex === null) return;
      const room = roomList.find((r) => {
        const there = used.get(r.id) ?? [];
        if (r.reserved || there.length >= r.free || there.some((p) => p.single)) return false;
        if (person.single && (there.length > 0 || (r.others ?? []).length > 0)) return false;
        return (
          (r.hosts === 'any' || r.hosts === person.sex) &&
          there.every((p) => p.sex === person.sex) &&
          (r.others ?? []).every((sex) => sex === person.sex)
        );
      });
      if (!room) return;
      used.set(room.id, [...(used.get(room.id) ?? []), person]);
      fixed.push({ person: person.id, room: room.id });
    });
    return { people: persons, rooms: roomList, fixed };
  });

describe('placing trainees in rooms (宿舍/宾馆)', () => {
  it('keeps every hard rule, a room alone for each who needs one, nobody in a room kept for staff, and places as many as can be', () => {
    const seen = {
      cases: 0,
      singlesPlacedAlone: 0,
      singleWithoutRoom: 0,
      singleLocked: 0,
      reservedRoomsLeftEmpty: 0,
      reservedWhileOthersUnplaced: 0,
      男女均可RoomTookOneSex: 0,
      otherStayGuestsInRoom: 0,
      someLocked: 0,
      someUnplaced: 0,
    };
    fc.assert(
      fc.property(roomsCaseArb, ({ people, rooms, fixed }) => {
        seen.cases += 1;
        const result = assignBeds(people, rooms, fixed);
        const { placed, unplaced } = result;
        for (const { person, room } of fixed) expect(placed.get(person)).toBe(room);
        expect(placed.size + unplaced.length).toBe(people.length);
        expect(new Set([...placed.keys(), ...unplaced.map((u) => u.person)]).size).toBe(people.length);
        const byRoom = checkRules(people, rooms, placed);
        const guests = (room: Room) => byRoom.get(room.id) ?? [];
        // Nobody in a room kept for staff.
        for (const room of rooms.filter((r) => r.reserved)) expect(guests(room), `reserved room ${room.id}`).toEqual([]);
        // Each one needing a room alone: alone there, nobody of another stay either.
        const singleRooms = new Set<number>();
        for (const person of people.filter((p) => p.single)) {
          const roomId = placed.get(person.id);
          if (roomId === undefined) {
            expect(unplaced.find((u) => u.person === person.id)?.reason).toBe('no_single_room');
            // No room that would have taken them is left empty.
            const empty = rooms.filter(
              (r) =>
                !r.reserved &&
                guests(r).length === 0 &&
                (r.others ?? []).length === 0 &&
                person.sex !== null &&
                (r.hosts === 'any' || r.hosts === person.sex),
            );
            expect(
              empty.map((r) => r.id),
              `person ${person.id} needs a room alone and one is empty`,
            ).toEqual([]);
            seen.singleWithoutRoom += 1;
            continue;
          }
          const room = rooms.find((r) => r.id === roomId);
          expect(room && guests(room).map((p) => p.id)).toEqual([person.id]);
          if (!fixed.some((f) => f.person === person.id)) expect(room?.others ?? []).toEqual([]);
          else seen.singleLocked += 1;
          singleRooms.add(roomId);
          seen.singlesPlacedAlone += 1;
        }
        // Everyone else: as many as the rooms the singles left can take.
        const rest = people.filter((p) => !p.single);
        const left = rooms.filter((r) => !r.reserved && !singleRooms.has(r.id));
        const restFixed = fixed.filter((f) => !singleRooms.has(f.room) && rest.some((p) => p.id === f.person));
        const restPlaced = rest.filter((p) => placed.has(p.id)).length;
        expect(restPlaced).toBe(maxPlaced(rest, left, restFixed));
        for (const u of unplaced.filter((u) => !people.find((p) => p.id === u.person)?.single)) {
          const person = people.find((p) => p.id === u.person);
          expect(u.reason).toBe(person?.sex === 'male' ? 'no_male_bed' : person?.sex === 'female' ? 'no_female_bed' : 'no_sex');
        }
        if (rooms.some((r) => r.reserved)) seen.reservedRoomsLeftEmpty += 1;
        if (rooms.some((r) => r.reserved) && unplaced.length > 0) seen.reservedWhileOthersUnplaced += 1;
        if (rooms.some((r) => r.hosts === 'any' && guests(r).length > 0)) seen.男女均可RoomTookOneSex += 1;
        if (rooms.some((r) => (r.others ?? []).length > 0 && guests(r).length > 0)) seen.otherStayGuestsInRoom += 1;
        if (fixed.length > 0) seen.someLocked += 1;
        if (unplaced.length > 0) seen.someUnplaced += 1;
      }),
      { numRuns: 500, seed: Number(process.env['CADRE_ASSIGN_SEED'] ?? 20191111) },
    );
    console.log(`room assignment, what the generated cases exercised: ${JSON.stringify(seen)}`);
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
  });

  it('gives 张伟 (需单间) the one-bed room, not a four-bed one, and puts nobody in the 班主任 room', () => {
    const people: Person[] = [
      { id: 1, sex: 'male', group: 1, unit: '财政局', leader: false, single: true },
      { id: 2, sex: 'male', group: 1, unit: '组织部', leader: false },
      { id: 3, sex: 'male', group: 1, unit: '农业农村局', leader: false },
    ];
    const rooms: Room[] = [
      { id: 301, free: 4, hosts: 'male', mixed: false },
      { id: 302, free: 1, hosts: 'any', mixed: false },
      { id: 303, free: 2, hosts: 'any', mixed: false, reserved: true },
    ];
    const { placed, unplaced } = assignBeds(people, rooms, []);
    expect(unplaced).toEqual([]);
    expect(placed.get(1)).toBe(302);
    expect(placed.get(2)).toBe(301);
    expect(placed.get(3)).toBe(301);
  });
});
