import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../shared/roster/import';
import { failure, value } from '../../testing/expect-result';
import {
  idNumber,
  messyRoster,
  person,
  plainRows,
  standardRoster,
  writeBook,
  writeCsv,
  lyingZipBomb,
  zipBomb,
} from '../../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../../testing/temp-core';
import { writeOfficeTable } from '../../testing/office-table';

let t: TempCore;
let classId: number;
beforeEach(async () => {
  t = openTempCore();
  classId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2019年市管干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-14',
    }),
  ).id;
});
afterEach(() => t.dispose());

const preview = async (path: string, extra: Record<string, unknown> = {}) =>
  value(await t.router.call('roster.importPreview', { classId, grant: t.grant(path, 'rosterImport'), ...extra }));
const commit = async (path: string, extra: Record<string, unknown> = {}) =>
  value(await t.router.call('roster.importCommit', { classId, grant: t.grant(path, 'rosterImport'), ...extra }));
const roster = async () => value(await t.router.call('roster.list', { classId, sort: 'stroke' })).items;
const traineeCount = () => t.core.db.prepare('SELECT count(*) AS n FROM trainees').pluck().get();

describe('importing the list the organisation department sent', () => {
  it('finds the header under a title, maps synonyms, and reads every awkward cell', async () => {
    const file = messyRoster(t.dir);
    const seen: ImportPreview = await preview(file);
    expect(seen.headerRow).toBe(3);
    expect(seen.columns.filter((c) => c.field).map((c) => [c.letter, c.field])).toEqual([
      ['A', 'seq'],
      ['B', 'name'],
      ['C', 'sex'],
      ['D', 'ethnicity'],
      ['E', 'birthDate'],
      ['F', 'idNumber'],
      ['G', 'unitPosition'],
      ['H', 'position'],
      ['I', 'politicalStatus'],
      ['J', 'education'],
      ['K', 'phone'],
    ]);
    // 序号 is read as a row number; 年龄 is a column the roster has no field for: listed, not refused.
    expect(seen.ignoredColumns).toEqual(['年龄']);
    expect(seen.dataRows).toBe(6);
    expect(seen.counts).toEqual({ added: 5, updated: 0, unchanged: 0, rejected: 1 });
    const damaged = seen.problems.find((p) => p.severity === 'error');
    expect(damaged).toMatchObject({ row: 9, column: 'F', field: 'idNumber' });
    expect(damaged?.message).toContain('已被 Excel 转成数字');
    expect(damaged?.message).toContain('2.20402198507011E+17');

    const result = await commit(file, { token: seen.token });
    expect(result.counts).toEqual({ added: 5, updated: 0, unchanged: 0, rejected: 1 });
    expect(result.rejected).toEqual([{ row: 9, who: '陈红梅', reasons: [expect.stringContaining('F列')] }]);

    const ethnicities = t.core.db.prepare('SELECT DISTINCT ethnicity FROM trainees ORDER BY ethnicity').pluck().all();
    expect(ethnicities).toEqual(['汉族', '满族']);
    const stored = t.core.db.prepare('SELECT name, sex, birth_date, id_number, unit, phone FROM trainees ORDER BY id').all() as {
      name: string;
      sex: string;
      birth_date: string;
      id_number: string;
      unit: string;
      phone: string;
    }[];
    expect(stored.map((row) => row.name)).toEqual(['张三', person(1).name, person(2).name, person(3).name, '单田芳']);
    // Birth date and sex come from the ID number; the Excel serial 29221 was 1980-01-01 anyway.
    expect(stored[0]).toMatchObject({
      sex: 'male',
      birth_date: '1980-05-06',
      phone: '13943100001',
      unit: '辽源市龙山区人民政府',
    });
    expect(stored[1]).toMatchObject({ sex: 'female', birth_date: '1982-03-15' });
    expect(stored[2]).toMatchObject({ birth_date: '1980-01-01', unit: '东辽县安石镇人民政府' });
    // Full-width digits folded; the unit filled down from the merged cell above.
    expect(stored[3]).toMatchObject({
      id_number: idNumber('1979-10-01', 151),
      unit: '东辽县安石镇人民政府',
      phone: '0437-3210000',
    });
    // The damaged ID number was never stored.
    expect(stored.some((row) => row.id_number?.startsWith('22040219850701'))).toBe(false);
  });

  it.each([
    ['xls', 'biff8', 'xls'],
    ['WPS .et (BIFF8 inside)', 'biff8', 'et'],
  ] as const)('reads the same list from %s', async (_label, bookType, extension) => {
    const file = messyRoster(t.dir, bookType, extension);
    const seen = await preview(file);
    expect(seen.counts).toEqual({ added: 5, updated: 0, unchanged: 0, rejected: 1 });
    await commit(file, { token: seen.token });
    expect((await roster()).map((entry) => entry.name)).toContain('单田芳');
  });

  it.each(['utf8', 'utf8bom', 'gbk'] as const)('reads CSV in %s', async (encoding) => {
    const rows = [
      ['姓名', '性别', '身份证号', '工作单位', '手机'],
      ...[0, 1, 2].map((n) => [person(n).name, person(n).sex, plainRows(3)[n]?.[5] ?? '', person(n).unit, person(n).phone]),
    ];
    const file = writeCsv(join(t.dir, `名单-${encoding}.csv`), rows, encoding);
    const result = await commit(file);
    expect(result.counts.added).toBe(3);
    const names = (await roster()).map((entry) => entry.name).sort();
    expect(names).toEqual([0, 1, 2].map((n) => person(n).name).sort());
    // ID numbers in CSV stay text: all 18 characters survive.
    const ids = t.core.db.prepare('SELECT id_number FROM trainees ORDER BY id').pluck().all();
    expect(ids).toEqual([0, 1, 2].map((n) => plainRows(3)[n]?.[5]));
  });

  it('re-importing an updated list updates known people, adds new ones, duplicates nobody', async () => {
    const first = standardRoster(t.dir, 20, 'v1.xlsx');
    expect((await commit(first)).counts).toEqual({ added: 20, updated: 0, unchanged: 0, rejected: 0 });
    // The second version: 18 of the first 20 (two changed phones), plus 5 new people.
    const rows = plainRows(25).filter((_, i) => i !== 3 && i !== 4);
    rows[0]![10] = '13800000000';
    rows[1]![10] = '13800000001';
    const second = writeBook(join(t.dir, 'v2.xlsx'), [
      ['序号', '姓名', '性别', '民族', '出生年月', '身份证号', '工作单位', '职务', '政治面貌', '学历', '联系电话'],
      ...rows,
    ]);
    const seen = await preview(second);
    expect(seen.counts).toEqual({ added: 5, updated: 2, unchanged: 16, rejected: 0 });
    await commit(second, { token: seen.token });
    expect(traineeCount()).toBe(25);
    expect(await roster()).toHaveLength(25);
    expect((await commit(second)).counts).toEqual({ added: 0, updated: 0, unchanged: 23, rejected: 0 });
    expect(traineeCount()).toBe(25);
  });

  it('links a person already known from an earlier class instead of creating a second one', async () => {
    await commit(standardRoster(t.dir, 5, 'earlier.xlsx'));
    const other = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2020年青年干部培训班',
        startDate: '2020-04-06',
        endDate: '2020-04-17',
      }),
    ).id;
    const result = value(
      await t.router.call('roster.importCommit', {
        classId: other,
        grant: t.grant(standardRoster(t.dir, 8, 'later.xlsx'), 'rosterImport'),
      }),
    );
    expect(result.counts.added).toBe(8);
    expect(traineeCount()).toBe(8);
    const known = value(await t.router.call('trainees.get', { id: 1 }));
    expect(known.enrolments.map((e) => e.className)).toEqual(['2020年青年干部培训班', '2019年市管干部培训班']);
  });

  it('takes a column mapping and header row chosen by hand', async () => {
    const file = writeBook(join(t.dir, 'odd.xlsx'), [
      ['说明：本表由各单位填报'],
      ['学员', '所在处室', '手机号码', '出生'],
      ['刘备', '辽源市财政局', '13943100111', '1961.07'],
      ['孙权', '辽源市农业农村局', '13943100112', '1982.05'],
    ]);
    const seen = await preview(file, { headerRow: 2, mapping: [{ column: 1, field: 'unit' }] });
    expect(seen.columns.map((c) => c.field)).toEqual(['name', 'unit', 'phone', null]);
    await commit(file, {
      headerRow: 2,
      mapping: [
        { column: 1, field: 'unit' },
        { column: 3, field: 'birthDate' },
      ],
    });
    expect((await roster()).map((e) => [e.name, e.unit, e.birthDate])).toEqual([
      ['刘备', '辽源市财政局', '1961-07'],
      ['孙权', '辽源市农业农村局', '1982-05'],
    ]);
  });
});

