import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/lodging/schemas';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { failure, value } from '../testing/expect-result';
import { docxText, pdfText, readXlsx } from '../testing/read-documents';
import { idOf, person, standardRoster, writeBook } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { bareSampleClass } from '../testing/sample-class';
import { sha256Of } from '../files/store';

let t: TempCore;
let classId: number;
let village: number;

// The sample (its sites and 朝阳村's households), and the 年轻干部 class with forty trainees in
// five groups, each group with its leader.
beforeEach(async () => {
  t = openTempCore({ platform: chromiumPlatform() });
  value(await t.router.call('app.loadSample', {}));
  classId = await bareSampleClass(t);
  // Finished sample classes are read-only only once archived; this one is still writable.
  value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 40), 'rosterImport') }));
  value(await t.router.call('roster.splitGroups', { classId, groups: 5 }));
  const roster = value(await t.router.call('roster.list', { classId })).items;
  const leaders = new Map<number, number>();
  for (const entry of roster) if (entry.group !== null && !leaders.has(entry.group)) leaders.set(entry.group, entry.enrolmentId);
  value(
    await t.router.call('roster.assign', {
      classId,
      assignments: [...leaders.values()].map((enrolmentId) => ({ enrolmentId, role: '组长' })),
    }),
  );
  village =
    value(await t.router.call('sites.tree', { search: '朝阳村' }))
      .bases.flatMap((b) => b.points)
      .find((p) => p.kind === '村')?.id ?? 0;
});
afterEach(() => t.dispose());

const newStay = async (arrive = '2019-09-11', depart = '2019-09-13', forClass = classId, groups: number[] = []) =>
  value(await t.router.call('lodging.saveStay', { classId: forClass, fields: { siteId: village, arrive, depart, groups } }));

