// `npm run bench`: the speed figures the issues ask for, printed with the machine they ran on.
// Figures, not assertions: a slow CI machine must not fail the tests.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem, type, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { value } from '../electron/core/testing/expect-result';
import { person, idOf, standardRoster } from '../electron/core/testing/roster-files';
import { openTempCore } from '../electron/core/testing/temp-core';
import { archiveFigures } from './archive';
import { hostFigures } from './host';
import { lodgingFigures } from './lodging';
import { roomsFigures } from './rooms';
import { reportFigures } from './reports';
import { workbenchFigures } from './workbench';
import { paletteFigures } from './palette';
import { seedSchedules } from './seed-schedules';
import { hostileTextFigures } from './hostile-text';
import { signinPdfFigures } from './signin-pdf';
import { encodeReadings, personPinyinKey, readingsOf } from '../shared/text/pinyin';

const figureSchema = z.object({
  what: z.string(),
  ms: z.number(),
  target: z.number().optional(),
  unit: z.enum(['ms', '%', '×', 'n']).optional(),
});
type Figure = z.output<typeof figureSchema>;
const reported = z.union([figureSchema, z.object({ skipped: z.string() })]);
const figures: Figure[] = [];
const skipped: string[] = [];

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

// The raw floor of an import, as the issue defines it: SheetJS reading the file, then one transaction
// of plain INSERTs into a table of the same columns (no checks, no matching, no log).
const importFloor = (file: string, dir: string): number => {
  const start = performance.now();
  const book = XLSX.read(readFileSync(file), { type: 'buffer', dense: true, cellText: false });
  const sheet = book.Sheets[book.SheetNames[0] ?? ''];
  const rows = sheet ? XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null }) : [];
  const width = Math.max(...rows.map((row) => row.length));
  const db = new Database(join(dir, `floor-${Date.now()}.sqlite3`));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE floor (${Array.from({ length: width }, (_, i) => `c${i}`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO floor VALUES (${Array.from({ length: width }, () => '?').join(', ')})`);
  db.transaction(() => {
    for (const row of rows) insert.run(...Array.from({ length: width }, (_, i) => (row[i] ?? null) as string | number | null));
  })();
  db.close();
  return performance.now() - start;
};

// One import of 10,000 rows into a fresh data folder, with the database synced as given.
const importRun = async (synchronous: 'FULL' | 'NORMAL') => {
  const t = openTempCore();
  try {
    // The app opens with FULL; NORMAL is WAL's default, measured for what FULL costs.
    t.core.db.pragma(`synchronous = ${synchronous}`);
    const classId = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年市管干部培训班',
        startDate: '2019-06-03',
        endDate: '2019-06-14',
      }),
    ).id;
    const file = standardRoster(t.dir, 10_000, 'roster-10000.xlsx');
    const floor = importFloor(file, t.dir);
    const grant = t.grant(file, 'rosterImport');
    // The parser worker is started once per data folder, at its first file: a small file starts it
    // here, as the person's first import of a session would.
    value(
      await t.router.call('roster.importPreview', {
        classId,
        grant: t.grant(standardRoster(t.dir, 3, 'warm.xlsx'), 'rosterImport'),
      }),
    );
    let start = performance.now();
    const preview = value(await t.router.call('roster.importPreview', { classId, grant }));
    const previewed = performance.now() - start;
    start = performance.now();
    value(await t.router.call('roster.importCommit', { classId, grant, token: preview.token }));
    const committed = performance.now() - start;
    start = performance.now();
    const out = t.grant(join(t.dir, 'out.xlsx'), 'export');
    value(await t.router.call('roster.export', { classId, document: 'roster', format: 'xlsx', grant: out }));
    return { floor, preview: previewed, commit: committed, exported: performance.now() - start };
  } finally {
    t.dispose();
  }
};

const importAndExport = async () => {
  const runs: Awaited<ReturnType<typeof importRun>>[] = [];
  const normal: Awaited<ReturnType<typeof importRun>>[] = [];
  for (let run = 0; run < 3; run += 1) {
    runs.push(await importRun('FULL'));
    normal.push(await importRun('NORMAL'));
  }
  const mid = (pick: (r: (typeof runs)[number]) => number, of = runs) => median(of.map(pick));
  figures.push(
    { what: 'import 10,000-row .xlsx: preview, median of 3', ms: mid((r) => r.preview) },
    { what: 'import 10,000-row .xlsx: commit (synchronous=FULL), median of 3', ms: mid((r) => r.commit) },
    { what: 'the same commit with synchronous=NORMAL (before), median of 3', ms: mid((r) => r.commit, normal) },
    { what: 'import 10,000-row .xlsx: preview + commit, median of 3', ms: mid((r) => r.preview + r.commit), target: 2000 },
    { what: 'raw floor in the same run (SheetJS parse + one transaction of plain INSERTs)', ms: mid((r) => r.floor) },
    {
      what: 'import ÷ raw floor, median of 3 runs',
      ms: median(runs.map((r) => (r.preview + r.commit) / r.floor)),
      unit: '×',
      target: 1.5,
    },
    { what: 'export the same 10,000 to .xlsx, median of 3', ms: mid((r) => r.exported), target: 2000 },
  );
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
    // Queries that find many (王伟 by initials, a unit) and ones that find nobody, which scan every
    // name twice (exact, then near misses): the generated names never pair 张 with 洋, nor 李 with 杰.
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

const conflicts = async () => {
  const t = openTempCore();
  try {
    seedSchedules(t.core.db);
    // As on a workstation, where the data folder has been opened and closed since these were entered.
    t.core.db.pragma('optimize');
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

// The schedule screen runs in Chromium, in its own process: the page code it hands to the browser
// must not pass through this process's TypeScript loader twice.
const weekGrid = () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'week-grid.ts')], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    const parsed = reported.parse(JSON.parse(line));
    if ('skipped' in parsed) skipped.push(`week grid: ${parsed.skipped}`);
    else figures.push(parsed);
  }
  if (run.status !== 0) skipped.push(`week grid failed: ${run.stderr.trim().split('\n').slice(0, 3).join(' ')}`);
};

// `npm run bench -- search conflicts` runs only the sections named; no names runs them all.
const host = async () => figures.push(...(await hostFigures()));

const lodging = () => figures.push(...lodgingFigures());

const rooms = async () => figures.push(...(await roomsFigures()));

const reports = async () => figures.push(...(await reportFigures()));

const workbench = async () => figures.push(...(await workbenchFigures()));

const palette = async () => figures.push(...(await paletteFigures()));

const archive = async () => figures.push(...(await archiveFigures()));

const signinPdf = async () => {
  const measured = await signinPdfFigures();
  if (typeof measured === 'string') skipped.push(`签到表 PDF: ${measured}`);
  else figures.push(...measured);
};

const hostileText = () => figures.push(...hostileTextFigures());

const sections = {
  import: importAndExport,
  host,
  search,
  conflicts,
  lodging,
  rooms,
  reports,
  workbench,
  palette,
  archive,
  'signin-pdf': signinPdf,
  'week-grid': weekGrid,
  'hostile-text': hostileText,
} satisfies Record<string, () => unknown>;
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`unknown section: ${unknown.join(', ')}; choose from ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(sections)) if (chosen.length === 0 || chosen.includes(name)) await run();

console.log(`\n党校培训班管理 — benchmark\nmachine: ${machine()}\n`);
for (const figure of figures) {
  const unit = figure.unit ?? 'ms';
  const shown =
    unit === '×'
      ? `${figure.ms.toFixed(2)} ×`
      : unit === 'n'
        ? Number.isInteger(figure.ms)
          ? String(figure.ms)
          : figure.ms.toFixed(2)
        : `${figure.ms.toFixed(1)} ${unit}`;
  const verdict =
    figure.target === undefined
      ? ''
      : figure.ms <= figure.target
        ? `  ✓ (target ${figure.target}${unit === 'n' ? '' : ` ${unit}`})`
        : `  ✗ over the ${figure.target}${unit === 'n' ? '' : ` ${unit}`} target`;
  console.log(`${figure.what.padEnd(86)} ${shown.padStart(10)}${verdict}`);
}
for (const reason of skipped) console.log(`not measured — ${reason}`);