describe('a roster read by the table kit, as every import reads its table', () => {
  it('skips 序号, lists the columns it does not take, reads 组别 written with words and full-width digits', async () => {
    // Written by our own xlsx writer (a title and a subtitle above the header), read back by our reader.
    const path = await writeOfficeTable(join(t.dir, '学员名册（组织部）.xlsx'), {
      title: '学员名册',
      labels: ['序号', '姓名', '年龄', '身份证号', '工作单位', '组别', '籍贯'],
      rows: [
        ['1', '王建国', '45岁', idNumber('1979-03-12', 11), '辽源市财政局', '第2组', '吉林东丰'],
        ['2', '李秀英', '38 岁', idNumber('1986-07-01', 22), '辽源市农业农村局', '３组', '辽宁铁岭'],
        ['3', '朴成浩', '约50岁', idNumber('1974-11-30', 33), '东辽县安石镇', '第一小组', ''],
      ],
    });

    const seen = await preview(path);
    expect(seen.headerRow).toBe(3);
    expect(seen.columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', 'seq'],
      ['姓名', 'name'],
      ['年龄', null],
      ['身份证号', 'idNumber'],
      ['工作单位', 'unit'],
      ['组别', 'group'],
      ['籍贯', null],
    ]);
    // 序号 is not among the columns left out; the two the roster has no field for are.
    expect(seen.ignoredColumns).toEqual(['年龄', '籍贯']);
    expect(seen.problems).toEqual([]);
    expect(seen.counts).toEqual({ added: 3, updated: 0, unchanged: 0, rejected: 0 });

    expect((await commit(path, { token: seen.token })).counts.added).toBe(3);
    const stored = t.core.db
      .prepare(
        `SELECT t.name, t.sex, t.birth_date AS birth, t.unit, e.group_no AS "group"
           FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.class_id = ? ORDER BY t.id`,
      )
      .all(classId);
    expect(stored).toEqual([
      { name: '王建国', sex: 'male', birth: '1979-03-12', unit: '辽源市财政局', group: 2 },
      { name: '李秀英', sex: 'female', birth: '1986-07-01', unit: '辽源市农业农村局', group: 3 },
      { name: '朴成浩', sex: 'male', birth: '1974-11-30', unit: '东辽县安石镇', group: 1 },
    ]);
  });

  it('a 组别 that is no one number is named with its row and column', async () => {
    const path = await writeOfficeTable(join(t.dir, '名册.xlsx'), {
      title: '学员名册',
      labels: ['序号', '姓名', '组别'],
      rows: [
        ['1', '王建国', '2-3组'],
        ['2', '李秀英', '第2组'],
      ],
    });
    const seen = await preview(path);
    expect(seen.ignoredColumns).toEqual([]);
    expect(seen.problems.map((p) => [p.row, p.column, p.field, p.severity])).toEqual([[4, 'C', 'group', 'warning']]);
    expect(seen.problems[0]?.message).toContain('2-3组');
  });

  it('a row without a name is refused once, not twice in two wordings', async () => {
    const path = await writeOfficeTable(join(t.dir, '名册.xlsx'), {
      title: '学员名册',
      labels: ['序号', '姓名', '性别'],
      rows: [
        ['1', '王建国', '男'],
        ['2', '', '女'],
      ],
    });
    const seen = await preview(path);
    expect(seen.problems.filter((p) => p.field === 'name').map((p) => [p.row, p.column, p.severity])).toEqual([
      [5, 'B', 'error'],
    ]);
  });
});