// Every hard rule, checked on the board as the screen shows it, and across every stay of the village.
const holdsHardRules = (board: Board) => {
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

const nightlyBeds = (): { head: string; night: string; people: number; beds: number }[] =>
  t.core.db
    .prepare(
      `WITH RECURSIVE nights(stay_id, night, depart) AS (
         SELECT id, arrive, depart FROM stays UNION ALL SELECT stay_id, date(night, '+1 day'), depart FROM nights WHERE date(night, '+1 day') < depart)
       SELECT h.head, n.night, count(*) AS people, h.beds FROM placements p JOIN nights n ON n.stay_id = p.stay_id
         JOIN households h ON h.id = p.household_id GROUP BY h.id, n.night`,
    )
    .all() as { head: string; night: string; people: number; beds: number }[];

describe('host households', () => {
  it('are kept per village; a bad bed count, a duplicate or a point that is no village is refused, nothing changed', async () => {
    const households = value(await t.router.call('lodging.households', { siteId: village }));
    expect(households).toHaveLength(16);
    expect(households.every((h) => h.notes.includes('示例数据'))).toBe(true);
    const before = snapshot(t.core.db);
    for (const beds of [0, -2, 2.5, 51]) {
      const error = failure(
        await t.router.call('lodging.saveHousehold', { siteId: village, fields: { head: '新农户', beds } }),
        'INVALID_INPUT',
      );
      expect(error.details?.issues?.[0]).toMatchObject({ field: 'fields.beds' });
      expect(error.message).toContain('床位数');
      // A bound with no other end is said as that bound, never with "∞".
      expect(error.message).not.toMatch(/∞/);
      if (beds === 0) expect(error.details?.issues?.[0]?.message).toBe('“床位数”应至少为 1');
    }
    expect(
      failure(
        await t.router.call('lodging.saveHousehold', { siteId: village, fields: { head: '王德福', beds: 2 } }),
        'INVALID_INPUT',
      ).message,
    ).toBe('“安石镇朝阳村”已有户主为“王德福”的接待农户');
    const park = value(await t.router.call('sites.tree', { search: '秋硕' })).bases[0]?.points[0]?.id ?? 0;
    expect(
      failure(
        await t.router.call('lodging.saveHousehold', { siteId: park, fields: { head: '新农户', beds: 2 } }),
        'INVALID_INPUT',
      ).message,
    ).toContain('的类型不是“村”“宿舍”或“宾馆”，不能登记接待农户或房间：请先把它的类型改为“村”（农户）');
    expect(snapshot(t.core.db)).toBe(before);
  });
});

describe('households not hosting now', () => {
  it('imports 0 beds, 暂停 or 不接待 as households on the list, not hosting, with their notes — never placed, shown so on the board', async () => {
    const file = writeBook(join(t.dir, '接待农户.xlsx'), [
      ['朝阳村接待农户表'],
      ['序号', '户主姓名', '可住人数', '接待性别', '备注'],
      [1, '钱有田', '3张床', '均可', ''],
      [2, '孙秀英', 0, '女', '老人住院'],
      [3, '刘长青', '今年暂停接待', '均可', ''],
      [4, '周大勇', '4张', '男', '今年不接待（翻修房屋）'],
    ]);
    expect(
      value(await t.router.call('lodging.importHouseholds', { siteId: village, grant: t.grant(file, 'tableImport') })),
    ).toEqual({
      added: 4,
      updated: 0,
      unchanged: 0,
      ignoredColumns: [],
    });
    const rows = t.core.db
      .prepare(
        `SELECT head, beds, notes, active FROM households WHERE site_id = ? AND head IN ('钱有田', '孙秀英', '刘长青', '周大勇') ORDER BY id`,
      )
      .all(village);
    expect(rows).toEqual([
      { head: '钱有田', beds: 3, notes: '', active: 1 },
      { head: '孙秀英', beds: 0, notes: '老人住院', active: 0 },
      { head: '刘长青', beds: 0, notes: '今年暂停接待', active: 0 },
      { head: '周大勇', beds: 4, notes: '今年不接待(翻修房屋)', active: 0 },
    ]);
    // No bed of theirs is ever used; the board lists them, not hosting.
    const stay = await newStay();
    const board = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    holdsHardRules(board);
    const paused = board.households.filter((h) => ['孙秀英', '刘长青', '周大勇'].includes(h.head));
    expect(paused.map((h) => [h.head, h.active, h.occupants.length])).toEqual(
      expect.arrayContaining([
        ['孙秀英', false, 0],
        ['刘长青', false, 0],
        ['周大勇', false, 0],
      ]),
    );
    expect(paused).toHaveLength(3);
    // By hand too: a person moved there is refused, naming the household.
    const someone = board.households.flatMap((h) => h.occupants)[0] ?? board.unplaced[0];
    const zhou = paused.find((h) => h.head === '周大勇');
    expect(
      failure(
        await t.router.call('lodging.place', {
          stayId: stay.id,
          enrolmentId: someone?.enrolmentId ?? 0,
          householdId: zhou?.id ?? 0,
        }),
        'INVALID_INPUT',
      ).message,
    ).toContain('周大勇');
    // Hosting again: beds given, active again.
    const liu = paused.find((h) => h.head === '刘长青');
    expect(
      value(
        await t.router.call('lodging.saveHousehold', {
          siteId: village,
          id: liu?.id ?? 0,
          fields: { head: '刘长青', beds: 2, notes: '', active: true },
        }),
      ),
    ).toMatchObject({ beds: 2, active: true });
  });
});

describe('a stay and its beds', () => {
  it('updates only the columns a file has: a sheet of beds keeps each household’s phone, address, 接待性别 and notes', async () => {
    const first = writeBook(join(t.dir, '接待农户表.xlsx'), [
      ['序号', '户主姓名', '联系电话', '家庭住址', '可住人数', '接待性别', '备注'],
      [1, '钱有田', '13943701111', '朝阳村一组', '3张床', '女', '卫生条件好'],
      [2, '刘长青', '13943702222', '朝阳村二组', '2张床', '均可', '今年暂停接待'],
    ]);
    value(await t.router.call('lodging.importHouseholds', { siteId: village, grant: t.grant(first, 'tableImport') }));
    const beds = writeBook(join(t.dir, '床位.xlsx'), [
      ['户主姓名', '可住人数'],
      ['钱有田', '4张床'],
      ['刘长青', '2张床'],
    ]);
    expect(
      value(await t.router.call('lodging.importHouseholds', { siteId: village, grant: t.grant(beds, 'tableImport') })),
    ).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect(
      t.core.db
        .prepare(
          `SELECT head, phone, address, beds, hosts, notes, active FROM households WHERE site_id = ? AND head IN ('钱有田', '刘长青') ORDER BY id`,
        )
        .all(village),
    ).toEqual([
      { head: '钱有田', phone: '13943701111', address: '朝阳村一组', beds: 4, hosts: 'female', notes: '卫生条件好', active: 1 },
      { head: '刘长青', phone: '13943702222', address: '朝阳村二组', beds: 2, hosts: 'any', notes: '今年暂停接待', active: 0 },
    ]);
  });

  it('refuses dates outside the class, a village that is no village, and two stays of one class on the same nights', async () => {
    const before = snapshot(t.core.db);
    expect(
      failure(
        await t.router.call('lodging.saveStay', {
          classId,
          fields: { siteId: village, arrive: '2019-09-01', depart: '2019-09-03' },
        }),
        'INVALID_INPUT',
      ).message,
    ).toContain('班次日期');
    expect(
      failure(
        await t.router.call('lodging.saveStay', {
          classId,
          fields: { siteId: village, arrive: '2019-09-13', depart: '2019-09-11' },
        }),
        'INVALID_INPUT',
      ).details?.issues?.[0]?.field,
    ).toBe('fields.depart');
    expect(snapshot(t.core.db)).toBe(before);
    await newStay();
    expect(
      failure(
        await t.router.call('lodging.saveStay', {
          classId,
          fields: { siteId: village, arrive: '2019-09-12', depart: '2019-09-14' },
        }),
        'INVALID_INPUT',
      ).message,
    ).toContain('已有住宿安排');
  });

  it('places everyone the beds allow, keeps groups together and leaders apart, and every hard rule', async () => {
    const stay = await newStay();
    const board = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    holdsHardRules(board);
    expect(board.figures.placed).toBe(40);
    expect(board.unplaced).toEqual([]);
    expect(board.figures.maxLeaders).toBe(1);
    expect(board.figures.householdsPerGroup).toBeLessThan(5);
    // Nobody alone in a household (the soft rule, reported on the board's summary line).
    expect(board.figures.alone).toBe(0);
    // The log says what was done, in one line beside the rows.
    const line = t.core.db
      .prepare(`SELECT summary FROM audit_log WHERE entity = 'stays' AND action = 'update' ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get();
    expect(line).toBe(
      '自动安排“2019年年轻干部培训班”在“安石镇朝阳村”的住宿（9月11日 至 9月13日）：新安排 40 人，共安排 40 人，未安排 0 人；调整住处：无',
    );
  });

  it('confirms each household that hosts, and the workbench lists the unconfirmed until the stay is over', async () => {
    const stay = await newStay();
    const board = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const used = board.households.filter((h) => h.occupants.length > 0);
    expect(used.length).toBeGreaterThan(1);
    expect(used.every((h) => h.confirmedOn === null)).toBe(true);
    const todo = async (today: string) =>
      value(await t.router.call('workbench.overview', { year: 2019, today })).todo.find(
        (item) => item.kind === 'householdsUnconfirmed' && item.classId === classId,
      )?.count;
    expect(await todo('2019-09-01')).toBe(used.length);

    const [first, ...rest] = used;
    const after = value(
      await t.router.call('lodging.confirm', { stayId: stay.id, householdId: first?.id ?? 0, confirmed: true }),
    );
    expect(after.households.find((h) => h.id === first?.id)?.confirmedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await todo('2019-09-01')).toBe(rest.length);
    // Over: nothing left to confirm.
    expect(await todo('2019-09-14')).toBeUndefined();
    // Taken back, it is on the list again.
    value(await t.router.call('lodging.confirm', { stayId: stay.id, householdId: first?.id ?? 0, confirmed: false }));
    expect(await todo('2019-09-01')).toBe(used.length);

    // A household not of this village: refused with the reason, nothing changed.
    const before = snapshot(t.core.db);
    const refused = failure(
      await t.router.call('lodging.confirm', { stayId: stay.id, householdId: 999_999, confirmed: true }),
      'INVALID_INPUT',
    );
    expect(refused.message).toContain('这户农户不在这次住宿的村里');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('moves and locks by hand, refuses a move against a rule with the reason, and keeps the locked on a re-run', async () => {
    const stay = await newStay();
    let board: Board = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const women = board.households.find((h) => h.hosts === 'female' && h.occupants.length > 0);
    const men = board.households.find((h) => h.hosts === 'male' && h.occupants.length > 0);
    const aMan = men?.occupants[0];
    const mixed = board.households.find((h) => h.hosts === 'any' && h.occupants.length < h.free);
    if (!women || !men || !aMan || !mixed) throw new Error('sample beds changed');
    const before = snapshot(t.core.db);
    // A man into a household that takes women only.
    expect(
      failure(
        await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: aMan.enrolmentId, householdId: women.id }),
        'INVALID_INPUT',
      ).message,
    ).toBe(`“${women.head}”家只接待女学员，“${aMan.name}”是男`);
    // Into a household whose beds are all taken.
    const full = board.households.find((h) => h.occupants.length === h.free && h.hosts !== 'female' && h.id !== men.id);
    if (!full) throw new Error('no full household to try');
    expect(
      failure(
        await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: aMan.enrolmentId, householdId: full.id }),
        'INVALID_INPUT',
      ).message,
    ).toContain('床位已满');
    expect(snapshot(t.core.db)).toBe(before);

    board = value(
      await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: aMan.enrolmentId, householdId: mixed.id }),
    );
    const moved = board.households.find((h) => h.id === mixed.id)?.occupants.find((o) => o.enrolmentId === aMan.enrolmentId);
    expect(moved?.locked).toBe(true);
    board = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    holdsHardRules(board);
    expect(board.households.find((h) => h.id === mixed.id)?.occupants.some((o) => o.enrolmentId === aMan.enrolmentId)).toBe(true);
    // Unlocked, a re-run may move them again; out of the stay, they are listed as not yet placed.
    value(await t.router.call('lodging.lock', { stayId: stay.id, enrolmentId: aMan.enrolmentId, locked: false }));
    board = value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: aMan.enrolmentId, householdId: null }));
    expect(board.unplaced.map((u) => [u.name, u.reason])).toEqual([[aMan.name, 'not_run']]);
  });

  it('a locked placement that a change to its household would break is refused, and so is a re-run over a broken one', async () => {
    const stay = await newStay();
    const board = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const house = board.households.find((h) => h.hosts === 'any' && h.occupants.some((o) => o.sex === 'male'));
    const guest = house?.occupants.find((o) => o.sex === 'male');
    if (!house || !guest) throw new Error('no mixed household in use');
    value(await t.router.call('lodging.lock', { stayId: stay.id, enrolmentId: guest.enrolmentId, locked: true }));
    const before = snapshot(t.core.db);
    const fields = {
      head: house.head,
      phone: house.phone,
      address: house.address,
      beds: house.beds,
      hosts: house.hosts,
      notes: house.notes,
    };
    const tooFew = failure(
      await t.router.call('lodging.saveHousehold', {
        siteId: village,
        id: house.id,
        fields: { ...fields, beds: house.occupants.length - 1 || 1 },
      }),
      'INVALID_INPUT',
    );
    expect(tooFew.message).toMatch(new RegExp(`“${house.head}”家 2019-09-1[12] 晚已住 \\d+ 人`));
    const onlyWomen = failure(
      await t.router.call('lodging.saveHousehold', { siteId: village, id: house.id, fields: { ...fields, hosts: 'female' } }),
      'INVALID_INPUT',
    );
    expect(onlyWomen.message).toContain('不能改为只接待女');
    // The same through a household list handed in (fewer beds, or 暂停 in the notes with no bed
    // left): refused with the row named, nothing written.
    const fewer = writeBook(join(t.dir, '接待农户-少床.xlsx'), [
      ['户主姓名', '可住人数', '接待性别', '备注'],
      [house.head, house.occupants.length - 1, '均可', ''],
    ]);
    const listed = failure(
      await t.router.call('lodging.importHouseholds', { siteId: village, grant: t.grant(fewer, 'tableImport') }),
      'INVALID_INPUT',
    );
    expect(listed.message).toMatch(new RegExp(`第 2 行.*“${house.head}”家 2019-09-1[12] 晚已住 \\d+ 人`));
    expect(snapshot(t.core.db)).toBe(before);
    // The household stops hosting: a re-run will not quietly move someone locked there.
    value(await t.router.call('lodging.saveHousehold', { siteId: village, id: house.id, fields: { ...fields, active: false } }));
    const stopped = snapshot(t.core.db);
    const rerun = failure(await t.router.call('lodging.assign', { stayId: stay.id }), 'CONFLICT');
    expect(rerun.message).toBe(
      `锁定在原处的“${guest.name}”不能再住在那里：“${house.head}”家已停用，不能安排入住。请先调整或取消锁定，再重新安排`,
    );
    expect(snapshot(t.core.db)).toBe(stopped);
    // Moved elsewhere by hand, the rest are placed again.
    value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: guest.enrolmentId, householdId: null }));
    holdsHardRules(value(await t.router.call('lodging.assign', { stayId: stay.id })));
  });

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

  it('says who cannot be placed and why, and places the rest — never an error that places nobody', async () => {
    // Only the women-only households are active: the men have no bed.
    const households = value(await t.router.call('lodging.households', { siteId: village }));
    for (const h of households.filter((x) => x.hosts !== 'female'))
      value(
        await t.router.call('lodging.saveHousehold', {
          siteId: village,
          id: h.id,
          fields: { head: h.head, beds: h.beds, hosts: h.hosts, active: false },
        }),
      );
    const stay = await newStay();
    const board = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    holdsHardRules(board);
    const women = board.households.flatMap((h) => h.occupants);
    expect(women.every((w) => w.sex === 'female')).toBe(true);
    expect(women.length).toBeGreaterThan(0);
    const men = board.unplaced.filter((u) => u.sex === 'male');
    expect(men.length).toBeGreaterThan(0);
    expect(men.every((u) => u.reason === 'no_male_bed')).toBe(true);
    expect(men[0]?.message).toBe(`男学员床位不足：还差 ${men.length} 张`);
  });
});

describe('the four togethers', () => {
  it('plans each day, records each trainee, and prints the lists for the village and the class — never an ID number', async () => {
    const stay = await newStay();
    value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const plan = value(
      await t.router.call('lodging.savePlanDay', {
        stayId: stay.id,
        day: {
          date: '2019-09-12',
          meals: ['lunch', 'breakfast', 'dinner'],
          study: '村党支部主题党日',
          labourTask: '秋收',
          labourField: '万亩水田',
          labourHours: 4,
          labourLeader: '韩丽',
        },
      }),
    );
    expect(plan.map((d) => [d.date, d.people])).toEqual([
      ['2019-09-11', 40],
      ['2019-09-12', 40],
      ['2019-09-13', 0],
    ]);
    expect(plan[1]?.meals).toEqual(['breakfast', 'lunch', 'dinner']);
    expect(
      failure(await t.router.call('lodging.savePlanDay', { stayId: stay.id, day: { date: '2019-09-20' } }), 'INVALID_INPUT')
        .details?.issues?.[0]?.field,
    ).toBe('day.date');

    const people = value(await t.router.call('lodging.participants', { stayId: stay.id }));
    const [one, two] = people;
    if (!one || !two) throw new Error('no participants');
    expect(one.plannedHours).toBe(4);
    value(
      await t.router.call('lodging.saveParticipant', {
        stayId: stay.id,
        enrolmentId: one.enrolmentId,
        participation: 'partial',
        labourHours: 2,
        reflection: '同吃同住，收获很大。',
      }),
    );
    const note = join(t.dir, '心得体会.txt');
    writeFileSync(note, '在朝阳村的三天……');
    const attached = value(
      await t.router.call('lodging.attachReflection', {
        stayId: stay.id,
        enrolmentId: two.enrolmentId,
        grant: t.grant(note, 'attachment'),
      }),
    );
    expect(attached.reflectionFile).toBe('心得体会.txt');
    expect(
      t.core.db
        .prepare('SELECT count(*) FROM stored_files WHERE sha256 = ?')
        .pluck()
        .get(sha256Of(readFileSync(note))),
    ).toBe(1);

    const exported = async (document: 'households' | 'trainees' | 'plan' | 'hours', format: 'xlsx' | 'docx' | 'pdf') => {
      const path = join(t.dir, `${document}.${format}`);
      value(await t.router.call('lodging.export', { stayId: stay.id, document, format, grant: t.grant(path, 'export') }));
      return path;
    };
    const households = await readXlsx(await exported('households', 'xlsx'));
    const text = households.rows.flat().join(' ');
    expect(households.rows[0]?.[0]).toBe('2019年年轻干部培训班接待农户入住名单');
    expect(text).toContain('组长电话');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    const ids = Array.from({ length: 40 }, (_, n) => idOf(person(n), n));
    expect(ids.some((id) => text.includes(id))).toBe(false);
    const trainees = docxText(await exported('trainees', 'docx'));
    expect(trainees).toContain('学员住宿安排表');
    expect(trainees).toContain('0437-555');
    const planPdf = await pdfText(await exported('plan', 'pdf'));
    expect(planPdf.text).toContain('村党支部主题党日');
    expect(planPdf.text).toContain('离村');
    const hours = await readXlsx(await exported('hours', 'xlsx'));
    const row = hours.rows.find((r) => r.includes(one.name));
    expect(row).toEqual(expect.arrayContaining(['部分参加', '2', '已交']));

    const payments = value(await t.router.call('lodging.payments', { classId }));
    const paid = payments[0];
    if (!paid) throw new Error('no households paid');
    expect(paid.placedNights).toBe(2);
    const after = value(
      await t.router.call('lodging.setPayment', {
        classId,
        householdId: paid.householdId,
        nights: 2,
        people: paid.placedPeople,
        amount: 240.5,
      }),
    );
    expect(after.find((p) => p.householdId === paid.householdId)).toMatchObject({ amount: 240.5, nights: 2 });
  });

  it('masks the group leaders’ mobiles on the village’s list unless they are asked for, and the log says which', async () => {
    const stay = await newStay();
    value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const phones = t.core.db
      .prepare<[number], string>(
        `SELECT t.phone FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.class_id = ? AND e.role = '组长'`,
      )
      .pluck()
      .all(classId);
    expect(phones).toHaveLength(5);
    expect(phones.every((phone) => /^1\d{10}$/.test(phone))).toBe(true);
    const exported = async (name: string, input: Record<string, unknown>) => {
      const path = join(t.dir, name);
      value(await t.router.call('lodging.export', { stayId: stay.id, format: 'xlsx', grant: t.grant(path, 'export'), ...input }));
      const entry = t.core.db
        .prepare<[], { summary: string; after: string }>(
          `SELECT summary, after FROM audit_log WHERE action = 'export' ORDER BY id DESC`,
        )
        .get();
      return {
        text: (await readXlsx(path)).rows.flat().join(' '),
        summary: entry?.summary ?? '',
        after: JSON.parse(entry?.after ?? '{}') as Record<string, unknown>,
      };
    };
    // By default: 139****0001, and the entry says so.
    const masked = await exported('masked.xlsx', { document: 'households' });
    for (const phone of phones) {
      expect(masked.text).not.toContain(phone);
      expect(masked.text).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    }
    expect(masked.summary).toMatch(/^导出“2019年年轻干部培训班”的接待农户入住名单（XLSX，组长电话部分隐藏）到 /);
    expect(masked.after).toMatchObject({ document: 'households', reveal: { phone: false } });
    // The households' own phones are the village's data: whole, as before. And the village is told why
    // a leader's number is partly hidden, and whom to ask.
    expect(masked.text).toContain('0437-555');
    expect(masked.text).toContain('组长电话按规定部分隐藏，需要联系时请向培训班班主任索取');
    // Asked for: whole, and the entry says that too.
    const revealed = await exported('revealed.xlsx', { document: 'households', reveal: { phone: true } });
    for (const phone of phones) expect(revealed.text).toContain(phone);
    expect(revealed.text).not.toContain('部分隐藏');
    expect(revealed.summary).toMatch(/^导出“2019年年轻干部培训班”的接待农户入住名单（XLSX，含完整电话）到 /);
    expect(revealed.after).toMatchObject({ reveal: { phone: true } });
    // A document without the leaders' phones records nothing shown, whatever was ticked.
    const trainees = await exported('trainees.xlsx', { document: 'trainees', reveal: { phone: true } });
    expect(trainees.summary).toMatch(/^导出“2019年年轻干部培训班”的学员住宿安排表（XLSX）到 /);
    expect(trainees.after).toMatchObject({ reveal: { phone: false } });
    for (const phone of phones) expect(trainees.text).not.toContain(phone);
  });
});

describe('男女均可: one sex a stay, unless 可分男女房间; a re-run keeps the placed', () => {
  const household = async (head: string) => {
    const found = value(await t.router.call('lodging.households', { siteId: village })).find((h) => h.head === head);
    if (!found) throw new Error(`no household ${head} in the sample`);
    return found;
  };
  const fieldsOf = (h: Awaited<ReturnType<typeof household>>) => ({
    head: h.head,
    phone: h.phone,
    address: h.address,
    beds: h.beds,
    hosts: h.hosts,
    mixedRooms: h.mixedRooms,
    notes: h.notes,
    active: h.active,
  });
  const renameFirst = (sex: 'male' | 'female', name: string, enrolmentIds: readonly number[]) => {
    // The walk's people, by name: the first woman of the roster becomes 王芳, the first man 郭亮.
    const id = t.core.db
      .prepare(
        `SELECT e.id FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
          WHERE e.class_id = ? AND t.sex = ? AND e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id LIMIT 1`,
      )
      .pluck()
      .get(classId, sex, JSON.stringify(enrolmentIds)) as number;
    t.core.db.prepare('UPDATE trainees SET name = ? WHERE id = (SELECT trainee_id FROM enrolments WHERE id = ?)').run(name, id);
    return id;
  };

  it('王芳 (女) dragged into 马金山’s 男女均可 household and locked: a re-run adds no man there; a man dragged in is refused, naming both', async () => {
    const stay = await newStay();
    const people = value(await t.router.call('lodging.board', { stayId: stay.id })).unplaced.map((u) => u.enrolmentId);
    const wangFang = renameFirst('female', '王芳', people);
    const guoLiang = renameFirst('male', '郭亮', people);
    const ma = await household('马金山');
    expect(ma.hosts).toBe('any');
    expect(ma.mixedRooms).toBe(false);
    value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: wangFang, householdId: ma.id }));
    for (const rearrange of [false, true]) {
      const board = value(await t.router.call('lodging.assign', { stayId: stay.id, rearrange }));
      holdsHardRules(board);
      const there = board.households.find((h) => h.id === ma.id)?.occupants ?? [];
      expect(there.map((o) => o.name)).toContain('王芳');
      expect(there.filter((o) => o.sex !== 'female').map((o) => o.name)).toEqual([]);
    }
    // 郭亮 dragged in: refused, the reason naming the household, both people and their sexes; nothing changed.
    const board = value(await t.router.call('lodging.board', { stayId: stay.id }));
    if (board.households.find((h) => h.id === ma.id)?.occupants.length === ma.beds) {
      const other = board.households.find((h) => h.id === ma.id)?.occupants.find((o) => o.enrolmentId !== wangFang);
      if (other)
        value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: other.enrolmentId, householdId: null }));
    }
    const before = snapshot(t.core.db);
    const refused = failure(
      await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: guoLiang, householdId: ma.id }),
      'INVALID_INPUT',
    );
    expect(refused.message).toMatch(/^“马金山”家这次住宿已住女学员（“[^”]+”），“郭亮”是男：男女均可的农户一次住宿只接待一种性别/);
    expect(snapshot(t.core.db)).toBe(before);
    // Marked 可分男女房间, the household takes him (and the form cannot take the mark back while he is there).
    value(
      await t.router.call('lodging.saveHousehold', { siteId: village, id: ma.id, fields: { ...fieldsOf(ma), mixedRooms: true } }),
    );
    const mixed = value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: guoLiang, householdId: ma.id }));
    holdsHardRules(mixed);
    expect(mixed.households.find((h) => h.id === ma.id)?.occupants.map((o) => o.name)).toEqual(
      expect.arrayContaining(['王芳', '郭亮']),
    );
    const locked = snapshot(t.core.db);
    expect(
      failure(
        await t.router.call('lodging.saveHousehold', {
          siteId: village,
          id: ma.id,
          fields: { ...fieldsOf(ma), mixedRooms: false },
        }),
        'INVALID_INPUT',
      ).message,
    ).toBe('“马金山”家在2019年年轻干部培训班 9月11日—9月13日中男女学员同住，不能取消“可分男女房间”');
    expect(snapshot(t.core.db)).toBe(locked);
  });

  it('a re-run places only the unplaced and keeps every bed; 全部重新安排 may move the unlocked and says who moved', async () => {
    const stay = await newStay();
    const first = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    expect(first.moved).toEqual([]);
    expect(first.newlyPlaced).toHaveLength(40);
    const bedsOf = (board: Board) =>
      new Map(board.households.flatMap((h) => h.occupants.map((o) => [o.enrolmentId, h.id] as const)));
    const placed = bedsOf(first);
    // Two taken out by hand (as if they had joined late): the re-run places them and moves nobody else.
    const out = [...placed.keys()].slice(0, 2);
    for (const enrolmentId of out)
      value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId, householdId: null }));
    const again = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    holdsHardRules(again);
    expect(again.moved).toEqual([]);
    expect(again.newlyPlaced).toHaveLength(2);
    const after = bedsOf(again);
    for (const [enrolmentId, householdId] of placed)
      if (!out.includes(enrolmentId)) expect(after.get(enrolmentId)).toBe(householdId);

    // A placement from before the one-sex rule (a man put beside women in a 男女均可 household, not locked):
    // the default re-run moves only him, and says so by name.
    const shared = again.households.find(
      (h) => h.hosts === 'any' && !h.mixedRooms && h.occupants.length > 0 && h.occupants.length < h.free,
    );
    const sexThere = shared?.occupants[0]?.sex;
    const stranger = again.households
      .flatMap((h) => h.occupants.map((o) => ({ ...o, household: h.head })))
      .find((o) => o.sex !== sexThere && o.sex !== null);
    if (!shared || !stranger) throw new Error('sample beds changed');
    t.core.db
      .prepare('UPDATE placements SET household_id = ?, locked = 0 WHERE stay_id = ? AND enrolment_id = ?')
      .run(shared.id, stay.id, stranger.enrolmentId);
    const fixedUp = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    holdsHardRules(fixedUp);
    expect(fixedUp.moved.map((m) => [m.name, m.from])).toEqual([[stranger.name, shared.head]]);
    expect(fixedUp.moved[0]?.to).not.toBe(shared.head);

    // 全部重新安排: whoever lands elsewhere is named, each with where from and where to.
    const beforeAll = bedsOf(fixedUp);
    const rearranged = value(await t.router.call('lodging.assign', { stayId: stay.id, rearrange: true }));
    holdsHardRules(rearranged);
    const afterAll = bedsOf(rearranged);
    const movedIds = [...beforeAll].filter(([id, h]) => afterAll.get(id) !== h).map(([id]) => id);
    expect(rearranged.moved.map((m) => m.enrolmentId).sort()).toEqual(movedIds.sort());
    const line = t.core.db
      .prepare(`SELECT summary FROM audit_log WHERE entity = 'stays' AND action = 'update' ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get();
    expect(line).toMatch(/^全部重新安排“2019年年轻干部培训班”在“安石镇朝阳村”的住宿/);
  });

  it('imports 可分男女房间 from the village’s list (是/否, √/×); an unreadable answer refuses the file, nothing changed', async () => {
    const file = writeBook(join(t.dir, '接待农户-分房.xlsx'), [
      ['户主姓名', '可住人数', '接待性别', '可分男女房间'],
      ['钱有田', 4, '均可', '是'],
      ['孙秀英', 3, '均可', ''],
      ['马金山', 4, '均可', '√'],
    ]);
    const before = snapshot(t.core.db);
    const bad = writeBook(join(t.dir, '接待农户-坏.xlsx'), [
      ['户主姓名', '可住人数', '男女分房'],
      ['钱有田', 4, '也许'],
    ]);
    const refused = failure(
      await t.router.call('lodging.importHouseholds', { siteId: village, grant: t.grant(bad, 'tableImport') }),
      'INVALID_INPUT',
    );
    expect(refused.message).toContain('第 2 行（钱有田）：“可分男女房间”应为“是”或“否”');
    expect(snapshot(t.core.db)).toBe(before);
    value(await t.router.call('lodging.importHouseholds', { siteId: village, grant: t.grant(file, 'tableImport') }));
    const rows = t.core.db
      .prepare(
        `SELECT head, mixed_rooms FROM households WHERE site_id = ? AND head IN ('钱有田', '孙秀英', '马金山') ORDER BY head`,
      )
      .raw()
      .all(village);
    expect(Object.fromEntries(rows as [string, number][])).toEqual({ 钱有田: 1, 孙秀英: 0, 马金山: 1 });
  });
});

describe('每户至少安排 2 人 (a setting), and another class on the same nights', () => {
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

  it('a move by hand that leaves someone alone is refused naming them (nothing changed), unless confirmed; off, it is allowed', async () => {
    const stay = await newStay();
    const [a, b, c] = value(await t.router.call('lodging.board', { stayId: stay.id })).unplaced.filter((p) => p.sex === 'male');
    const board = value(await t.router.call('lodging.board', { stayId: stay.id }));
    const [first, second] = board.households.filter((h) => h.active && h.hosts !== 'female' && h.free >= 3);
    if (!a || !b || !c || !first || !second) throw new Error('sample changed');
    // Filled by hand: a and b in the first household (moving into an empty one is how it is filled).
    await together(true);
    for (const who of [a, b])
      value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: who.enrolmentId, householdId: first.id }));
    const before = snapshot(t.core.db);
    for (const to of [second.id, null]) {
      const refused = failure(
        await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: a.enrolmentId, householdId: to }),
        'CONFLICT',
      );
      expect(refused.message).toBe(
        `已设置“每户至少安排 2 人”：把“${a.name}”移出“${first.head}”家后，“${b.name}”将独自住在那里。请先为“${b.name}”安排同住的人，或确认仍要移动`,
      );
      expect(refused.details).toMatchObject({ leftAlone: b.enrolmentId });
    }
    expect(snapshot(t.core.db)).toBe(before);
    // A third joins: now one may leave.
    value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: c.enrolmentId, householdId: first.id }));
    value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: c.enrolmentId, householdId: second.id }));
    // Confirmed by the person: the move is made.
    const moved = value(
      await t.router.call('lodging.place', {
        stayId: stay.id,
        enrolmentId: a.enrolmentId,
        householdId: second.id,
        leaveAlone: true,
      }),
    );
    expect(moved.households.find((h) => h.id === first.id)?.occupants.map((o) => o.name)).toEqual([b.name]);
    // Off: no question asked.
    await together(false);
    value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: c.enrolmentId, householdId: first.id }));
    value(await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: c.enrolmentId, householdId: null }));
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
