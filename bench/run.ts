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

await importAndExport();
await search();

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
