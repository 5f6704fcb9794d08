import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { readXlsx } from '../testing/read-documents';
import { writeBook } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

describe('the 师资库 as a spreadsheet', () => {
  it('exports what it imports, marks 外聘, and adds to what a second file names', async () => {
    const file = join(t.dir, '师资库.xlsx');
    value(await t.router.call('staff.export', { grant: t.grant(file, 'export') }));
    const sheet = await readXlsx(file);
    expect(sheet.rows.find((row) => row.includes('韩丽'))).toEqual(
      expect.arrayContaining(['韩丽', '东辽县安石镇朝阳村', '村党支部书记', '外聘', '授课教师']),
    );
    const fresh = openTempCore();
    try {
      expect(value(await fresh.router.call('staff.import', { grant: fresh.grant(file, 'tableImport') }))).toEqual({
        added: 4,
        updated: 0,
        unchanged: 0,
        ignoredColumns: [],
      });
      const names = (items: { name: string; organisation: string; external: boolean }[]) =>
        items.map((s) => [s.name, s.organisation, s.external]);
      expect(names(value(await fresh.router.call('staff.list', {})).items)).toEqual(
        names(value(await t.router.call('staff.list', {})).items),
      );
      // An office's own list: new people, one already known by name and unit, 外聘 written its way.
      const more = writeBook(join(t.dir, '外聘专家.xlsx'), [
        ['外聘专家名单'],
        ['姓名', '工作单位', '职称', '类别', '讲授专题'],
        ['王建国', '吉林农业大学', '教授', '外聘', '水稻栽培'],
        ['韩丽', '东辽县安石镇朝阳村', '村党支部书记', '外聘', '乡村治理'],
      ]);
      expect(value(await fresh.router.call('staff.import', { grant: fresh.grant(more, 'tableImport') }))).toEqual({
        added: 1,
        updated: 1,
        unchanged: 0,
        ignoredColumns: [],
      });
      const wang = value(await fresh.router.call('staff.list', { search: '王建国' })).items[0];
      expect(wang).toMatchObject({ organisation: '吉林农业大学', external: true, expertise: '水稻栽培' });
    } finally {
      fresh.dispose();
    }
  });

  it('updates only the columns a file has: a sheet of 讲授专题 keeps each person’s phone, 职务职称 and 外聘', async () => {
    const first = writeBook(join(t.dir, '师资库.xlsx'), [
      ['辽源市委党校师资库'],
      ['序号', '姓名', '性别', '工作单位', '职务/职称', '联系电话', '类别', '讲授专题'],
      [1, '周建民', '男', '吉林省委党校', '教授', '13904371234', '外聘', '党的建设'],
    ]);
    expect(value(await t.router.call('staff.import', { grant: t.grant(first, 'tableImport') })).ignoredColumns).toEqual(['性别']);
    const topics = writeBook(join(t.dir, '讲授专题.xlsx'), [
      ['姓名', '工作单位', '讲授专题'],
      ['周建民', '吉林省委党校', '新时代党的建设'],
    ]);
    expect(value(await t.router.call('staff.import', { grant: t.grant(topics, 'tableImport') }))).toMatchObject({
      added: 0,
      updated: 1,
    });
    expect(value(await t.router.call('staff.list', { search: '周建民' })).items[0]).toMatchObject({
      organisation: '吉林省委党校',
      title: '教授',
      phone: '13904371234',
      external: true,
      expertise: '新时代党的建设',
    });
  });

  it('refuses a file without a name column, two rows for one person, or a name too long — naming the row', async () => {
    const before = snapshot(t.core.db);
    const refused = async (name: string, rows: (string | number | null)[][]) =>
      failure(
        await t.router.call('staff.import', { grant: t.grant(writeBook(join(t.dir, name), rows), 'tableImport') }),
        'INVALID_INPUT',
      ).message;
    expect(
      await refused('no-name.xlsx', [
        ['单位', '职称'],
        ['吉林农业大学', '教授'],
      ]),
    ).toMatch(/^工作表“.*”第 1 行的表头缺少“姓名”列（可写作：姓名、名字、授课人、教师姓名）$/);
    expect(
      await refused('twice.xlsx', [
        ['姓名', '单位'],
        ['王建国', '吉林农业大学'],
        ['王建国', '吉林农业大学'],
        ['王建国', '辽源市农业农村局'],
        ['李'.repeat(51), ''],
      ]),
    ).toBe(
      '文件中有 2 处问题，没有导入任何内容：第 3 行（王建国）：与第 2 行的“姓名、单位”相同：王建国、吉林农业大学；第 5 行（李李李李李李李李李李李李李李李李李李李李…）：姓名：“姓名”不能超过 50 个字',
    );
    expect(snapshot(t.core.db)).toBe(before);
  });
});
