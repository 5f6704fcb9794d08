import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { readXlsx } from '../testing/read-documents';
import { writeBook } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

// The list imports' preview → commit through the router, on the sample's data and real .xlsx files:
// the preview writes nothing, names every problem and who it is about, says what each update
// changes; the commit imports the previewed file or refuses one changed since; the problems export
// as a spreadsheet.

let t: TempCore;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

let files = 0;
const file = (rows: (string | number | null)[][]) => {
  files += 1;
  return writeBook(join(t.dir, `list-${files}.xlsx`), rows);
};
const grantOf = (path: string) => t.grant(path, 'tableImport');
const one = <T>(sql: string, ...params: unknown[]) =>
  t.core.db
    .prepare(sql)
    .pluck()
    .get(...params) as T;

describe('a list import previewed, then committed', () => {
  it('teaching points moving to another base: the preview says what moves, writes nothing; the commit offers the emptied base for removal', async () => {
    const tree = value(await t.router.call('sites.tree', {}));
    const village = tree.bases.find((base) => base.name === '安石镇朝阳村');
    const park = tree.bases.find((base) => base.name !== '安石镇朝阳村');
    if (!village || !park) throw new Error('sample bases missing');
    const moved = village.points.map((point) => point.name);
    expect(moved.length).toBe(2);
    const path = file([['所属基地', '教学点名称', '容纳人数'], ...moved.map((name, index) => [park.name, name, 30 + index])]);
    const before = snapshot(t.core.db);
    const preview = value(await t.router.call('sites.importPreview', { grant: grantOf(path) }));
    expect(snapshot(t.core.db)).toBe(before);
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ added: 0, updated: 2, unchanged: 0 });
    expect(preview.changes.map((change) => change.who)).toEqual(moved);
    expect(preview.changes[0]?.fields).toEqual(
      expect.arrayContaining([{ column: '所属基地', before: '安石镇朝阳村', after: park.name }]),
    );
    expect(preview.changes[0]?.fields.find((field) => field.column === '容纳人数')?.after).toBe('30');

    const result = value(await t.router.call('sites.import', { grant: grantOf(path), token: preview.token }));
    expect(result.points).toEqual({ added: 0, updated: 2, unchanged: 0 });
    expect(result.emptiedBases).toEqual([{ id: village.id, name: '安石镇朝阳村' }]);
    // The base with points still in it cannot go; the emptied one can.
    const unchanged = snapshot(t.core.db);
    expect(failure(await t.router.call('sites.removeBase', { id: park.id }), 'CONFLICT').message).toMatch(
      /还有 13 个现场教学点，不能删除/,
    );
    expect(snapshot(t.core.db)).toBe(unchanged);
    expect(value(await t.router.call('sites.removeBase', { id: village.id }))).toEqual({ removed: true });
    expect(value(await t.router.call('sites.tree', {})).bases.map((base) => base.name)).toEqual([park.name]);
    failure(await t.router.call('sites.removeBase', { id: village.id }), 'NOT_FOUND');
  });

  it('a file with problems: every one listed with its row, who and column; nothing written, and its commit refused', async () => {
    const path = file([
      ['教学点名称', '容纳人数', '启用'],
      ['新教学点甲', '好几十', '是'],
      ['=HYPERLINK("http://x")', 20, '也许'],
      ['__proto__', 10, '是'],
      ['新教学点甲', 5, '是'],
    ]);
    const before = snapshot(t.core.db);
    const preview = value(await t.router.call('sites.importPreview', { grant: grantOf(path) }));
    expect(snapshot(t.core.db)).toBe(before);
    expect(preview.dataRows).toBe(4);
    expect(preview.counts).toEqual({ added: 0, updated: 0, unchanged: 0 });
    expect(preview.problems).toEqual([
      { row: 2, who: '新教学点甲', column: '容纳人数', message: '“容纳人数”应为数字：好几十' },
      // A name longer than a name is cut (a formula stays the text it is).
      { row: 3, who: '=HYPERLINK("http://x…', column: '启用', message: expect.stringMatching(/^“启用”应为“是”或“否”/) },
      { row: 5, who: '新教学点甲', column: '教学点名称', message: '与第 2 行的“教学点名称”相同：新教学点甲' },
    ]);
    const refused = failure(await t.router.call('sites.import', { grant: grantOf(path), token: preview.token }), 'INVALID_INPUT');
    expect(refused.message).toMatch(/第 2 行（新教学点甲）：“容纳人数”应为数字：好几十/);
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('a file changed after its preview, or a token made for another village, is refused with nothing written', async () => {
    const path = file([
      ['姓名', '单位', '讲授专题'],
      ['赵新人', '吉林大学', '乡村振兴'],
    ]);
    const preview = value(await t.router.call('staff.importPreview', { grant: grantOf(path) }));
    expect(preview.counts).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const before = snapshot(t.core.db);
    writeBook(path, [
      ['姓名', '单位', '讲授专题'],
      ['赵新人', '吉林大学', '乡村振兴'],
      ['钱另一人', '吉林大学', '党史'],
    ]);
    const changed = failure(await t.router.call('staff.import', { grant: grantOf(path), token: preview.token }), 'INVALID_INPUT');
    expect(changed.message).toBe('文件在预览之后被修改过，请重新预览');
    for (const token of ['0.', `7.${'0'.repeat(64)}`, `0.${'f'.repeat(64)}`])
      failure(await t.router.call('staff.import', { grant: grantOf(path), token }), 'INVALID_INPUT');
    expect(snapshot(t.core.db)).toBe(before);
    // Previewed again, the file as it is now is imported.
    const again = value(await t.router.call('staff.importPreview', { grant: grantOf(path) }));
    expect(value(await t.router.call('staff.import', { grant: grantOf(path), token: again.token })).added).toBe(2);

    const village = one<number>("SELECT site_id FROM households WHERE head = '马金山'");
    const otherVillage = one<number>('SELECT id FROM sites WHERE id != ? ORDER BY id LIMIT 1', village);
    const households = file([
      ['户主', '床位数'],
      ['马金山', 9],
    ]);
    const forVillage = value(
      await t.router.call('lodging.importHouseholdsPreview', { siteId: village, grant: grantOf(households) }),
    );
    const unchanged = snapshot(t.core.db);
    failure(
      await t.router.call('lodging.importHouseholds', {
        siteId: otherVillage,
        grant: grantOf(households),
        token: forVillage.token,
      }),
      'INVALID_INPUT',
    );
    expect(snapshot(t.core.db)).toBe(unchanged);
  });

  it('households matched by 户主: the preview shows each change, old → new; a bed count below the guests already placed is a named problem', async () => {
    const village = one<number>("SELECT site_id FROM households WHERE head = '马金山'");
    const beds = one<number>("SELECT beds FROM households WHERE head = '马金山'");
    const phone = one<string>("SELECT phone FROM households WHERE head = '马金山'");
    const path = file([
      ['户主', '床位数', '联系电话'],
      ['马金山', beds + 2, '13912345678'],
      ['新农户', 3, ''],
    ]);
    const before = snapshot(t.core.db);
    const preview = value(await t.router.call('lodging.importHouseholdsPreview', { siteId: village, grant: grantOf(path) }));
    expect(snapshot(t.core.db)).toBe(before);
    expect(preview.counts).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(preview.changes).toEqual([
      {
        row: 2,
        who: '马金山',
        fields: [
          { column: '联系电话', before: phone, after: '13912345678' },
          { column: '床位数', before: String(beds), after: String(beds + 2) },
        ],
      },
    ]);

    // The sample's stay has guests in 马金山's house: one bed is too few, and only writing finds it.
    const guests = one<number>(
      "SELECT count(*) FROM placements p JOIN households h ON h.id = p.household_id WHERE h.head = '马金山'",
    );
    expect(guests).toBeGreaterThan(1);
    const tooFew = file([
      ['户主', '床位数'],
      ['马金山', 1],
    ]);
    const refused = value(await t.router.call('lodging.importHouseholdsPreview', { siteId: village, grant: grantOf(tooFew) }));
    expect(snapshot(t.core.db)).toBe(before);
    expect(refused.problems).toEqual([{ row: 2, who: '马金山', column: '', message: expect.stringMatching(/床位不能少于/) }]);
    expect(
      failure(
        await t.router.call('lodging.importHouseholds', { siteId: village, grant: grantOf(tooFew), token: refused.token }),
        'INVALID_INPUT',
      ).message,
    ).toMatch(/第 2 行（马金山）：/);
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('questionnaires typed into a grid: counted as added in the preview, nothing saved until the commit', async () => {
    const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
    const path = file([
      ['测评类型', '第1题', '第2题', '第3题', '第4题', '第5题', '意见建议'],
      ['组织满意', 5, 4, 5, 5, 5, '很好'],
      ['组织满意', 4, 4, null, 4, 4, ''],
    ]);
    const before = snapshot(t.core.db);
    const preview = value(await t.router.call('surveys.importPreview', { classId, grant: grantOf(path) }));
    expect(snapshot(t.core.db)).toBe(before);
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const responses = one<number>('SELECT count(*) FROM survey_responses');
    value(await t.router.call('surveys.import', { classId, grant: grantOf(path), token: preview.token }));
    expect(one<number>('SELECT count(*) FROM survey_responses')).toBe(responses + 2);
  });
});

describe('the problem list sent back', () => {
  it('exports 行号/姓名/列/问题 as a spreadsheet through a save grant; formulas stay text', async () => {
    const out = join(t.dir, '问题清单.xlsx');
    const result = value(
      await t.router.call('documents.exportProblems', {
        grant: t.grant(out, 'export'),
        source: 'roster',
        fileName: '2019年年轻干部培训班名单.xlsx',
        problems: [
          { row: 12, who: '=HYPERLINK("http://x")', column: '', message: '与第 3 行是同一人' },
          { row: 9, who: '朴成浩', column: 'F', message: '身份证号已被 Excel 转成数字' },
        ],
      }),
    );
    expect(result.rows).toBe(2);
    const { sheet, rows } = await readXlsx(out);
    const header = rows.findIndex((row) => row[0] === '行号');
    expect(rows[header]).toEqual(['行号', '姓名', '列', '问题']);
    expect(rows.slice(header + 1)).toEqual([
      ['9', '朴成浩', 'F', '身份证号已被 Excel 转成数字'],
      ['12', '=HYPERLINK("http://x")', '', '与第 3 行是同一人'],
    ]);
    expect(rows.flat().join('')).toContain('2019年年轻干部培训班名单.xlsx');
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeFalsy()));
    expect(one<string>("SELECT summary FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1")).toMatch(
      /^导出学员名册导入问题清单（2 处/,
    );
  });

  // The file's name comes from the page, not from a grant: a crafted call may give one that breaks the
  // audit line in two or turns it around. The log and the sheet say it on one line of visible characters.
  it('says a crafted file name on one line in the audit log and the sheet', async () => {
    const out = join(t.dir, '问题清单-名字.xlsx');
    value(
      await t.router.call('documents.exportProblems', {
        grant: t.grant(out, 'export'),
        source: 'sites',
        fileName: '名单\u202Exslx.exe\n导出学员名册：全部\u0000.xlsx',
        problems: [{ row: 3, who: '甲', column: '', message: '问题' }],
      }),
    );
    const summary = one<string>("SELECT summary FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1");
    expect(summary).toContain('名单 xslx.exe 导出学员名册：全部 .xlsx');
    const unseen = (text: string) => [...text].some((c) => c.charCodeAt(0) < 32 || c === '\u202E');
    expect(unseen(summary)).toBe(false);
    const { rows } = await readXlsx(out);
    expect(unseen(rows.flat().join(''))).toBe(false);
  });

  it('refuses a grant that is not for saving, an empty or oversized list, and fields too long — writing nothing', async () => {
    const before = snapshot(t.core.db);
    const problem = { row: 1, who: '甲', column: '', message: '问题' };
    const base = { source: 'sites', fileName: 'x.xlsx', problems: [problem] };
    const open = file([['教学点名称'], ['甲']]);
    const bad = [
      { ...base, grant: t.grant(open, 'tableImport') },
      { ...base, grant: t.grant(join(t.dir, 'a.xlsx'), 'export'), problems: [] },
      { ...base, grant: t.grant(join(t.dir, 'b.xlsx'), 'export'), problems: Array.from({ length: 20_001 }, () => problem) },
      { ...base, grant: t.grant(join(t.dir, 'c.xlsx'), 'export'), problems: [{ ...problem, message: '长'.repeat(2001) }] },
      { ...base, grant: t.grant(join(t.dir, 'd.xlsx'), 'export'), problems: [{ ...problem, row: -1 }] },
      { ...base, grant: t.grant(join(t.dir, 'e.xlsx'), 'export'), source: 'classes' },
      { ...base, grant: '/etc/passwd' },
    ];
    for (const input of bad) {
      const result = await t.router.handle('documents.exportProblems', input);
      expect(result.ok).toBe(false);
    }
    expect(snapshot(t.core.db)).toBe(before);
    for (const name of ['a', 'b', 'c', 'd', 'e']) expect(existsSync(join(t.dir, `${name}.xlsx`))).toBe(false);
  });
});