describe('files that are not what they claim, each refused with a clear message and nothing changed', () => {
  const refused = async (path: string, pattern: RegExp, extra: Record<string, unknown> = {}) => {
    const before = snapshot(t.core.db);
    const grant = t.grant(path, 'rosterImport');
    const error = failure(await t.router.call('roster.importPreview', { classId, grant, ...extra }), 'INVALID_INPUT');
    expect(error.message).toMatch(pattern);
    const again = failure(await t.router.call('roster.importCommit', { classId, grant, ...extra }), 'INVALID_INPUT');
    expect(again.message).toMatch(pattern);
    expect(snapshot(t.core.db)).toBe(before);
  };

  it('a PDF or a text file named .xlsx', async () => {
    const pdf = join(t.dir, 'report.xlsx');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');
    await refused(pdf, /不是可识别的电子表格文件/);
    const binary = join(t.dir, 'photo.csv');
    writeFileSync(binary, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7) % 32)));
    await refused(binary, /不是可识别的电子表格文件/);
  });

  it('an empty sheet, and a sheet without a recognisable header', async () => {
    await refused(writeBook(join(t.dir, 'empty.xlsx'), []), /没有内容/);
    await refused(
      writeBook(join(t.dir, 'noheader.xlsx'), [
        ['甲', '乙', '丙'],
        ['1', '2', '3'],
      ]),
      /找不到表头/,
    );
    await refused(join(t.dir, 'missing.xlsx'), /无法打开文件/);
    const emptyFile = join(t.dir, 'zero.xlsx');
    writeFileSync(emptyFile, '');
    await refused(emptyFile, /是空的/);
  });

  it('a 50 MB file', async () => {
    const big = join(t.dir, 'big.xlsx');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 1));
    await refused(big, /文件过大（50\.0 MB）/);
  });

  it('a zip bomb disguised as .xlsx, honest about its size or lying that it unpacks to nothing', async () => {
    await refused(zipBomb(join(t.dir, 'bomb.xlsx')), /疑似压缩炸弹/);
    const lying = lyingZipBomb(join(t.dir, 'lying.xlsx'));
    expect(statSync(lying).size).toBeLessThan(1024 * 1024);
    await refused(lying, /疑似压缩炸弹/);
  });

  it('a header named __proto__ pollutes nothing', async () => {
    const file = writeCsv(
      join(t.dir, 'proto.csv'),
      [
        ['姓名', '__proto__', 'constructor', '工作单位'],
        ['刘备', '{"polluted":true}', 'x', '辽源市财政局'],
      ],
      'utf8',
    );
    const result = await commit(file);
    expect(result.counts.added).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await roster())[0]).toMatchObject({ name: '刘备', unit: '辽源市财政局' });
  });

  it('a mapping that names the same field twice, or no name column', async () => {
    const file = standardRoster(t.dir, 3);
    await refused(file, /对应了多列/, { mapping: [{ column: 6, field: 'name' }] });
    await refused(file, /没有对应“姓名”的列/, { mapping: [{ column: 1, field: null }] });
  });

  it('a file changed between preview and commit', async () => {
    const file = standardRoster(t.dir, 3);
    const seen = await preview(file);
    copyFileSync(standardRoster(t.dir, 4, 'other.xlsx'), file);
    const before = snapshot(t.core.db);
    // Another data folder's preview cannot be reused either: the token is checked against the file.
    await t.router.call('roster.importPreview', {
      classId,
      grant: t.grant(standardRoster(t.dir, 2, 'third.xlsx'), 'rosterImport'),
    });
    const error = failure(
      await t.router.call('roster.importCommit', { classId, grant: t.grant(file, 'rosterImport'), token: seen.token }),
      'INVALID_INPUT',
    );
    expect(error.message).toContain('文件在预览之后被修改过');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('a preview made for one class, committed for another', async () => {
    const file = standardRoster(t.dir, 3);
    const seen = await preview(file);
    const other = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年科级干部培训班',
        startDate: '2019-07-01',
        endDate: '2019-07-12',
      }),
    ).id;
    const before = snapshot(t.core.db);
    // The same file and its fresh preview, straight after: only the class differs.
    const error = failure(
      await t.router.call('roster.importCommit', { classId: other, grant: t.grant(file, 'rosterImport'), token: seen.token }),
      'INVALID_INPUT',
    );
    expect(error.message).toContain('这次预览是为另一个班次做的');
    expect(error.details?.issues?.[0]?.field).toBe('classId');
    expect(snapshot(t.core.db)).toBe(before);
    // For the class it was made for, the same token commits.
    expect((await commit(file, { token: seen.token })).counts.added).toBe(3);
  });
});
