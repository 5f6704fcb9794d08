import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/lodging/schemas';
import { failure, value } from '../testing/expect-result';
import { eachLodgingClass, holdsHardRules } from '../testing/lodging-class';
import { snapshot, type TempCore } from '../testing/temp-core';
import { assignBeds, type Fixed, type Person, type Room, softFigures } from './assign';

// Nobody alone (company.ts): the repair after the engine’s placing — soft by default, hard with the
// setting 每户至少安排 2 人 — on its own cases, and on the class in the village.

let t: TempCore;
let village: number;

describe('nobody alone, in the engine', () => {
  it('leaves nobody alone when another household can take them: two of one unit share rather than sleep alone', () => {
    const people: Person[] = [
      { id: 1, sex: 'male', group: 1, unit: '财政局', leader: false },
      { id: 2, sex: 'male', group: 1, unit: '财政局', leader: false },
    ];
    const rooms: Room[] = [
      { id: 100, free: 2, hosts: 'male', mixed: false },
      { id: 101, free: 2, hosts: 'any', mixed: false },
    ];
    const { placed } = assignBeds(people, rooms, []);
    expect(new Set(placed.values()).size).toBe(1);
    expect(softFigures(people, placed).alone).toBe(0);
  });

  it('每户至少安排 2 人 against an exhaustive search of small cases: as few alone as any arrangement of the same people', () => {
    // Every way of putting the people the engine placed (and no others) into the rooms, under the hard
    // rules: the fewest people alone any of them has, beside the engine's. Also, for the record, the
    // fewest alone when whoever has a bed may change (the engine never trades a bed to avoid a lone one).
    const allowed = (people: readonly Person[], rooms: readonly Room[], where: readonly (number | null)[]) =>
      rooms.every((room) => {
        const guests = people.filter((_, i) => where[i] === room.id);
        if (guests.length > room.free) return false;
        if (guests.length === 0 || (room.hosts === 'any' && room.mixed)) return true;
        const sexes = new Set([...guests.map((g) => g.sex), ...(room.others ?? [])]);
        return !sexes.has(null) && sexes.size === 1 && (room.hosts === 'any' || sexes.has(room.hosts));
      });
    const seen = { cases: 0, someAlone: 0, sameWorse: 0, tradeWorse: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Person['sex']>('male', 'male', 'female', null), { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.record({
            free: fc.integer({ min: 0, max: 4 }),
            hosts: fc.constantFrom<Room['hosts']>('male', 'female', 'any'),
            mixed: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (sexes, specs) => {
          const people: Person[] = sexes.map((sex, i) => ({ id: i + 1, sex, group: (i % 2) + 1, unit: '', leader: false }));
          const rooms: Room[] = specs.map((r, i) => ({ ...r, id: 100 + i }));
          const result = assignBeds(people, rooms, [], { together: true });
          const mine = people.map((p) => result.placed.get(p.id) ?? null);
          const alone = (where: readonly (number | null)[]) =>
            rooms.filter((r) => where.filter((w) => w === r.id).length === 1).length;
          let bestSame = Infinity;
          let bestAny = Infinity;
          const where: (number | null)[] = [];
          const walk = (i: number) => {
            if (i === people.length) {
              if (where.filter((w) => w !== null).length !== result.placed.size || !allowed(people, rooms, where)) return;
              bestAny = Math.min(bestAny, alone(where));
              if (where.every((w, k) => (w === null) === (mine[k] === null))) bestSame = Math.min(bestSame, alone(where));
              return;
            }
            for (const choice of [null, ...rooms.map((r) => r.id)]) {
              where[i] = choice;
              walk(i + 1);
            }
          };
          walk(0);
          seen.cases += 1;
          if (alone(mine) > 0) seen.someAlone += 1;
          if (alone(mine) > bestSame) seen.sameWorse += 1;
          if (alone(mine) > bestAny) seen.tradeWorse += 1;
          expect(result.alone).toHaveLength(alone(mine));
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
    console.log(`nobody alone (hard), small cases against every arrangement: ${JSON.stringify(seen)}`);
    expect(seen.someAlone).toBeGreaterThan(0);
    // Local moves are not a search: a rare miss (1 in 3,000 cases seen) is allowed, and printed.
    expect(seen.sameWorse).toBeLessThanOrEqual(1);
  });

  it('每户至少安排 2 人: three men in rooms of 3, 1 and 2 beds share; the one woman is placed and named as alone, not dropped', () => {
    const people: Person[] = [
      { id: 1, sex: 'male', group: 1, unit: '', leader: false },
      { id: 2, sex: 'male', group: 2, unit: '', leader: false },
      { id: 3, sex: 'male', group: 3, unit: '', leader: false },
      { id: 4, sex: 'male', group: 4, unit: '', leader: false },
      { id: 5, sex: 'female', group: 1, unit: '', leader: false }, // 王芳, the only woman
    ];
    // Two men locked apart, each alone; the others free to move.
    const rooms: Room[] = [
      { id: 100, free: 2, hosts: 'male', mixed: false },
      { id: 101, free: 2, hosts: 'male', mixed: false },
      { id: 102, free: 1, hosts: 'female', mixed: false },
      { id: 103, free: 2, hosts: 'any', mixed: false, others: ['male'] },
    ];
    const fixed: Fixed[] = [
      { person: 1, room: 100 },
      { person: 2, room: 101 },
    ];
    const soft = assignBeds(people, rooms, fixed);
    const hard = assignBeds(people, rooms, fixed, { together: true });
    expect(hard.placed.size).toBe(5);
    // The men: nobody alone (the free ones join the locked ones).
    const sizes = new Map<number, number>();
    for (const room of hard.placed.values()) sizes.set(room, (sizes.get(room) ?? 0) + 1);
    expect(sizes.get(100)).toBe(2);
    expect(sizes.get(101)).toBe(2);
    // The woman: the 男女均可 household hosts a man of another class these nights, so only 102 takes
    // her, alone — said so, with why.
    expect(hard.placed.get(5)).toBe(102);
    expect(hard.alone).toEqual([{ person: 5, room: 102, reason: 'only_one' }]);
    expect(soft.alone).toEqual([]);
  });
});

describe('每户至少安排 2 人 (a setting)', () => {
  const { newStay } = eachLodgingClass((opened) => {
    ({ t, village } = opened);
  });

  const together = async (on: boolean) => value(await t.router.call('settings.update', { lodgingTogether: on }));
  const sizes = (board: Board) => board.households.map((h) => h.occupants.length).filter((n) => n > 0);

  it('the setting is validated and stored; with it on nobody is alone, except the one woman — placed, and named with why', async () => {
    const before = snapshot(t.core.db);
    for (const bad of ['yes', 1, null, {}])
      failure(await t.router.call('settings.update', { lodgingTogether: bad }), 'INVALID_INPUT');
    expect(snapshot(t.core.db)).toBe(before);
    expect(value(await t.router.call('settings.get', {})).lodgingTogether).toBe(false);
    expect((await together(true)).lodgingTogether).toBe(true);
    // The class as the walk met it at its worst for this rule: one woman (王芳) among men.
    const stay = await newStay();
    const people = value(await t.router.call('lodging.board', { stayId: stay.id })).unplaced;
    const women = people.filter((p) => p.sex === 'female');
    const [wang, ...rest] = women;
    if (!wang) throw new Error('no woman in the roster');
    t.core.db.prepare("UPDATE trainees SET name = '王芳' WHERE id = ?").run(wang.traineeId);
    for (const w of rest) t.core.db.prepare("UPDATE trainees SET sex = 'male' WHERE id = ?").run(w.traineeId);
    const result = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    holdsHardRules(result);
    const home = result.households.find((h) => h.occupants.some((o) => o.name === '王芳'));
    if (!home) throw new Error('王芳 left without a bed');
    expect(home.occupants).toHaveLength(1);
    expect(result.alone).toEqual([
      {
        enrolmentId: wang.enrolmentId,
        name: '王芳',
        head: home.head,
        reason: 'only_one',
        message: `“王芳”独住“${home.head}”家：这次住宿只有“王芳”一名女学员，没有同性别的人可以同住`,
      },
    ]);
    // Everyone else shares a household.
    expect(result.figures.alone).toBe(1);
    expect(sizes(result).filter((n) => n === 1)).toHaveLength(1);
    // A household emptied by hand, and a man put there alone (confirmed): the re-run places the two
    // taken out and gives him company.
    const emptied = result.households.find((h) => h.occupants.length >= 2 && h.occupants.every((o) => o.sex === 'male'));
    const man = result.households.flatMap((h) => h.occupants).find((o) => o.sex === 'male' && !emptied?.occupants.includes(o));
    if (!man || !emptied) throw new Error('no man, or no household of men');
    for (const o of emptied.occupants)
      value(
        await t.router.call('lodging.place', {
          stayId: stay.id,
          enrolmentId: o.enrolmentId,
          householdId: null,
          leaveAlone: true,
        }),
      );
    const lonely = value(
      await t.router.call('lodging.place', {
        stayId: stay.id,
        enrolmentId: man.enrolmentId,
        householdId: emptied.id,
        locked: false,
        leaveAlone: true,
      }),
    );
    expect(lonely.households.find((h) => h.id === emptied.id)?.occupants).toHaveLength(1);
    const again = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    holdsHardRules(again);
    expect(again.alone.map((a) => a.name)).toEqual(['王芳']);
    expect(sizes(again).filter((n) => n === 1)).toHaveLength(1);
  });

  it('with it on, a man kept from an earlier run and one locked, each in a household of one bed, are named as such', async () => {
    await together(true);
    const households = value(await t.router.call('lodging.households', { siteId: village }));
    const [a, b, ...rest] = households.filter((h) => h.hosts === 'male');
    if (!a || !b) throw new Error('sample changed');
    const fields = (h: (typeof households)[number], change: { beds?: number; active?: boolean }) => ({
      head: h.head,
      phone: h.phone,
      address: h.address,
      beds: change.beds ?? h.beds,
      hosts: h.hosts,
      mixedRooms: h.mixedRooms,
      notes: h.notes,
      active: change.active ?? h.active,
    });
    for (const h of [...rest, ...households.filter((x) => x.hosts !== 'male')])
      value(await t.router.call('lodging.saveHousehold', { siteId: village, id: h.id, fields: fields(h, { active: false }) }));
    for (const h of [a, b])
      value(await t.router.call('lodging.saveHousehold', { siteId: village, id: h.id, fields: fields(h, { beds: 1 }) }));
    const stay = await newStay();
    const [kept, locked] = value(await t.router.call('lodging.board', { stayId: stay.id })).unplaced.filter(
      (p) => p.sex === 'male',
    );
    if (!kept || !locked) throw new Error('no men');
    value(
      await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: kept.enrolmentId, householdId: a.id, locked: false }),
    );
    value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: locked.enrolmentId, householdId: b.id }));
    const result = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    expect(result.alone.map((x) => [x.name, x.reason, x.message])).toEqual(
      expect.arrayContaining([
        [
          kept.name,
          'kept',
          `“${kept.name}”独住“${a.head}”家：已安排的住处重新安排时保持不动，且没有人可以搬来同住（可用“全部重新安排”，或手动调整）`,
        ],
        [
          locked.name,
          'locked',
          `“${locked.name}”独住“${b.head}”家：已锁定在这户，且没有人可以搬来同住（可取消锁定后重新安排，或手动调整）`,
        ],
      ]),
    );
    expect(result.alone).toHaveLength(2);
  });
});
