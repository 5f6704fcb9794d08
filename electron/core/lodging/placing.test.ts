import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/lodging/schemas';
import { failure, value } from '../testing/expect-result';
import { eachDormClass, eachLodgingClass, holdsHardRules, holdsRoomRules } from '../testing/lodging-class';
import { pdfText, readXlsx } from '../testing/read-documents';
import { standardRoster } from '../testing/roster-files';
import { snapshot, type TempCore } from '../testing/temp-core';

// Who sleeps where, decided (placing.ts): the placement by the machine and each move, lock, confirmation
// and kept room by hand — in the village’s households and in the dormitory’s rooms.

let t: TempCore;
let classId: number;
let village: number;
let dorm: number;

describe('a stay and its beds', () => {
  const { newStay } = eachLodgingClass((opened) => {
    ({ t, classId, village } = opened);
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

describe('男女均可: one sex a stay, unless 可分男女房间; a re-run keeps the placed', () => {
  const { newStay } = eachLodgingClass((opened) => {
    ({ t, classId, village } = opened);
  });

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
});

describe('每户至少安排 2 人 (a setting), by hand', () => {
  const { newStay } = eachLodgingClass((opened) => {
    ({ t, classId, village } = opened);
  });

  const together = async (on: boolean) => value(await t.router.call('settings.update', { lodgingTogether: on }));

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
});

describe('rooms of a dormitory', () => {
  const { twentyRooms, stayAt } = eachDormClass((opened) => {
    ({ t, classId, dorm } = opened);
  });

  // Found attacking the rooms: lodging.reserve looked only at this stay's own guests, so a class could
  // keep for its 班主任 a room where another class's trainees already sleep on the same nights (and a
  // stay's new dates could slide its kept room under them): the door card and the front desk's list
  // then gave one room to both.
  it('refuses keeping a room for staff where another class sleeps on the same nights (by hand or by new dates) or out of use', async () => {
    const room = value(await t.router.call('lodging.saveRoom', { siteId: dorm, fields: { head: '301', floor: 3, beds: 4 } })).id;
    const other = value(await t.router.call('lifecycle.copy', { id: classId, startDate: '2019-09-09' }));
    value(
      await t.router.call('roster.importCommit', {
        classId: other.id,
        grant: t.grant(standardRoster(t.dir, 4, 'other-class.xlsx', 100), 'rosterImport'),
      }),
    );
    const theirs = value(
      await t.router.call('lodging.saveStay', {
        classId: other.id,
        fields: { siteId: dorm, arrive: '2019-09-10', depart: '2019-09-14' },
      }),
    );
    const placed = value(await t.router.call('lodging.assign', { stayId: theirs.id }));
    expect(placed.households.find((r) => r.id === room)?.occupants.length).toBeGreaterThan(0);
    const ours = value(
      await t.router.call('lodging.saveStay', { classId, fields: { siteId: dorm, arrive: '2019-09-11', depart: '2019-09-12' } }),
    );
    const before = snapshot(t.core.db);
    const refused = failure(
      await t.router.call('lodging.reserve', { stayId: ours.id, householdId: room, for: '班主任 王老师' }),
      'INVALID_INPUT',
    );
    expect(refused.details?.issues?.[0]?.field).toBe('householdId');
    expect(refused.message).toBe(
      '301 房间在同一时间住着其他班次的学员（2019年年轻干部培训班（副本） 9月10日—9月14日），不能留给工作人员',
    );
    expect(snapshot(t.core.db)).toBe(before);
    // Nor a room out of use (under repair): its door card would send the 班主任 there.
    const repair = value(
      await t.router.call('lodging.saveRoom', {
        siteId: dorm,
        fields: { head: '302', floor: 3, beds: 2, active: false, notes: '维修' },
      }),
    ).id;
    const closed = snapshot(t.core.db);
    const unused = failure(
      await t.router.call('lodging.reserve', { stayId: ours.id, householdId: repair, for: '班主任 王老师' }),
      'INVALID_INPUT',
    );
    expect(unused.message).toBe('302 房间已停用，不能安排入住');
    expect(snapshot(t.core.db)).toBe(closed);
    // Kept on nights nobody else has it, then moved onto theirs: refused, the stay's dates as they were.
    value(
      await t.router.call('lodging.saveStay', {
        classId,
        id: ours.id,
        fields: { siteId: dorm, arrive: '2019-09-15', depart: '2019-09-17' },
      }),
    );
    value(await t.router.call('lodging.reserve', { stayId: ours.id, householdId: room, for: '班主任 王老师' }));
    const kept = snapshot(t.core.db);
    const moved = failure(
      await t.router.call('lodging.saveStay', {
        classId,
        id: ours.id,
        fields: { siteId: dorm, arrive: '2019-09-12', depart: '2019-09-16' },
      }),
      'CONFLICT',
    );
    expect(moved.message).toBe(
      '301 房间在同一时间住着其他班次的学员（2019年年轻干部培训班（副本） 9月10日—9月14日），不能留给工作人员',
    );
    expect(snapshot(t.core.db)).toBe(kept);
  });

  it('places the class in rooms: one sex a room, 需单间 alone, the 班主任 room kept, the locked kept; exports the 房间安排表 and door cards', async () => {
    value(await t.router.call('lodging.importHouseholds', { siteId: dorm, grant: t.grant(twentyRooms(), 'tableImport') }));
    const roster = value(await t.router.call('roster.list', { classId })).items;
    // Two trainees who need a room alone, said in the class's notes as an office writes it.
    const singles = roster.filter((r) => r.sex === 'male').slice(0, 2);
    t.core.db
      .prepare("UPDATE enrolments SET notes = '腰伤，需单间' WHERE id IN (?, ?)")
      .run(singles[0]?.enrolmentId, singles[1]?.enrolmentId);
    const stay = await stayAt();
    const rooms = value(await t.router.call('lodging.households', { siteId: dorm }));
    const staffRoom = rooms.find((r) => r.head === '301')?.id ?? 0;
    const board0 = value(
      await t.router.call('lodging.reserve', { stayId: stay.id, householdId: staffRoom, for: '班主任 王老师' }),
    );
    expect(board0.rooms).toBe(true);
    expect(board0.households.find((r) => r.id === staffRoom)?.reservedFor).toBe('班主任 王老师');
    // The log says which room, for whom.
    const logged = value(await t.router.call('audit.list', { entity: 'stay_reservations' })).items[0];
    expect(logged?.summary).toMatch(/301.*班主任 王老师/);

    const result = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    holdsRoomRules(result);
    // 40 trainees, 39 beds less the staff room's 2: the two singles in the one-bed rooms, the rest two by two.
    const singleRooms = singles.map((s) =>
      result.households.find((r) => r.occupants.some((o) => o.enrolmentId === s.enrolmentId)),
    );
    expect(singleRooms.map((r) => r?.beds)).toEqual([1, 1]);
    expect(singleRooms.map((r) => r?.occupants.length)).toEqual([1, 1]);
    expect(result.households.find((r) => r.id === staffRoom)?.occupants).toEqual([]);

    // By hand: nobody into the staff room or beside a single; a move elsewhere holds, locked.
    const mover = result.households.find((r) => r.occupants.length === 2 && r.hosts === 'male')?.occupants[0];
    const before = snapshot(t.core.db);
    expect(
      failure(
        await t.router.call('lodging.place', { stayId: stay.id, enrolmentId: mover?.enrolmentId ?? 0, householdId: staffRoom }),
        'INVALID_INPUT',
      ).message,
    ).toBe('301 房间这次留给班主任 王老师，不安排学员');
    expect(
      failure(
        await t.router.call('lodging.place', {
          stayId: stay.id,
          enrolmentId: mover?.enrolmentId ?? 0,
          householdId: singleRooms[0]?.id ?? 0,
        }),
        'INVALID_INPUT',
      ).message,
    ).toMatch(/的单间（名册备注“需单间”）/);
    const occupied = result.households.find((r) => r.occupants.length > 0 && r.id !== singleRooms[0]?.id)?.id ?? 0;
    expect(
      failure(
        await t.router.call('lodging.reserve', { stayId: stay.id, householdId: occupied, for: '带队教师' }),
        'INVALID_INPUT',
      ).message,
    ).toMatch(/已安排了学员/);
    // A room's beds below its guests, or its sex against them: refused, said of the room.
    const full = result.households.find((r) => r.occupants.length === 2 && r.hosts === 'male');
    expect(
      failure(
        await t.router.call('lodging.saveRoom', {
          siteId: dorm,
          id: full?.id ?? 0,
          fields: { head: full?.head ?? '', floor: full?.floor ?? null, beds: 1, hosts: 'male' },
        }),
        'INVALID_INPUT',
      ).message,
    ).toMatch(new RegExp(`^${full?.head ?? ''} 房间 .+ 晚已住 2 人（.+），床位不能少于 2 张$`));
    expect(
      failure(
        await t.router.call('lodging.saveRoom', {
          siteId: dorm,
          id: full?.id ?? 0,
          fields: { head: full?.head ?? '', floor: full?.floor ?? null, beds: 2, hosts: 'female' },
        }),
        'INVALID_INPUT',
      ).message,
    ).toBe(`${full?.head ?? ''} 房间已住有男学员（2019年年轻干部培训班 9月9日—9月12日），不能改为只住女`);
    expect(snapshot(t.core.db)).toBe(before);

    // Two rooms added since the class was placed stay empty: the 房间安排表 lists them for the front desk.
    for (const head of ['601', '602'])
      value(await t.router.call('lodging.saveRoom', { siteId: dorm, fields: { head, floor: 6, beds: 2, hosts: 'any' } }));
    const spare = value(await t.router.call('lodging.board', { stayId: stay.id })).households.filter(
      (r) => r.active && r.occupants.length === 0 && r.reservedFor === null,
    );
    // The 房间安排表 (xlsx and PDF, A4) and the door cards, read back.
    const exported = async (document: 'rooms' | 'doors', format: 'xlsx' | 'pdf') => {
      const path = join(t.dir, `${document}.${format}`);
      value(await t.router.call('lodging.export', { stayId: stay.id, document, format, grant: t.grant(path, 'export') }));
      return path;
    };
    const { rows } = await readXlsx(await exported('rooms', 'xlsx'));
    expect(rows[0]?.[0]).toContain('房间安排表');
    expect(rows.flat().join(' ')).toContain(value(await t.router.call('settings.get', {})).schoolName);
    const header = rows.findIndex((row) => row.includes('房间号'));
    expect(rows[header]).toEqual(['房间号', '楼层', '床位', '序号', '姓名', '性别', '工作单位', '小组']);
    const body = rows.slice(header + 1);
    const spareAt = body.findIndex((row) => row[0]?.startsWith('未安排学员的房间'));
    const guests = body.slice(0, spareAt);
    expect(guests.filter((row) => row[4] !== '' && !row[4]?.startsWith('工作人员')).length).toBe(result.figures.placed);
    expect(body.find((row) => row[0] === '301')?.[4]).toBe('工作人员：班主任 王老师');
    expect(body.some((row) => row[4]?.endsWith('（单间）'))).toBe(true);
    // The rooms left empty follow, for the front desk to let go: each named once, under its heading.
    expect(spare.map((r) => r.head)).toEqual(expect.arrayContaining(['601', '602']));
    expect(body[spareAt]?.[0]).toBe(
      `未安排学员的房间（${spare.length} 间，${spare.reduce((sum, r) => sum + r.beds, 0)} 张床位）`,
    );
    expect(
      body
        .slice(spareAt + 1)
        .filter((row) => /^\d/.test(row[0] ?? ''))
        .map((row) => row[0]),
    ).toEqual(spare.map((r) => r.head));
    expect(guests.some((row) => spare.some((r) => r.head === row[0]))).toBe(false);
    // The class's own list says each one's room and floor.
    const trainees = join(t.dir, 'trainees.xlsx');
    value(
      await t.router.call('lodging.export', {
        stayId: stay.id,
        document: 'trainees',
        format: 'xlsx',
        grant: t.grant(trainees, 'export'),
      }),
    );
    const list = (await readXlsx(trainees)).rows;
    expect(list.find((row) => row.includes('姓名'))).toEqual(['序号', '姓名', '性别', '小组', '房间号', '楼层', '工作单位']);
    const single = singleRooms[0];
    expect(list.find((row) => row[1] === single?.occupants[0]?.name)?.slice(4, 6)).toEqual([
      single?.head,
      `${single?.floor ?? ''} 楼`,
    ]);
    const pdf = await exported('rooms', 'pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('房间安排表');
    expect(text).toContain('301');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const doors = await exported('doors', 'pdf');
    const used = result.households.filter((r) => r.occupants.length > 0 || r.reservedFor !== null);
    const read = await pdfText(doors);
    expect(read.pages).toBe(Math.ceil(used.length / 2));
    const doorText = execFileSync('pdftotext', [doors, '-'], { encoding: 'utf8' });
    for (const room of used) expect(doorText).toContain(room.head);
    // The room list's pages and a page of door cards to look at.
    const out = process.env['CADRE_SCREENS'];
    if (out && existsSync(out)) {
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'rooms-list')]);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', doors, join(out, 'rooms-doors')]);
    }
    expect(readFileSync(doors).subarray(0, 5).toString()).toBe('%PDF-');
    // Door cards are printed, never a spreadsheet; a village's stay has no room list.
    failure(
      await t.router.call('lodging.export', {
        stayId: stay.id,
        document: 'doors',
        format: 'xlsx',
        grant: t.grant(join(t.dir, 'x.xlsx'), 'export'),
      }),
      'INVALID_INPUT',
    );
  });
});
