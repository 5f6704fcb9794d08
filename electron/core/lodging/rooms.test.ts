import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { eachDormClass } from '../testing/lodging-class';
import { writeBook } from '../testing/roster-files';
import { snapshot, type TempCore } from '../testing/temp-core';

// Rooms of a dormitory or hotel as the front desk lists them (rooms.ts): read in, refused whole, and saved by hand.

let t: TempCore;
let dorm: number;
const { roomList, twentyRooms } = eachDormClass((opened) => {
  ({ t, dorm } = opened);
});

describe('rooms of a dormitory', () => {
  it('reads beds as a hotel front desk writes them: 标间, 单间, 大床房, 三人间; floors as 三楼; numbers as 3-06 and A401', async () => {
    const file = writeBook(join(t.dir, '宾馆房间预留表.xlsx'), [
      ['东辽河宾馆房间预留表'],
      ['序号', '房间号', '楼层', '房型', '床位', '性别', '价格', '备注'],
      [1, '301室', '3楼', '标准间', '标间', '男', '260元', ''],
      [2, '3-06', '三楼', '大床房', '单间', '不限', '300元', ''],
      [3, 'A401', '四楼', '标准间', '标准间', '女', '260元', ''],
      [4, 'A402', '四楼', '大床房', '大床房', '女', '300元', ''],
      [5, 'A403', '四楼', '三人间', '三人间', '女', '300元', ''],
      [6, '509', '5楼', '套间', '单人间', '不限', '480元', '班主任'],
    ]);
    expect(
      value(await t.router.call('lodging.importHouseholds', { siteId: dorm, grant: t.grant(file, 'tableImport') })),
    ).toMatchObject({ added: 6 });
    const rooms = value(await t.router.call('lodging.households', { siteId: dorm }));
    // 3-06 is room 306 to the front desk: after 301, not before it.
    expect(rooms.map((r) => r.head)).toEqual(['301', '3-06', 'A401', 'A402', 'A403', '509']);
    const beds = Object.fromEntries(rooms.map((r) => [r.head, [r.floor, r.beds]]));
    expect(beds).toEqual({ '301': [3, 2], '3-06': [3, 1], A401: [4, 2], A402: [4, 1], A403: [4, 3], '509': [5, 1] });
  });

  it('are imported from the front desk list (preview, then commit): numbers, floors and beds with units, 序号 and extra columns ignored', async () => {
    const file = twentyRooms();
    const before = snapshot(t.core.db);
    const preview = value(
      await t.router.call('lodging.importHouseholdsPreview', { siteId: dorm, grant: t.grant(file, 'tableImport') }),
    );
    expect(preview.counts).toMatchObject({ added: 20, updated: 0, unchanged: 0 });
    expect(preview.ignoredColumns).toEqual(['朝向']);
    expect(snapshot(t.core.db)).toBe(before);
    expect(
      value(
        await t.router.call('lodging.importHouseholds', {
          siteId: dorm,
          grant: t.grant(file, 'tableImport'),
          token: preview.token,
        }),
      ),
    ).toEqual({ added: 20, updated: 0, unchanged: 0, ignoredColumns: ['朝向'] });
    const rooms = value(await t.router.call('lodging.households', { siteId: dorm }));
    expect(rooms.map((r) => r.head).slice(0, 3)).toEqual(['201', '202', '203']);
    expect(rooms.find((r) => r.head === '210')).toMatchObject({ floor: 2, beds: 1, hosts: 'male', mixedRooms: false });
    expect(rooms.find((r) => r.head === '302')).toMatchObject({ floor: 3, beds: 2, hosts: 'any' });
    // A room under repair (维修) or with 0 beds: on the list, out of use, never placed.
    const repair = roomList([
      [1, '211', '2楼', '2床', '男', '', '维修中'],
      [2, 'B101', 'B1', '0', '均可', '', ''],
    ]);
    expect(
      value(await t.router.call('lodging.importHouseholds', { siteId: dorm, grant: t.grant(repair, 'tableImport') })),
    ).toMatchObject({
      added: 2,
    });
    const after = value(await t.router.call('lodging.households', { siteId: dorm }));
    expect(after.find((r) => r.head === '211')).toMatchObject({ active: false, notes: '维修中', floor: 2 });
    expect(after.find((r) => r.head === 'B101')).toMatchObject({ active: false, beds: 0, floor: -1 });
    // Again: nothing changes.
    expect(
      value(await t.router.call('lodging.importHouseholds', { siteId: dorm, grant: t.grant(file, 'tableImport') })),
    ).toMatchObject({
      added: 0,
      unchanged: 20,
    });
  });

  it('refuses a bad list whole, each row named by its room, and a bad room by hand — nothing changed', async () => {
    const bad = roomList([
      [1, '401', '4楼', '两张', '男', '', ''],
      [2, '402', '四层', '2床', '男女', '', ''],
      [3, '403', '顶楼', '2', '男', '', ''],
      [4, '404', '4', '2', '老人', '', ''],
      [5, '401', '4', '2', '女', '', ''],
      [6, '', '4', '2', '女', '', ''],
    ]);
    const before = snapshot(t.core.db);
    const preview = value(
      await t.router.call('lodging.importHouseholdsPreview', { siteId: dorm, grant: t.grant(bad, 'tableImport') }),
    );
    const problems = preview.problems.map((p) => `${p.row}:${p.who ?? ''}:${p.message}`);
    expect(problems.join('\n')).toMatch(/^5:403:.*楼层/m);
    expect(problems.join('\n')).toMatch(/^6:404:.*性别/m);
    expect(problems.join('\n')).toMatch(/401/);
    expect(problems.some((p) => p.startsWith('8:'))).toBe(true);
    const refused = failure(
      await t.router.call('lodging.importHouseholds', { siteId: dorm, grant: t.grant(bad, 'tableImport') }),
      'INVALID_INPUT',
    );
    expect(refused.message).toContain('第 5 行（403）');
    expect(snapshot(t.core.db)).toBe(before);
    for (const [fields, said] of [
      [{ head: '501', beds: 0 }, '“床位”应至少为 1'],
      [{ head: '501', beds: 2, floor: 300 }, '“楼层”不能超过 200'],
      [{ head: '501', beds: 2, floor: 2.5 }, '楼层'],
      [{ head: '501', beds: 2, hosts: '老人' }, '“性别”的取值“老人”无效'],
      [{ head: ' ', beds: 2 }, '请填写“房间号”'],
    ] as const)
      expect(failure(await t.router.call('lodging.saveRoom', { siteId: dorm, fields }), 'INVALID_INPUT').message).toContain(said);
    value(await t.router.call('lodging.saveRoom', { siteId: dorm, fields: { head: '501', beds: 2, floor: 5, hosts: 'female' } }));
    expect(
      failure(await t.router.call('lodging.saveRoom', { siteId: dorm, fields: { head: '501', beds: 3 } }), 'INVALID_INPUT')
        .message,
    ).toBe('“辽源市委党校学员宿舍”已有 501 房间');
  });
});
