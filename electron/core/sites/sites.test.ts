import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { readXlsx } from '../testing/read-documents';
import { standardRoster, writeBook } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { bareSampleClass } from '../testing/sample-class';

let t: TempCore;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

const pointId = async (search: string) =>
  value(await t.router.call('sites.tree', { search }))
    .bases.flatMap((b) => b.points)
    .find((p) => p.name.includes(search))?.id ?? 0;

describe('teaching bases and points', () => {
  it('shows the Liaoyuan bases as a tree, found by pinyin initials too', async () => {
    const tree = value(await t.router.call('sites.tree', {}));
    expect(tree.bases.map((b) => [b.name, b.points.length])).toEqual([
      ['安石镇朝阳村', 2],
      ['辽河源现代生态农业产业园', 11],
    ]);
    const byInitials = value(await t.router.call('sites.tree', { search: 'qsh' }));
    expect(byInitials.bases.flatMap((b) => b.points.map((p) => p.name))).toEqual(['秋硕合作社']);
    // A base found by its own name shows all its points.
    expect(value(await t.router.call('sites.tree', { search: '辽河源' })).bases[0]?.points.length).toBe(11);
  });

  it('keeps each point’s visits from the schedule, its reviews over the years and its travel times', async () => {
    const id = await pointId('秋硕合作社');
    const detail = value(await t.router.call('sites.get', { id }));
    expect(detail.visitHistory).toEqual([
      expect.objectContaining({
        className: '2019年年轻干部培训班',
        date: '2019-09-12',
        sessions: 1,
        titles: ['秋硕合作社现场教学'],
      }),
    ]);
    expect(detail.travel.find((x) => x.name === '安石镇朝阳村')?.minutes).toBe(15);
    const review = value(
      await t.router.call('sites.addReview', {
        id,
        review: {
          reviewedOn: '2019-09-20',
          reviewer: '孙海燕',
          theme: 5,
          courses: 4,
          facilities: 3,
          management: 4,
          teaching: 5,
          effect: 5,
        },
      }),
    );
    expect(review.average).toBe(4.33);
    const before = snapshot(t.core.db);
    expect(
      failure(
        await t.router.call('sites.addReview', {
          id,
          review: { reviewedOn: '2019-09-20', theme: 6, courses: 4, facilities: 0, management: 4, teaching: 5, effect: 5 },
        }),
        'INVALID_INPUT',
      ).details?.issues?.map((issue) => issue.field),
    ).toEqual(['review.theme', 'review.facilities']);
    expect(snapshot(t.core.db)).toBe(before);
    // Travel, either way round; cleared with null.
    const other = await pointId('刺五加');
    value(await t.router.call('sites.setTravel', { id: other, travel: [{ siteId: id, minutes: 35 }] }));
    expect(value(await t.router.call('sites.get', { id })).travel.find((x) => x.siteId === other)?.minutes).toBe(35);
    value(await t.router.call('sites.setTravel', { id, travel: [{ siteId: other, minutes: null }] }));
    expect(value(await t.router.call('sites.get', { id: other })).travel.find((x) => x.siteId === id)?.minutes).toBeNull();
    expect(
      failure(await t.router.call('sites.setTravel', { id, travel: [{ siteId: id, minutes: 3 }] }), 'INVALID_INPUT').message,
    ).toBe('不能设置教学点到它自己的车程');
  });

  it('refuses a second point of the same name, a base that does not exist, and a capacity of nothing', async () => {
    const before = snapshot(t.core.db);
    expect(failure(await t.router.call('sites.savePoint', { fields: { name: '秋硕合作社' } }), 'INVALID_INPUT').message).toBe(
      '已有名为“秋硕合作社”的现场教学点',
    );
    expect(
      failure(await t.router.call('sites.savePoint', { fields: { name: '新教学点', baseId: 999 } }), 'INVALID_INPUT').message,
    ).toBe('找不到这个教学基地');
    const zero = failure(await t.router.call('sites.savePoint', { fields: { name: '新教学点', capacity: 0 } }), 'INVALID_INPUT');
    expect(zero.details?.issues?.[0]).toMatchObject({ field: 'fields.capacity' });
    expect(zero.message).toContain('容纳人数');
    const unnamed = failure(await t.router.call('sites.savePoint', { fields: { name: ' ' } }), 'INVALID_INPUT');
    expect(unnamed.message).toBe('请填写“教学点名称”');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('lets the schedule warn when a class is larger than a point holds, and when there is no time to travel between two points', async () => {
    const classId = await bareSampleClass(t);
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 40), 'rosterImport') }));
    const cotton = await pointId('第一棉袜');
    const village = await pointId('安石镇朝阳村');
    const cooperative = await pointId('秋硕合作社');
    const teacher = value(await t.router.call('staff.list', { search: '赵立新' })).items[0]?.id ?? 0;
    const session = (siteId: number, start: string, end: string, title: string) => ({
      date: '2019-09-14',
      start,
      end,
      title,
      format: '现场教学',
      siteId,
      teacherIds: [teacher],
    });
    const crowded = value(
      await t.router.call('schedule.check', { classId, session: session(cotton, '08:30', '10:00', '棉袜企业参观') }),
    );
    expect(crowded.find((c) => c.kind === 'over_capacity')?.message).toBe('东辽县第一棉袜生产企业最多容纳 30 人，这节课有 40 人');
    const saved = value(
      await t.router.call('schedule.save', {
        classId,
        session: session(village, '08:30', '10:00', '村史馆参观'),
        accept: [],
      }),
    );
    // The place of a session at a point is the point's name.
    expect(saved.session).toMatchObject({ place: '安石镇朝阳村', siteId: village });
    const hurried = value(
      await t.router.call('schedule.check', { classId, session: session(cooperative, '10:05', '11:30', '合作社座谈') }),
    );
    expect(hurried.find((c) => c.kind === 'travel_time')?.message).toBe(
      '从“安石镇朝阳村”到“秋硕合作社”需要约 15 分钟，两节课之间只有 5 分钟',
    );
  });
});

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
