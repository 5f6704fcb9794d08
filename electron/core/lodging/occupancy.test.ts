import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { eachLodgingClass, holdsHardRules } from '../testing/lodging-class';
import { idOf, person, writeBook } from '../testing/roster-files';
import { snapshot, type TempCore } from '../testing/temp-core';

// Who sleeps where on which night over every class’s stays (occupancy.ts): another class in the village
// on the same nights counts for the beds, a 男女均可 household’s sex and each trainee’s one bed.

let t: TempCore;
let village: number;
const { newStay, nightlyBeds } = eachLodgingClass((opened) => {
  ({ t, village } = opened);
});

describe('another class on the same nights', () => {
  it('counts another class sleeping in the village on the same nights, and never gives one trainee two beds a night', async () => {
    const first = await newStay();
    value(await t.router.call('lodging.assign', { stayId: first.id }));
    // A short course in the village at the same time, half of whose people are also on the 年轻干部 class.
    const course = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年乡村振兴专题班',
        startDate: '2019-09-10',
        endDate: '2019-09-15',
      }),
    ).id;
    const file = writeBook(join(t.dir, 'course.xlsx'), [
      ['姓名', '性别', '身份证号', '工作单位'],
      ...Array.from({ length: 20 }, (_, i) => {
        const n = i < 10 ? i : 500 + i;
        const p = person(n);
        return [p.name, p.sex, idOf(p, n), p.unit];
      }),
    ]);
    value(await t.router.call('roster.importCommit', { classId: course, grant: t.grant(file, 'rosterImport') }));
    const second = await newStay('2019-09-12', '2019-09-14', course);
    const board = value(await t.router.call('lodging.assign', { stayId: second.id }));
    holdsHardRules(board);
    const elsewhere = board.unplaced.filter((u) => u.reason === 'elsewhere');
    expect(elsewhere).toHaveLength(10);
    expect(elsewhere[0]?.message).toMatch(/^同一晚已安排在“.+”$/);
    // Beds over both stays, night by night.
    for (const night of nightlyBeds()) expect(night.people, `${night.head} ${night.night}`).toBeLessThanOrEqual(night.beds);
    // By hand, the same person cannot be given a second bed either.
    const twice = elsewhere[0];
    // A household that would take them but for that (the first class's women may have set a 男女均可 one's sex).
    const free = board.households.find(
      (h) => h.active && (h.hosts === twice?.sex || (h.mixedRooms && h.occupants.length < h.free)),
    );
    if (!twice || !free) throw new Error('nobody to place twice, or no free bed');
    const refused = failure(
      await t.router.call('lodging.place', { stayId: second.id, enrolmentId: twice.enrolmentId, householdId: free.id }),
      'INVALID_INPUT',
    );
    expect(refused.message).toMatch(
      new RegExp(`^“${twice.name}”9月12日 晚已安排在“.+”（2019年年轻干部培训班 9月11日—9月13日）$`),
    );
  });

  it('a 男女均可 household hosting another class’s women on the same nights takes no man of this class — by hand or by the machine', async () => {
    // The 年轻干部 class's women in 马金山's household, 9月11日—13日.
    const stay = await newStay();
    const ma = value(await t.router.call('lodging.households', { siteId: village })).find((h) => h.head === '马金山');
    if (!ma) throw new Error('no 马金山');
    const women = value(await t.router.call('lodging.board', { stayId: stay.id })).unplaced.filter((p) => p.sex === 'female');
    for (const w of women.slice(0, 2))
      value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: w.enrolmentId, householdId: ma.id }));
    // A short course in the village 9月12日—14日, none of its people on the 年轻干部 class.
    const course = value(
      await t.router.call('classes.create', {
        name: '2019年乡村振兴专题班',
        category: '专题班',
        startDate: '2019-09-10',
        endDate: '2019-09-16',
      }),
    ).id;
    const file = writeBook(join(t.dir, 'course.xlsx'), [
      ['姓名', '性别', '身份证号', '工作单位'],
      ...Array.from({ length: 12 }, (_, i) => {
        const p = person(600 + i);
        return [p.name, p.sex, idOf(p, 600 + i), p.unit];
      }),
    ]);
    value(await t.router.call('roster.importCommit', { classId: course, grant: t.grant(file, 'rosterImport') }));
    const second = await newStay('2019-09-12', '2019-09-14', course);
    const man = value(await t.router.call('lodging.board', { stayId: second.id })).unplaced.find((p) => p.sex === 'male');
    if (!man) throw new Error('no man on the course');
    const before = snapshot(t.core.db);
    const refused = failure(
      await t.router.call('lodging.place', { stayId: second.id, enrolmentId: man.enrolmentId, householdId: ma.id }),
      'INVALID_INPUT',
    );
    expect(refused.message).toMatch(
      new RegExp(
        `^“马金山”家 9月12日 晚已住有女学员“[^”]+”（2019年年轻干部培训班 9月11日—9月13日），“${man.name}”是男：男女均可的农户同一晚只接待一种性别`,
      ),
    );
    expect(snapshot(t.core.db)).toBe(before);
    // The machine: no man of the course in 马金山's household either, every night; beds across both stays.
    const board = value(await t.router.call('lodging.assign', { stayId: second.id }));
    holdsHardRules(board);
    expect(board.households.find((h) => h.id === ma.id)?.occupants.filter((o) => o.sex === 'male')).toEqual([]);
    const sexesByNight = t.core.db
      .prepare(
        `SELECT p.household_id AS household, count(DISTINCT t.sex) AS sexes FROM placements p JOIN stays s ON s.id = p.stay_id
           JOIN enrolments e ON e.id = p.enrolment_id JOIN trainees t ON t.id = e.trainee_id JOIN households h ON h.id = p.household_id
          WHERE h.hosts = 'any' AND h.mixed_rooms = 0 AND s.arrive <= '2019-09-12' AND '2019-09-12' < s.depart
          GROUP BY p.household_id`,
      )
      .all() as { household: number; sexes: number }[];
    expect(sexesByNight.length).toBeGreaterThan(0);
    for (const row of sexesByNight) expect(row.sexes, `household ${row.household}`).toBe(1);
    for (const night of nightlyBeds()) expect(night.people, `${night.head} ${night.night}`).toBeLessThanOrEqual(night.beds);
    // Marked 可分男女房间, it takes him; the mark cannot then be taken back while both classes are there.
    const fields = {
      head: ma.head,
      phone: ma.phone,
      address: ma.address,
      beds: ma.beds,
      hosts: ma.hosts,
      notes: ma.notes,
      active: ma.active,
    };
    value(await t.router.call('lodging.saveHousehold', { siteId: village, id: ma.id, fields: { ...fields, mixedRooms: true } }));
    value(await t.router.call('lodging.place', { stayId: second.id, enrolmentId: man.enrolmentId, householdId: ma.id }));
    const mixed = snapshot(t.core.db);
    expect(
      failure(
        await t.router.call('lodging.saveHousehold', {
          siteId: village,
          id: ma.id,
          fields: { ...fields, mixedRooms: false },
        }),
        'INVALID_INPUT',
      ).message,
    ).toBe(
      '“马金山”家在2019年年轻干部培训班 9月11日—9月13日、2019年乡村振兴专题班 9月12日—9月14日中男女学员同住，不能取消“可分男女房间”',
    );
    expect(snapshot(t.core.db)).toBe(mixed);
    value(await t.router.call('lodging.place', { stayId: second.id, enrolmentId: man.enrolmentId, householdId: null }));
    value(await t.router.call('lodging.saveHousehold', { siteId: village, id: ma.id, fields: { ...fields, mixedRooms: false } }));
    // Not on the same nights (the course moved to 9月13日—15日, after the class has left): he may.
    const later = value(
      await t.router.call('lodging.saveStay', {
        classId: course,
        id: second.id,
        fields: { siteId: village, arrive: '2019-09-13', depart: '2019-09-15', groups: [] },
      }),
    );
    const placed = value(
      await t.router.call('lodging.place', { stayId: later.id, enrolmentId: man.enrolmentId, householdId: ma.id }),
    );
    expect(placed.households.find((h) => h.id === ma.id)?.occupants.map((o) => o.enrolmentId)).toContain(man.enrolmentId);
  });
});
