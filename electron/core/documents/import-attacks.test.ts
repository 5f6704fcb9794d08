import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { message } from '../../../shared/i18n/translate';
import { shownMax } from '../../../shared/text/shown';
import { writeBook } from '../testing/roster-files';
import { writeExport, wjxRows, madeAnswers, questionTexts } from '../testing/survey-exports';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

// Files crafted by someone who wants to hurt the office that imports them: each must be read in
// bounded time and memory, or refused in words, never hang the app.

let t: TempCore;
beforeEach(() => {
  t = openTempCore();
});
afterEach(() => t.dispose());

describe('crafted table files', () => {
  it('reads a 师资库 declaring four hundred thousand merged ranges in seconds, not minutes', async () => {
    const rows = [['姓名', '工作单位', '职务/职称'], ...Array.from({ length: 10_000 }, (_, i) => [`教师${i}`, '某校', '讲师'])];
    // Merged ranges far below the table: nothing to fill, but every cell of every row was once
    // checked against each of them on the app's main thread.
    const merges: XLSX.Range[] = Array.from({ length: 400_000 }, (_, i) => ({
      s: { r: 500_000 + i * 2, c: 0 },
      e: { r: 500_001 + i * 2, c: 2 },
    }));
    const grant = t.grant(writeBook(join(t.dir, '师资库.xlsx'), rows, 'xlsx', merges), 'tableImport');
    const started = performance.now();
    expect(value(await t.router.call('staff.import', { grant }))).toMatchObject({ added: 10_000 });
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it('refuses, in words and at once, a sheet whose merged ranges are stacked over one another across the whole sheet', async () => {
    const rows = [['姓名', '工作单位', '职务/职称'], ...Array.from({ length: 2000 }, (_, i) => [`教师${i}`, '某校', '讲师'])];
    // Each range A2:XFD1048576: filled one by one, the worker walked a million rows for each.
    const merges: XLSX.Range[] = Array.from({ length: 50_000 }, () => ({ s: { r: 1, c: 0 }, e: { r: 1_048_575, c: 16_383 } }));
    const grant = t.grant(writeBook(join(t.dir, '师资库.xlsx'), rows, 'xlsx', merges), 'tableImport');
    const before = snapshot(t.core.db);
    const started = performance.now();
    expect(failure(await t.router.call('staff.import', { grant }), 'INVALID_INPUT').message).toContain(
      message('import.overlappingMerges'),
    );
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(snapshot(t.core.db)).toEqual(before);
  }, 60_000);

  it('echoes a header or cell of 30,000 characters (the most Excel writes; a crafted file, a megabyte), or one with bidi overrides, as one short line', async () => {
    const long = `联系${'长'.repeat(30_000)}`;
    const spoof = '备注\u202e（已核对）\n第二行';
    const rows = [
      ['教学点名称', '容纳人数', long, spoof],
      // The same megabyte in a number column on every row: once echoed per row, gigabytes.
      ...Array.from({ length: 200 }, (_, i) => [`教学点${i}`, long, '', '']),
    ];
    const grant = t.grant(writeBook(join(t.dir, '现场教学点.xlsx'), rows), 'tableImport');
    const before = snapshot(t.core.db);
    const refused = failure(await t.router.call('sites.import', { grant }), 'INVALID_INPUT');
    expect(refused.message.length).toBeLessThan(2000);
    const issues = refused.details?.issues ?? [];
    expect(issues).toHaveLength(50);
    for (const issue of issues) expect(issue.message.length).toBeLessThan(shownMax + 100);
    expect(snapshot(t.core.db)).toEqual(before);

    const fine = [
      ['教学点名称', '容纳人数', long, spoof],
      ['教学点甲', '40人', '', ''],
    ];
    const done = value(
      await t.router.call('sites.import', { grant: t.grant(writeBook(join(t.dir, '现场教学点2.xlsx'), fine), 'tableImport') }),
    );
    expect(done.ignoredColumns).toEqual([`联系${'长'.repeat(shownMax - 2)}…`, '备注 (已核对) 第二行']);
  }, 60_000);

  it("names a platform export's unreadable answers under a question header of 30,000 characters in one short line", async () => {
    const answers = madeAnswers(40, 5);
    const questions = questionTexts.map((text, i) => (i === 0 ? `${text}${'啊'.repeat(30_000)}` : text));
    const rows = wjxRows(answers, questions).map((row, i) =>
      i > 0 && i % 2 === 0 ? row.map((cell, c) => (c === 6 ? '说不清' : cell)) : row,
    );
    const file = writeExport(join(t.dir, '问卷星.xlsx'), rows);
    value(await t.router.call('app.loadSample', {}));
    const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
    const result = await t.router.call('surveys.platformPreview', {
      classId,
      grant: t.grant(file, 'tableImport'),
      satisfaction: 'trainees',
    });
    const refused = failure(result, 'INVALID_INPUT');
    expect(refused.message.length).toBeLessThan(2000);
    for (const issue of refused.details?.issues ?? []) expect(issue.message.length).toBeLessThan(shownMax * 2 + 100);
  }, 60_000);

  it('refuses at once a 730 KB file pointing twenty thousand cells at one 30,000-character text', async () => {
    // Stored once, read twenty thousand times: 600 million characters folded and matched on the
    // app's own thread took two minutes before the import said anything.
    const long = `，${'长 '.repeat(15_000)}`;
    const rows = [['教学点名称', '容纳人数'], ...Array.from({ length: 20_000 }, (_, i) => [`点${i}`, long])];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '教学点');
    const path = join(t.dir, '现场教学点.xlsx');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }));
    const before = snapshot(t.core.db);
    const started = performance.now();
    const refused = failure(await t.router.call('sites.import', { grant: t.grant(path, 'tableImport') }), 'INVALID_INPUT');
    expect(refused.message).toBe(message('import.tooMuchText', { max: 16_000_000 }));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(snapshot(t.core.db)).toEqual(before);
  }, 60_000);

  it('refuses a cell longer than Excel lets a cell be, naming it', async () => {
    const path = join(t.dir, '现场教学点.csv');
    writeFileSync(path, `教学点名称,容纳人数\n点一,${'长'.repeat(40_000)}\n`);
    const refused = failure(await t.router.call('sites.import', { grant: t.grant(path, 'tableImport') }), 'INVALID_INPUT');
    expect(refused.message).toBe(message('import.cellTooLong', { sheet: 'Sheet1', cell: 'B2', length: 40_000, max: 32_767 }));
  });

  it('adds nothing when the same 问卷星 export comes back after Excel turned its submission times into dates', async () => {
    value(await t.router.call('app.loadSample', {}));
    const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
    const answers = madeAnswers(12, 5);
    const rows = wjxRows(answers, questionTexts);
    const source = (path: string) => ({ classId, grant: t.grant(path, 'tableImport'), satisfaction: 'trainees' as const });
    const first = writeExport(join(t.dir, '问卷星.xlsx'), rows);
    const preview = value(await t.router.call('surveys.platformPreview', source(first)));
    expect(value(await t.router.call('surveys.platformCommit', { ...source(first), token: preview.token }))).toMatchObject({
      added: 12,
    });
    // Opened in Excel and saved: "2019/9/20 10:03:21" is now the date serial Excel keeps.
    const serial = (text: string) => {
      const [y = 0, m = 0, d = 0, h = 0, min = 0, sec = 0] = (text.match(/\d+/g) ?? []).map(Number);
      return (Date.UTC(y, m - 1, d, h, min, sec) - Date.UTC(1899, 11, 30)) / 86_400_000;
    };
    const saved = rows.map((row, i) => (i === 0 ? row : row.map((cell, c) => (c === 1 ? serial(String(cell)) : cell))));
    const again = value(
      await t.router.call('surveys.platformPreview', source(writeExport(join(t.dir, '问卷星-另存.xlsx'), saved))),
    );
    expect(again).toMatchObject({ added: 0, already: 12 });
  }, 60_000);

  it('echoes a long unreadable score of a typed survey grid as one short line', async () => {
    value(await t.router.call('app.loadSample', {}));
    const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
    const long = `满意\u202e${'好'.repeat(30_000)}`;
    const header = ['测评类型', '测评对象', '第1题', '第2题', '第3题', '第4题', '第5题', '意见建议'];
    const rows = [header, ...Array.from({ length: 60 }, () => ['组织满意', '', long, 5, 5, 5, 5, ''])];
    const grant = t.grant(writeBook(join(t.dir, '测评.xlsx'), rows), 'tableImport');
    const refused = failure(await t.router.call('surveys.import', { classId, grant }), 'INVALID_INPUT');
    expect(refused.message.length).toBeLessThan(2000);
    expect(refused.message).not.toContain('\u202e');
    for (const issue of refused.details?.issues ?? []) expect(issue.message.length).toBeLessThan(shownMax + 100);
  }, 60_000);

  it('refuses a few kilobytes naming only A1 and SF99999 on two sheets, before laying out 100 million empty cells', async () => {
    const book = XLSX.utils.book_new();
    const table = [
      ['教学点名称', '容纳人数'],
      ['教学点甲', '40'],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table), '一');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table), '二');
    // Each sheet then names one more cell, far out: the sheet spans 99,999 rows of 500 columns.
    const parts = unzipSync(new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
    for (const [name, bytes] of Object.entries(parts))
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
        parts[name] = strToU8(
          strFromU8(bytes).replace(
            '</sheetData>',
            '<row r="99999"><c r="SF99999" t="inlineStr"><is><t>末</t></is></c></row></sheetData>',
          ),
        );
    const path = join(t.dir, '现场教学点.xlsx');
    writeFileSync(path, zipSync(parts));
    const before = snapshot(t.core.db);
    const started = performance.now();
    const refused = failure(await t.router.call('sites.import', { grant: t.grant(path, 'tableImport') }), 'INVALID_INPUT');
    expect(refused.message).toBe(message('import.tooManyCells', { max: 5_000_000 }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(snapshot(t.core.db)).toEqual(before);
  }, 60_000);
});
