import { performance } from 'node:perf_hooks';
import { assignBeds, type Person, type Room } from '../electron/core/lodging/assign';
import { value } from '../electron/core/testing/expect-result';
import { join } from 'node:path';
import { standardRoster, writeBook } from '../electron/core/testing/roster-files';
import { openTempCore } from '../electron/core/testing/temp-core';
import type { LodgingFigure } from './lodging';

// Rooms at the school's dormitory: a class of 120 (ten groups, four needing a room alone) placed in
// 70 rooms on seven floors — men's floors, women's, and floors for either — one kept for the 班主任.
// Timed as the person meets it: 全部重新安排 through the core (the stay, the rooms and the people read
// from SQLite, the engine, the placements written, the board read back), against a raw floor measured
// in the same run: the plain SQL read of the rooms and the people, nothing checked or placed.

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const roomsFigures = async (): Promise<LodgingFigure[]> => {
  const t = openTempCore();
  try {
    const classId = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年年轻干部培训班',
        startDate: '2019-09-09',
        endDate: '2019-09-20',
      }),
    ).id;
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 120), 'rosterImport') }));
    value(await t.router.call('roster.splitGroups', { classId, groups: 10 }));
    const siteId = value(await t.router.call('sites.savePoint', { fields: { name: '学员宿舍', kind: '宿舍' } })).id;
    for (let floor = 2; floor <= 8; floor += 1)
      for (let n = 1; n <= 10; n += 1)
        value(
          await t.router.call('lodging.saveHousehold', {
            siteId,
            fields: {
              head: `${floor}${String(n).padStart(2, '0')}`,
              floor,
              // The last room of each floor a single.
              beds: n === 10 ? 1 : 2,
              hosts: floor <= 4 ? 'male' : floor <= 6 ? 'female' : 'any',
            },
          }),
        );
    t.core.db.prepare("UPDATE enrolments SET notes = '需单间' WHERE id IN (SELECT id FROM enrolments ORDER BY id LIMIT 4)").run();
    const stay = value(
      await t.router.call('lodging.saveStay', { classId, fields: { siteId, arrive: '2019-09-09', depart: '2019-09-20' } }),
    );
    const kept = t.core.db.prepare("SELECT id FROM households WHERE head = '801'").pluck().get() as number;
    value(await t.router.call('lodging.reserve', { stayId: stay.id, householdId: kept, for: '班主任' }));

    // Warm once, then the median of 11 full re-runs.
    let board = value(await t.router.call('lodging.assign', { stayId: stay.id, rearrange: true }));
    const runs: number[] = [];
    for (let run = 0; run < 11; run += 1) {
      const start = performance.now();
      board = value(await t.router.call('lodging.assign', { stayId: stay.id, rearrange: true }));
      runs.push(performance.now() - start);
    }
    // The floor: the rooms of the site and the people of the class, read as plain rows.
    const readRooms = t.core.db.prepare('SELECT id, head, floor, beds, hosts, active FROM households WHERE site_id = ?');
    const readPeople = t.core.db.prepare(
      `SELECT e.id, t.name, t.sex, e.group_no, t.unit, e.role, e.notes FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
        WHERE e.class_id = ? AND e.status <> 'withdrawn'`,
    );
    const floors: number[] = [];
    for (let run = 0; run < 51; run += 1) {
      const start = performance.now();
      readRooms.all(siteId);
      readPeople.all(classId);
      floors.push(performance.now() - start);
    }
    // The engine alone, on the same rooms and people.
    const rooms: Room[] = board.households.map((h) => ({
      id: h.id,
      free: h.free,
      hosts: h.hosts,
      mixed: false,
      reserved: h.reservedFor !== null,
    }));
    const people: Person[] = [...board.households.flatMap((h) => h.occupants), ...board.unplaced].map((p) => ({
      id: p.enrolmentId,
      sex: p.sex,
      group: p.group,
      unit: p.unit,
      leader: p.role !== '',
      single: p.single,
    }));
    const engine: number[] = [];
    for (let run = 0; run < 21; run += 1) {
      const start = performance.now();
      assignBeds(people, rooms, []);
      engine.push(performance.now() - start);
    }
    const assignMs = median(runs);
    const floorMs = median(floors);
    const singlesAlone = board.households.filter((h) => h.occupants.some((o) => o.single) && h.occupants.length === 1).length;
    return [
      { what: '全部重新安排 120 trainees into 70 dormitory rooms through the core, median of 11', ms: assignMs, target: 50 },
      { what: '  raw floor: plain SQL read of the 70 rooms and the 120 people, median of 51', ms: floorMs },
      { what: '  assign ÷ floor', ms: floorMs > 0 ? assignMs / floorMs : 0, unit: '×' as const },
      { what: '  the engine alone (assignBeds), median of 21', ms: median(engine) },
      { what: '  placed, of 120', ms: board.figures.placed, unit: 'n' },
      { what: '  of the 4 needing a room alone, alone in a room', ms: singlesAlone, unit: 'n', target: 4 },
      {
        what: '  trainees in the room kept for the 班主任',
        ms: board.households.find((h) => h.id === kept)?.occupants.length ?? -1,
        unit: 'n',
        target: 0,
      },
      { what: '  rooms per group (fewer is better)', ms: board.figures.householdsPerGroup, unit: 'n' },
      { what: '  most people of one work unit in one room', ms: board.figures.maxSameUnit, unit: 'n' },
      ...(await roomListFigures()),
    ];
  } finally {
    t.dispose();
  }
};

// A hotel group's whole room list (or a crafted one) read through preview and commit: the time a row
// must not grow with the rows already read (each row once asked the site for its count of rooms).
const roomListFigures = async (): Promise<LodgingFigure[]> => {
  const t = openTempCore();
  try {
    const perRow: number[] = [];
    const figures: LodgingFigure[] = [];
    for (const rows of [10_000, 40_000]) {
      const siteId = value(await t.router.call('sites.savePoint', { fields: { name: `宾馆${rows}`, kind: '宾馆' } })).id;
      const file = writeBook(join(t.dir, `rooms-${rows}.xlsx`), [
        ['序号', '房间号', '楼层', '床位', '性别', '房型'],
        ...Array.from({ length: rows }, (_, i) => [
          i + 1,
          `${Math.floor(i / 40) + 1}-${i % 40}`,
          `${(i % 30) + 1}楼`,
          '2床',
          i % 2 ? '男' : '女',
          '标间',
        ]),
      ]);
      const start = performance.now();
      const preview = value(
        await t.router.call('lodging.importHouseholdsPreview', { siteId, grant: t.grant(file, 'tableImport') }),
      );
      value(
        await t.router.call('lodging.importHouseholds', { siteId, grant: t.grant(file, 'tableImport'), token: preview.token }),
      );
      const ms = performance.now() - start;
      perRow.push(ms / rows);
      figures.push({ what: `room list of ${rows.toLocaleString('en')} rows: preview + commit`, ms });
    }
    const [small = 0, large = 0] = perRow;
    figures.push({
      what: '  time a row, 40,000 rows ÷ 10,000 rows (1 when linear)',
      ms: small > 0 ? large / small : 0,
      unit: '×' as const,
    });
    return figures;
  } finally {
    t.dispose();
  }
};
