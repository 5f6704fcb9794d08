import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/lodging/schemas';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { failure, value } from '../testing/expect-result';
import { pdfText, readXlsx } from '../testing/read-documents';
import { standardRoster, writeBook } from '../testing/roster-files';
import { bareSampleClass } from '../testing/sample-class';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
let classId: number;
let dorm: number;

// The sample's 年轻干部 class with forty trainees in five groups, and the school's dormitory: a point of
// kind 宿舍 with no rooms yet.
beforeEach(async () => {
  t = openTempCore({ platform: chromiumPlatform() });
  value(await t.router.call('app.loadSample', {}));
  classId = await bareSampleClass(t);
  value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 40), 'rosterImport') }));
  value(await t.router.call('roster.splitGroups', { classId, groups: 5 }));
  dorm = value(
    await t.router.call('sites.savePoint', { fields: { name: '辽源市委党校学员宿舍', kind: '宿舍', address: '辽源市龙山区' } }),
  ).id;
});
afterEach(() => t.dispose());

// A front desk's room list: 序号 and a column nobody asked for, floors and beds with their units.
const roomList = (rows: (string | number)[][]) =>
  writeBook(join(t.dir, `房间表-${rows.length}.xlsx`), [
    ['学员宿舍房间表'],
    ['序号', '房间号', '楼层', '床位', '性别', '朝向', '备注'],
    ...rows,
  ]);

const twentyRooms = () =>
  roomList(
    Array.from({ length: 20 }, (_, i) => {
      const floor = 2 + Math.floor(i / 10);
      const no = `${floor}${String((i % 10) + 1).padStart(2, '0')}`;
      // 2 beds mostly; a single room on each floor; the first floor's rooms for men, the second's women's or either.
      const beds = i % 10 === 9 ? '1床' : '2床';
      const sex = floor === 2 ? '男' : i % 2 === 0 ? '女' : '均可';
      return [i + 1, `${no}室`, `${floor}楼`, beds, sex, '南', ''];
    }),
  );

const stayAt = async (site = dorm) =>
  value(
    await t.router.call('lodging.saveStay', { classId, fields: { siteId: site, arrive: '2019-09-09', depart: '2019-09-12' } }),
  );

const holdsRoomRules = (board: Board) => {
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
    expect(body.filter((row) => row[4] !== '' && !row[4]?.startsWith('工作人员')).length).toBe(result.figures.placed);
    expect(body.find((row) => row[0] === '301')?.[4]).toBe('工作人员：班主任 王老师');
    expect(body.some((row) => row[4]?.endsWith('（单间）'))).toBe(true);
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
    // A page of each to look at.
    const out = process.env['CADRE_SCREENS'];
    if (out && existsSync(out)) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(out, 'rooms-list')]);
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
