import { join } from 'node:path';
import { expect } from 'vitest';
import type { Board } from '../../../shared/lodging/schemas';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { eachTest } from './each-test';
import { value } from './expect-result';
import { standardRoster, writeBook } from './roster-files';
import { bareSampleClass } from './sample-class';
import { openTempCore, type TempCore } from './temp-core';

// The class the lodging tests place: the sample's 年轻干部 class with forty trainees in five groups,
// lodged in the sample's village (朝阳村 and its sixteen households), or in the school's dormitory
// (a point of kind 宿舍 with no rooms yet).

export type LodgingClass = { t: TempCore; classId: number; village: number };
export type DormClass = { t: TempCore; classId: number; dorm: number };

// The sample (its sites and 朝阳村's households), and the class with its forty trainees in five groups.
const openSampleClass = async (): Promise<{ t: TempCore; classId: number }> => {
  const t = openTempCore({ platform: chromiumPlatform() });
  value(await t.router.call('app.loadSample', {}));
  const classId = await bareSampleClass(t);
  // Finished sample classes are read-only only once archived; this one is still writable.
  value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 40), 'rosterImport') }));
  value(await t.router.call('roster.splitGroups', { classId, groups: 5 }));
  return { t, classId };
};

// In the village: each group with its leader.
const openLodgingClass = async (): Promise<LodgingClass> => {
  const { t, classId } = await openSampleClass();
  const roster = value(await t.router.call('roster.list', { classId })).items;
  const leaders = new Map<number, number>();
  for (const entry of roster) if (entry.group !== null && !leaders.has(entry.group)) leaders.set(entry.group, entry.enrolmentId);
  value(
    await t.router.call('roster.assign', {
      classId,
      assignments: [...leaders.values()].map((enrolmentId) => ({ enrolmentId, role: '组长' })),
    }),
  );
  const village =
    value(await t.router.call('sites.tree', { search: '朝阳村' }))
      .bases.flatMap((b) => b.points)
      .find((p) => p.kind === '村')?.id ?? 0;
  return { t, classId, village };
};

// Every hard rule, checked on the board as the screen shows it, and across every stay of the village.
export const holdsHardRules = (board: Board) => {
  const seen = new Set<number>();
  for (const household of board.households) {
    expect(household.occupants.length, household.head).toBeLessThanOrEqual(household.free);
    for (const occupant of household.occupants) {
      expect(seen.has(occupant.enrolmentId)).toBe(false);
      seen.add(occupant.enrolmentId);
      if (household.hosts !== 'any') expect(occupant.sex, `${occupant.name} at ${household.head}`).toBe(household.hosts);
    }
    // 男女均可: one sex in the stay, unless it has rooms apart (可分男女房间).
    if (!(household.hosts === 'any' && household.mixedRooms))
      expect(new Set(household.occupants.map((o) => o.sex)).size, `one sex at ${household.head}`).toBeLessThanOrEqual(1);
  }
  for (const person of board.unplaced) expect(seen.has(person.enrolmentId)).toBe(false);
  expect(seen.size + board.unplaced.length).toBe(board.stay.people);
};

// The steps, on the class open when each is called.
const lodgingSteps = (current: () => LodgingClass) => {
  const newStay = async (arrive = '2019-09-11', depart = '2019-09-13', forClass = current().classId, groups: number[] = []) =>
    value(
      await current().t.router.call('lodging.saveStay', {
        classId: forClass,
        fields: { siteId: current().village, arrive, depart, groups },
      }),
    );

  // Each household's people night by night, over every stay, beside its beds.
  const nightlyBeds = (): { head: string; night: string; people: number; beds: number }[] =>
    current()
      .t.core.db.prepare(
        `WITH RECURSIVE nights(stay_id, night, depart) AS (
           SELECT id, arrive, depart FROM stays UNION ALL SELECT stay_id, date(night, '+1 day'), depart FROM nights WHERE date(night, '+1 day') < depart)
         SELECT h.head, n.night, count(*) AS people, h.beds FROM placements p JOIN nights n ON n.stay_id = p.stay_id
           JOIN households h ON h.id = p.household_id GROUP BY h.id, n.night`,
      )
      .all() as { head: string; night: string; people: number; beds: number }[];

  return { newStay, nightlyBeds };
};

// Each test of a file on a class of its own in the village, the steps acting on it (see each-test.ts).
export const eachLodgingClass = (set: (opened: LodgingClass) => void) => lodgingSteps(eachTest(openLodgingClass, set));

// At the dormitory: no group leaders named.
const openDormClass = async (): Promise<DormClass> => {
  const { t, classId } = await openSampleClass();
  const dorm = value(
    await t.router.call('sites.savePoint', { fields: { name: '辽源市委党校学员宿舍', kind: '宿舍', address: '辽源市龙山区' } }),
  ).id;
  return { t, classId, dorm };
};

// Every hard rule of rooms: one sex a room, nobody in a room kept for staff, a single room alone.
export const holdsRoomRules = (board: Board) => {
  const seen = new Set<number>();
  for (const room of board.households) {
    expect(room.occupants.length, room.head).toBeLessThanOrEqual(room.free);
    expect(new Set(room.occupants.map((o) => o.sex)).size, `one sex in ${room.head}`).toBeLessThanOrEqual(1);
    if (room.hosts !== 'any') for (const o of room.occupants) expect(o.sex, `${o.name} in ${room.head}`).toBe(room.hosts);
    if (room.reservedFor !== null) expect(room.occupants, `${room.head} kept for staff`).toEqual([]);
    if (room.occupants.some((o) => o.single)) expect(room.occupants, `${room.head} is a single room`).toHaveLength(1);
    for (const o of room.occupants) {
      expect(seen.has(o.enrolmentId)).toBe(false);
      seen.add(o.enrolmentId);
    }
  }
  expect(seen.size + board.unplaced.length).toBe(board.stay.people);
};

const dormSteps = (current: () => DormClass) => {
  // A front desk's room list: 序号 and a column nobody asked for, floors and beds with their units.
  const roomList = (rows: (string | number)[][]) =>
    writeBook(join(current().t.dir, `房间表-${rows.length}.xlsx`), [
      ['学员宿舍房间表'],
      ['序号', '房间号', '楼层', '床位', '性别', '朝向', '备注'],
      ...rows,
    ]);

  // noteOf: the 备注 a room's line carries (维修 for one under repair).
  const twentyRooms = (noteOf: (room: string) => string = () => '') =>
    roomList(
      Array.from({ length: 20 }, (_, i) => {
        const floor = 2 + Math.floor(i / 10);
        const no = `${floor}${String((i % 10) + 1).padStart(2, '0')}`;
        // 2 beds mostly; a single room on each floor; the first floor's rooms for men, the second's women's or either.
        const beds = i % 10 === 9 ? '1床' : '2床';
        const sex = floor === 2 ? '男' : i % 2 === 0 ? '女' : '均可';
        return [i + 1, `${no}室`, `${floor}楼`, beds, sex, '南', noteOf(no)];
      }),
    );

  const stayAt = async (site = current().dorm) =>
    value(
      await current().t.router.call('lodging.saveStay', {
        classId: current().classId,
        fields: { siteId: site, arrive: '2019-09-09', depart: '2019-09-12' },
      }),
    );

  return { roomList, twentyRooms, stayAt };
};

// Each test of a file on a class of its own at the dormitory, the steps acting on it.
export const eachDormClass = (set: (opened: DormClass) => void) => dormSteps(eachTest(openDormClass, set));
