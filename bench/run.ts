// `npm run bench`: the speed figures the issues ask for, printed with the machine they ran on.
// Figures, not assertions: a slow CI machine must not fail the tests.
import { cpus, totalmem, type, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { value } from '../electron/core/testing/expect-result';
import { person, idOf, standardRoster } from '../electron/core/testing/roster-files';
import { openTempCore } from '../electron/core/testing/temp-core';
import { encodeReadings, personPinyinKey, readingsOf } from '../shared/text/pinyin';

type Figure = { what: string; ms: number; target?: number };
const figures: Figure[] = [];

const time = async <T>(what: string, run: () => Promise<T> | T, target?: number): Promise<T> => {
  const start = performance.now();
  const result = await run();
  figures.push({ what, ms: performance.now() - start, ...(target === undefined ? {} : { target }) });
  return result;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const machine = () => {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, ${type()} ${release()}, Node ${process.version}`;
};

const importAndExport = async () => {
  const t = openTempCore();
  try {
    const classId = value(
      await t.router.call('classes.create', { name: '2019年市管干部培训班', startDate: '2019-06-03', endDate: '2019-06-14' }),
    ).id;
    const file = standardRoster(t.dir, 10_000, 'roster-10000.xlsx');
    const preview = await time('import 10,000-row .xlsx: preview', async () =>
      value(await t.router.call('roster.importPreview', { classId, path: file })),
    );
    await time('import 10,000-row .xlsx: commit', async () =>
      value(await t.router.call('roster.importCommit', { classId, path: file, token: preview.token })),
    );
    const total = figures.slice(-2).reduce((sum, f) => sum + f.ms, 0);
    figures.push({ what: 'import 10,000-row .xlsx: preview + commit', ms: total, target: 2000 });
    await time(
      'export the same 10,000 to .xlsx',
      async () =>
        value(
          await t.router.call('roster.export', { classId, document: 'roster', format: 'xlsx', path: join(t.dir, 'out.xlsx') }),
        ),
      2000,
    );
  } finally {
    t.dispose();
  }
};

const search = async () => {
  const t = openTempCore();
  try {
    const insert = t.core.db.prepare(
      `INSERT INTO trainees (name, sex, id_number, phone, unit, name_readings, name_pinyin, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    const readingsByName = new Map<string, [string, string]>();
    t.core.db.transaction(() => {
      for (let n = 0; n < 100_000; n += 1) {
        const p = person(n);
        let derived = readingsByName.get(p.name);
        if (!derived) {
          derived = [encodeReadings(readingsOf(p.name)), personPinyinKey(p.name)];
          readingsByName.set(p.name, derived);
        }
        insert.run(
          p.name,
          p.sex === '男' ? 'male' : 'female',
          n < 400 * 2 ? idOf(p, n) : null,
          p.phone,
          `${p.unit}${n % 97}科`,
          derived[0],
          derived[1],
        );
      }
    })();
    await time('trainee search over 100,000: first query (builds the index)', async () =>
      value(await t.router.call('trainees.search', { search: 'zs' })),
    );
    // Queries that find people in the generated data (王伟, 张洋 …), a unit, and one that finds nobody.
    for (const query of ['ww', 'zhangy', '张洋', '财政局', 'lijie', 'xyzq']) {
      const runs: number[] = [];
      let total = 0;
      for (let i = 0; i < 9; i += 1) {
        const start = performance.now();
        total = value(await t.router.call('trainees.search', { search: query })).total;
        runs.push(performance.now() - start);
      }
      figures.push({
        what: `trainee search over 100,000 "${query}" (${total} found), median of 9`,
        ms: median(runs),
        target: 50,
      });
    }
    // After one person is edited, the next search reads only what changed.
    value(await t.router.call('trainees.update', { id: 4242, fields: { name: '王伟', unit: '辽源市财政局' } }));
    await time(
      'trainee search over 100,000 right after one trainee changed',
      async () => value(await t.router.call('trainees.search', { search: 'ww' })),
      50,
    );
  } finally {
    t.dispose();
  }
};

// 51 classes over the same 40 days, 300 sessions each, 120 teachers and 60 places shared between them.
const conflicts = async () => {
  const t = openTempCore();
  try {
    const db = t.core.db;
    const staff = db.prepare(`INSERT INTO staff (name, created_at, updated_at) VALUES (?, 't', 't')`);
    db.transaction(() => {
      for (let i = 0; i < 120; i += 1) staff.run(`教师${i}`);
    })();
    const insertClass = db.prepare(
      `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
       VALUES (?, ?, '主体班', 2026, '2026-03-02', '2026-04-10', 'planning', 't', 't')`,
    );
    const session = db.prepare(
      `INSERT INTO sessions (class_id, date, start_time, end_time, title, place, groups, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 't', 't')`,
    );
    const teacher = db.prepare('INSERT INTO session_teachers (session_id, staff_id) VALUES (?, ?)');
    const slots = [
      ['08:30', '10:00'],
      ['10:15', '11:45'],
      ['14:00', '15:30'],
      ['15:45', '17:15'],
      ['19:00', '20:30'],
      ['20:40', '21:30'],
      ['13:00', '13:50'],
      ['17:30', '18:20'],
    ] as const;
    db.transaction(() => {
      for (let c = 1; c <= 51; c += 1) {
        insertClass.run(`2026-${String(c).padStart(3, '0')}`, `2026年第${c}期培训班`);
        for (let i = 0; i < 300; i += 1) {
          const day = Math.floor(i / 8) % 40;
          const [start, end] = slots[i % 8] ?? slots[0];
          const date = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
          const { lastInsertRowid } = session.run(
            c,
            date,
            start,
            end,
            `第${i + 1}讲`,
            `教室${(c * 7 + i) % 60}`,
            JSON.stringify(i % 3 === 0 ? [1] : []),
          );
          // Now and then a teacher of class 1 is booked by class 2 at the same hour: real clashes to find.
          const clash = c === 2 && i % 25 === 0;
          teacher.run(lastInsertRowid, (((clash ? 1 : c) * 13 + i * 7) % 120) + 1);
        }
      }
    })();
    // As on a workstation, where the data folder has been opened and closed since these were entered.
    db.pragma('optimize');
    const runs: number[] = [];
    let found = 0;
    for (let i = 0; i < 7; i += 1) {
      const start = performance.now();
      found = value(await t.router.call('schedule.conflicts', { classId: 1 })).length;
      runs.push(performance.now() - start);
    }
    figures.push({
      what: `conflict check: 300 sessions against 50 other classes (15,300 sessions; ${found} found), median of 7`,
      ms: median(runs),
      target: 50,
    });
    const draft = { date: '2026-03-10', start: '08:30', end: '10:00', title: '新课', teacherIds: [5], place: '教室3' };
    const checks: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const start = performance.now();
      value(await t.router.call('schedule.check', { classId: 1, session: draft }));
      checks.push(performance.now() - start);
    }
    figures.push({ what: 'checking one session while it is edited, median of 7', ms: median(checks), target: 50 });
  } finally {
    t.dispose();
  }
};

await importAndExport();
await search();
await conflicts();

console.log(`\n党校培训班管理 — benchmark\nmachine: ${machine()}\n`);
for (const figure of figures) {
  const verdict =
    figure.target === undefined
      ? ''
      : figure.ms <= figure.target
        ? `  ✓ (target ${figure.target} ms)`
        : `  ✗ over the ${figure.target} ms target`;
  console.log(`${figure.what.padEnd(78)} ${figure.ms.toFixed(1).padStart(9)} ms${verdict}`);
}
