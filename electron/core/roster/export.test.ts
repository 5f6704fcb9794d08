import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvLines, docxText, docxXml, readXlsx } from '../testing/read-documents';
import { allTestsRosterExportClass, type RosterExportClass, zhangId } from '../testing/roster-export-class';
import type { TempCore } from '../testing/temp-core';

let t: TempCore;
let classId: number;
let exportTo: RosterExportClass['exportTo'];
allTestsRosterExportClass((opened) => ({ t, classId, exportTo } = opened));

describe('exporting a roster', () => {
  it('as .xlsx: title and school, borders, frozen header, A4 landscape with repeating header, masked personal data', async () => {
    const path = await exportTo('名册.xlsx', {
      document: 'roster',
      format: 'xlsx',
      columns: ['seq', 'name', 'sex', 'birthDate', 'idNumber', 'unit', 'position', 'politicalStatus', 'phone', 'group', 'role'],
    });
    const { sheet, rows } = await readXlsx(path);
    expect(rows[0]?.[0]).toBe('2019年市管干部培训班学员名册');
    expect(rows[1]?.[0]).toContain('中共辽源市委党校');
    expect(rows[2]).toEqual([
      '序号',
      '姓名',
      '性别',
      '出生年月',
      '身份证号',
      '工作单位',
      '职务',
      '政治面貌',
      '联系电话',
      '小组',
      '班委',
    ]);
    const zhang = rows.find((row) => row[1] === '张三');
    // 王 (4 strokes) comes first, then 李 and 张 (both 7: 李 begins with 横, 张 with 折).
    expect(zhang).toEqual([
      '3',
      '张三',
      '男',
      '1980.05',
      `220402${'*'.repeat(11)}${zhangId.slice(-1)}`,
      '辽源市龙山区人民政府',
      '副区长',
      '中共党员',
      '139****0001',
      '第一组',
      '组长',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });
    expect(sheet.getCell('B4').border.top?.style).toBe('thin');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    // No cell of the file is a formula, whatever a unit was called: in .xlsx a text cell is text, so
    // what the person typed is shown as typed, without the apostrophe CSV needs.
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells.some((cell) => typeof cell === 'object' && cell !== null && 'formula' in cell)).toBe(false);
    expect(rows.find((row) => row[1] === '王五')?.[5]).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(rows.find((row) => row[1] === '王五')?.[6]).toBe('+科长');
    const parts = unzipSync(readFileSync(path));
    const worksheet = strFromU8(parts['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(worksheet).toContain('<sheetData>');
    expect(worksheet).not.toMatch(/<f[\s>]/);
  });

  it('with full ID numbers and phones only when ticked, and every export logged', async () => {
    const path = await exportTo('名册-完整.xlsx', {
      document: 'roster',
      format: 'xlsx',
      columns: ['name', 'idNumber', 'phone'],
      reveal: { idNumber: true, phone: true },
    });
    const { rows } = await readXlsx(path);
    expect(rows.find((row) => row[0] === '张三')).toEqual(['张三', zhangId, '13943100001']);
    const log = t.core.db.prepare(`SELECT summary FROM audit_log WHERE action = 'export' ORDER BY id`).pluck().all() as string[];
    expect(log.at(-1)).toMatch(/^导出“2019年市管干部培训班”学员名册（XLSX，4 人，含完整身份证号、完整电话）到 /);
    expect(log.length).toBeGreaterThanOrEqual(2);
  });

  it('logs the export before any file is written, and says so when the file could not be', async () => {
    const entries = () => t.core.db.prepare(`SELECT summary, after FROM audit_log WHERE action = 'export' ORDER BY id`).all();
    const before = entries().length;
    // A folder that has gone (a USB stick pulled out after the save dialog closed).
    const gone = join(t.dir, 'no-such-folder', '名册.xlsx');
    const result = await t.router.call('roster.export', {
      classId,
      grant: t.grant(gone, 'export'),
      document: 'roster',
      format: 'xlsx',
      reveal: { idNumber: true },
    });
    expect(result.ok).toBe(false);
    expect(existsSync(join(t.dir, 'no-such-folder'))).toBe(false);
    const added = entries().slice(before) as { summary: string; after: string | null }[];
    expect(added.map((entry) => entry.summary)).toEqual([
      expect.stringMatching(/^导出“2019年市管干部培训班”学员名册（XLSX，4 人，含完整身份证号）到 /),
      expect.stringMatching(/^导出未完成，文件没有写入（导出“2019年市管干部培训班”学员名册.*）：无法写入文件/),
    ]);
    expect(JSON.parse(added[1]?.after ?? '{}')).toEqual({ written: false });
  });

  it('as .docx: A4 landscape, a repeating header row, the same rows', async () => {
    const path = await exportTo('名册.docx', {
      document: 'roster',
      format: 'docx',
      columns: [
        'seq',
        'name',
        'sex',
        'unit',
        'position',
        'politicalStatus',
        'education',
        'phone',
        'group',
        'role',
        'notes',
        'idNumber',
        'rank',
      ],
    });
    const text = docxText(path);
    expect(text).toContain('2019年市管干部培训班学员名册');
    expect(text).toContain('中共辽源市委党校');
    expect(text).toContain('辽源市龙山区人民政府');
    expect(text).not.toContain(zhangId);
    const xml = docxXml(path);
    expect(xml).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml);
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2]));
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('as .csv for Chinese Excel: GB18030 by default, UTF-8 with a BOM on request, no formulas', async () => {
    const gb = csvLines(await exportTo('名册.csv', { document: 'roster', format: 'csv', columns: ['name', 'unit'] }), 'gb18030');
    expect(gb.bom).toBe(false);
    expect(gb.lines[0]).toBe('姓名,工作单位');
    expect(gb.lines).toContain('张三,辽源市龙山区人民政府');
    expect(gb.lines).toContain(`王五,"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    const utf = csvLines(
      await exportTo('名册-utf8.csv', { document: 'roster', format: 'csv', columns: ['name'], csvEncoding: 'utf8bom' }),
      'utf8bom',
    );
    expect(utf.bom).toBe(true);
    expect(utf.lines).toContain('张三');
  });
});
