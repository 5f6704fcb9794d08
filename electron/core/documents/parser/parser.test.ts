import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../../shared/events';
import { failure, value } from '../../testing/expect-result';
import { csvText, header, messyRoster, plainRows, standardRoster, writeBook } from '../../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../../testing/temp-core';
import { parserLimits } from './pool';

// A .xls (a roster written by SheetJS as BIFF5) with a run of 48 bytes zeroed in its cell records,
// found by mutating real files: SheetJS spends about twenty seconds on it before giving up, on a
// machine where the undamaged file takes milliseconds.
const slowDamagedXls = join(import.meta.dirname, '../../testing/fixtures/damaged-slow.xls');

let t: TempCore;
let classId: number;
const events: CoreEvent[] = [];
beforeAll(async () => {
  t = openTempCore({ emit: (event) => events.push(event) });
  classId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2019年市管干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-14',
    }),
  ).id;
});
afterAll(() => t.dispose());

const previewOf = (path: string, jobId?: string) =>
  t.router.call('roster.importPreview', { classId, grant: t.grant(path, 'rosterImport'), ...(jobId ? { jobId } : {}) });

// A seeded generator, so that a failing case can be made again from the seed the test prints.
const generator = (seed: number) => {
  let state = seed >>> 0 || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
};

const mutations = {
  // Four bytes anywhere set to anything.
  bytes: (bytes: Buffer, random: (below: number) => number) => {
    const out = Buffer.from(bytes);
    for (let n = 0; n < 4; n += 1) out[random(out.length)] = random(256);
    return out;
  },
  // Cut off somewhere after its first bytes, as a copy that stopped half-way.
  truncation: (bytes: Buffer, random: (below: number) => number) => bytes.subarray(0, 8 + random(bytes.length - 8)),
  // A run of zeros, as a bad sector reads.
  zeros: (bytes: Buffer, random: (below: number) => number) => {
    const out = Buffer.from(bytes);
    const at = random(out.length);
    out.fill(0, at, Math.min(out.length, at + 1 + random(256)));
    return out;
  },
} as const;

// The spreadsheets people send, as the programs they use write them.
const realSpreadsheets = async (dir: string): Promise<Record<string, string>> => {
  const rows = [header, ...plainRows(30)];
  const compressed = join(dir, 'sheetjs-compressed.xlsx');
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '学员名册');
  writeFileSync(compressed, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }));
  const excelJs = join(dir, 'exceljs.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学员名册');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(excelJs);
  const gbk = join(dir, 'gbk.csv');
  writeFileSync(gbk, iconv.encode(csvText(rows), 'gbk'));
  return {
    'xlsx (SheetJS)': standardRoster(dir, 30, 'sheetjs.xlsx'),
    'xlsx (SheetJS, deflated)': compressed,
    'xlsx (ExcelJS)': excelJs,
    'xlsx (title, merges)': messyRoster(dir),
    'xls (BIFF8)': messyRoster(dir, 'biff8', 'xls'),
    'xls (BIFF5)': writeBook(join(dir, 'biff5.xls'), rows, 'biff5'),
    'csv (GBK)': gbk,
  };
};

