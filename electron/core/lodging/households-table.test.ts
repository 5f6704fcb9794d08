import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { eachLodgingClass, holdsHardRules } from '../testing/lodging-class';
import { writeBook } from '../testing/roster-files';
import { snapshot, type TempCore } from '../testing/temp-core';

// A village’s list of households read in (households-table.ts): beds as villages write them, a pause
// in their place, the columns a file has, 可分男女房间.

let t: TempCore;
let village: number;
const { newStay } = eachLodgingClass((opened) => {
  ({ t, village } = opened);
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

describe('a village’s list of households', () => {
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
