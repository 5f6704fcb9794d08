import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { readXlsx } from '../testing/read-documents';
import { writeBook } from '../testing/roster-files';
import { eachSampleFolder } from '../testing/sample-sites';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
eachSampleFolder((opened) => (t = opened));

describe('teaching points as a spreadsheet', () => {
  it('exports what it imports: a fresh data folder takes the file back as the same tree', async () => {
    const file = join(t.dir, '现场教学点.xlsx');
    value(await t.router.call('sites.export', { grant: t.grant(file, 'export') }));
    const sheet = await readXlsx(file);
    expect(sheet.rows.find((row) => row.includes('秋硕合作社'))).toEqual(
      expect.arrayContaining(['辽河源现代生态农业产业园', '秋硕合作社', '合作社', '50', '典型实践与实践典型']),
    );
    const fresh = openTempCore();
    try {
      const result = value(await fresh.router.call('sites.import', { grant: fresh.grant(file, 'tableImport') }));
      expect(result).toEqual({
        bases: { added: 2, updated: 0 },
        points: { added: 13, updated: 0, unchanged: 0 },
        emptiedBases: [],
        ignoredColumns: [],
      });
      const shape = (tree: {
        bases: { name: string; points: { name: string; capacity: number | null; modules: string[] }[] }[];
      }) => tree.bases.map((b) => [b.name, b.points.map((p) => [p.name, p.capacity, p.modules.join('、')])]);
      expect(shape(value(await fresh.router.call('sites.tree', {})))).toEqual(
        shape(value(await t.router.call('sites.tree', {}))),
      );
      // Again: nothing new, nothing changed.
      expect(value(await fresh.router.call('sites.import', { grant: fresh.grant(file, 'tableImport') })).points).toEqual({
        added: 0,
        updated: 0,
        unchanged: 13,
      });
    } finally {
      fresh.dispose();
    }
  });

  it('updates only the columns a file has: a sheet of 类型 alone keeps each point’s base, address and contacts', async () => {
    const first = join(t.dir, '现场教学点一览表.xlsx');
    writeBook(first, [
      ['现场教学点一览表'],
      ['序号', '基地', '教学点', '地址', '讲解员', '联系电话', '教学专题'],
      [1, '安恕镇乡村振兴基地', '安恕镇朝阳屯', '东辽县安恕镇', '刘村长', '13900001111', '乡村治理'],
    ]);
    const imported = value(await t.router.call('sites.import', { grant: t.grant(first, 'tableImport') }));
    expect(imported.ignoredColumns).toEqual([]);
    const point = async () =>
      value(await t.router.call('sites.tree', {}))
        .bases.flatMap((b) => b.points)
        .find((p) => p.name === '安恕镇朝阳屯');
    expect(await point()).toMatchObject({ baseName: '安恕镇乡村振兴基地', guideName: '刘村长', contactPhone: '13900001111' });
    const kinds = join(t.dir, '类型.xlsx');
    writeBook(kinds, [
      ['教学点', '类型'],
      ['安恕镇朝阳屯', '村'],
    ]);
    expect(value(await t.router.call('sites.import', { grant: t.grant(kinds, 'tableImport') })).points).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(await point()).toMatchObject({
      kind: '村',
      baseName: '安恕镇乡村振兴基地',
      address: '东辽县安恕镇',
      guideName: '刘村长',
      contactPhone: '13900001111',
      topics: '乡村治理',
      active: true,
    });
    // "基地名称" is how many lists head the base column: read, not listed as a column left out.
    const named = join(t.dir, '基地名称.xlsx');
    writeBook(named, [
      ['基地名称', '教学点名称'],
      ['辽河源乡村振兴基地', '安恕镇朝阳屯'],
    ]);
    expect(value(await t.router.call('sites.import', { grant: t.grant(named, 'tableImport') })).ignoredColumns).toEqual([]);
    expect(await point()).toMatchObject({ baseName: '辽河源乡村振兴基地', kind: '村' });
  });

  it('refuses a file without a name column, two rows of one name, or a capacity that is no number — naming the row', async () => {
    const before = snapshot(t.core.db);
    const refused = async (rows: (string | number | null)[][]) =>
      failure(
        await t.router.call('sites.import', {
          grant: t.grant(writeBook(join(t.dir, `bad-${rows.length}-${Math.random()}.xlsx`), rows), 'tableImport'),
        }),
        'INVALID_INPUT',
      ).message;
    expect(
      await refused([
        ['基地', '类型', '门票价格'],
        ['新基地', '展馆', 20],
      ]),
    ).toBe('工作表“学员名册”第 1 行的表头缺少“教学点名称”列（可写作：教学点名称、现场教学点、教学点、名称）');
    expect(
      await refused([
        ['现场教学点一览'],
        ['基地', '教学点名称', '容纳人数'],
        ['新基地', '新教学点', 30],
        ['新基地', '另一个点', '好几十'],
        ['新基地', '新教学点', 20],
      ]),
    ).toBe(
      '文件中有 2 处问题，没有导入任何内容：第 4 行（另一个点）：“容纳人数”应为数字：好几十；第 5 行（新教学点）：与第 3 行的“教学点名称”相同：新教学点',
    );
    expect(
      await refused([
        ['教学点名称', '容纳人数'],
        ['新教学点', 0],
      ]),
    ).toMatch(/^文件中有 1 处问题.*第 2 行（新教学点）：容纳人数：/);
    expect(await refused([['名单'], ['甲', '乙']])).toMatch(/找不到表头/);
    expect(snapshot(t.core.db)).toBe(before);
  });
});