describe('every file from outside is read in a worker that is stopped when it overruns', () => {
  it('mutated real spreadsheets each end, within their deadline, as a preview or a clear refusal', async () => {
    const seed = Number(process.env['CADRE_MUTATION_SEED'] ?? Date.now() % 1_000_000);
    const random = generator(seed);
    const files = await realSpreadsheets(t.dir);
    const before = snapshot(t.core.db);
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    let cases = 0;
    let slowest = 0;
    for (const [kind, path] of Object.entries(files)) {
      const original = readFileSync(path);
      for (const [name, mutate] of Object.entries(mutations)) {
        for (let n = 0; n < 5; n += 1) {
          const mutated = join(t.dir, `mutated-${cases}${path.slice(path.lastIndexOf('.'))}`);
          writeFileSync(mutated, mutate(original, random));
          const started = performance.now();
          const result = await previewOf(mutated);
          const took = performance.now() - started;
          slowest = Math.max(slowest, took);
          cases += 1;
          const where = `seed ${seed}, case ${cases} (${kind}, ${name})`;
          // Within the deadline for its size, with room for a fresh worker to start after an overrun.
          expect(took, where).toBeLessThan(parserLimits.deadlineMs(statSync(mutated).size) + 15_000);
          if (result.ok) {
            count(`${name}: preview`);
            continue;
          }
          expect(result.error.code, `${where}: ${result.error.message}`).toBe('INVALID_INPUT');
          expect(result.error.message, where).toMatch(/[\u4e00-\u9fff]/);
          count(`${name}: refused`);
          count(`refused: ${result.error.message.replace(/“[^”]*”/g, '“…”').slice(0, 24)}`);
        }
      }
    }
    console.log(
      `mutated spreadsheets: ${cases} cases from ${Object.keys(files).length} real files (seed ${seed}), ` +
        `slowest ${Math.round(slowest)} ms\n` +
        [...outcomes].map(([key, n]) => `  ${key} × ${n}`).join('\n'),
    );
    // Each kind of damage was tried, and both endings occurred: the test reached the reader's
    // refusals and its successful reading alike.
    for (const name of Object.keys(mutations)) {
      expect((outcomes.get(`${name}: preview`) ?? 0) + (outcomes.get(`${name}: refused`) ?? 0)).toBe(
        5 * Object.keys(files).length,
      );
    }
    expect([...outcomes.keys()].filter((key) => key.endsWith(': preview')).length).toBeGreaterThan(0);
    expect([...outcomes.keys()].filter((key) => key.endsWith(': refused')).length).toBeGreaterThan(0);
    // A preview writes nothing.
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('a damaged .xls that keeps its parser busy is stopped at the deadline; the core answers meanwhile', async () => {
    const deadline = parserLimits.deadlineMs(statSync(slowDamagedXls).size);
    const started = performance.now();
    const reading = previewOf(slowDamagedXls);
    // While the worker is busy, the core's own thread answers at once.
    const listed = await t.router.call('classes.list', {});
    const answeredAfter = performance.now() - started;
    expect(listed.ok).toBe(true);
    const refused = failure(await reading, 'INVALID_INPUT');
    const took = performance.now() - started;
    console.log(
      `damaged .xls: stopped after ${Math.round(took)} ms (deadline ${deadline} ms); classes.list answered after ${Math.round(answeredAfter)} ms`,
    );
    expect(refused.message).toMatch(/^文件“damaged-slow\.xls”无法读取（可能已损坏）：\d+ 秒内没有读完，已停止读取$/);
    expect(answeredAfter).toBeLessThan(deadline);
    // A fresh worker reads the next file.
    expect(value(await previewOf(standardRoster(t.dir, 5, 'after.xlsx'))).dataRows).toBe(5);
  });

  it('cancelling while the worker reads stops the reading', async () => {
    events.length = 0;
    const started = performance.now();
    const reading = previewOf(slowDamagedXls, 'read-1');
    // Cancelled as the progress bar's button would, once the job says it is reading.
    while (!events.some((event) => event.type === 'job.progress' && event.jobId === 'read-1' && event.phase === 'read'))
      await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 200));
    t.core.jobs.cancel('read-1');
    failure(await reading, 'CANCELLED');
    expect(performance.now() - started).toBeLessThan(parserLimits.deadlineMs(statSync(slowDamagedXls).size));
    expect(value(await previewOf(standardRoster(t.dir, 5, 'after.xlsx'))).dataRows).toBe(5);
  });

  it('a file that needs more memory than the worker may have is stopped', async () => {
    // A heap of 40 MB holds the worker and a small roster (about 25 MB from the sources), not a roster of
    // 30,000 people (about 60 MB).
    const small = openTempCore({ parserLimits: { ...parserLimits, memoryMb: 40 } });
    try {
      const target = value(
        await small.router.call('classes.create', {
          category: '主体班',
          name: '2019年科级干部培训班',
          startDate: '2019-07-01',
          endDate: '2019-07-12',
        }),
      ).id;
      const file = standardRoster(small.dir, 30_000);
      const refused = failure(
        await small.router.call('roster.importPreview', { classId: target, grant: small.grant(file, 'rosterImport') }),
        'INVALID_INPUT',
      );
      expect(refused.message).toBe('文件“roster-30000.xlsx”无法读取（可能已损坏）：读取所需内存超过 40 MB，已停止读取');
      // The same core reads a small file afterwards, in a fresh worker.
      const fine = standardRoster(small.dir, 5, 'small.xlsx');
      expect(
        value(await small.router.call('roster.importPreview', { classId: target, grant: small.grant(fine, 'rosterImport') }))
          .dataRows,
      ).toBe(5);
    } finally {
      small.dispose();
    }
  });
});
