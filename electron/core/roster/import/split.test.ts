import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../../testing/expect-result';
import { docxText } from '../../testing/read-documents';
import { idNumber, writeBook } from '../../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../../testing/temp-core';

// A 组织部 list with one 工作单位及职务 column, imported into a class: each cell split into 工作单位 and
// 职务, the unsure ones kept whole and marked, and the class's units counted as units.

let t: TempCore;
let classId: number;
beforeEach(async () => {
  t = openTempCore();
  classId = value(
    await t.router.call('classes.create', {
      name: '2019年秋季中青年干部培训班',
      category: '主体班',
      startDate: '2019-09-16',
      endDate: '2019-09-27',
    }),
  ).id;
});
afterEach(() => t.dispose());

const people: readonly (readonly [string, '男' | '女', string, string])[] = [
  ['张伟', '男', '1980-05-06', '东丰县委组织部副部长'],
  ['王芳', '女', '1982-03-15', '东丰县委组织部干部科科长'],
  ['李强', '男', '1979-10-01', '龙山区人民政府办公室主任'],
  ['刘静', '女', '1985-07-20', '辽源市财政局预算科科长'],
  ['陈勇', '男', '1976-11-02', '辽源市财政局党组成员、副局长'],
  ['杨洋', '男', '1983-01-09', '西安区灯塔镇党委副书记、镇长'],
  ['赵敏', '女', '1990-04-18', '东辽县安石镇人民政府四级主任科员'],
  // 信息员 is no listed post: the file's own 辽源市财政局 tells where the unit ends.
  ['黄磊', '男', '1992-08-30', '辽源市财政局信息员'],
  // A full-width space typed between unit and post.
  ['周杰', '男', '1981-12-12', '东辽县安石镇人民政府　副镇长'],
  // 联络员 is no listed post, and the school knows 东辽县农业农村局 from an earlier class.
  ['吴娟', '女', '1987-02-14', '东辽县农业农村局联络员'],
  // Nothing tells where the unit ends: kept whole, for the person to check.
  ['郭亮', '男', '1988-06-06', '辽源市龙山区东盛街道联络员'],
];

const combinedRoster = (name = '学员名册.xlsx') =>
  writeBook(join(t.dir, name), [
    ['2019年秋季中青年干部培训班学员名册'],
    ['序号', '姓名', '性别', '出生年月', '身份证号', '工作单位及职务', '联系电话'],
    ...people.map(([person, sex, birth, unitPosition], index) => [
      index + 1,
      person,
      sex,
      birth.slice(0, 7).replace('-', '.'),
      idNumber(birth, sex === '男' ? 2 * index + 1 : 2 * index + 2),
      unitPosition,
      `1394310${String(index).padStart(4, '0')}`,
    ]),
  ]);

const preview = async (path: string, extra: Record<string, unknown> = {}) =>
  value(await t.router.call('roster.importPreview', { classId, grant: t.grant(path, 'rosterImport'), ...extra }));
const commit = async (path: string, extra: Record<string, unknown> = {}) =>
  value(await t.router.call('roster.importCommit', { classId, grant: t.grant(path, 'rosterImport'), ...extra }));
const stored = () =>
  Object.fromEntries(
    (
      t.core.db.prepare('SELECT name, unit, position FROM trainees').all() as { name: string; unit: string; position: string }[]
    ).map((row) => [row.name, [row.unit, row.position]]),
  );

// 东辽县农业农村局, as an earlier year's class brought it.
const knownFromEarlierClass = async () => {
  const earlier = value(
    await t.router.call('classes.create', {
      name: '2018年乡村振兴专题班',
      category: '专题班',
      startDate: '2018-10-08',
      endDate: '2018-10-12',
    }),
  ).id;
  value(
    await t.router.call('roster.add', {
      classId: earlier,
      trainee: { name: '孙超', unit: '东辽县农业农村局', position: '科长' },
    }),
  );
};

describe('a roster whose 工作单位及职务 is one column', () => {
  it('is split into 工作单位 and 职务 in the preview, the unsure row marked, and stored so', async () => {
    await knownFromEarlierClass();
    const file = combinedRoster();
    const seen = await preview(file);
    expect(seen.columns.find((column) => column.header === '工作单位及职务')).toMatchObject({
      letter: 'F',
      field: 'unitPosition',
    });
    expect(seen.unitPosition).toEqual({ column: 'F', header: '工作单位及职务', split: true, cells: 11, unsure: 1 });
    // The unsure row is named with its row and column, as a warning: it is imported, whole.
    expect(seen.problems).toEqual([
      expect.objectContaining({ row: 13, column: 'F', field: 'unitPosition', severity: 'warning' }),
    ]);
    expect(seen.problems[0]?.message).toContain('辽源市龙山区东盛街道联络员');
    expect(seen.counts).toEqual({ added: 11, updated: 0, unchanged: 0, rejected: 0 });
    const shown = Object.fromEntries(
      seen.sample.map((row) => [row.values['name'], [row.values['unit'], row.values['position'], row.unsure]]),
    );
    expect(shown['王芳']).toEqual(['东丰县委组织部', '干部科科长', false]);
    expect(shown['郭亮']).toEqual(['辽源市龙山区东盛街道联络员', '', true]);
    expect(seen.sample.find((row) => row.values['name'] === '杨洋')?.values['unitPosition']).toBe('西安区灯塔镇党委副书记、镇长');

    const result = await commit(file, { token: seen.token });
    expect(result.counts.added).toBe(11);
    expect(stored()).toEqual({
      孙超: ['东辽县农业农村局', '科长'],
      张伟: ['东丰县委组织部', '副部长'],
      王芳: ['东丰县委组织部', '干部科科长'],
      李强: ['龙山区人民政府办公室', '主任'],
      刘静: ['辽源市财政局', '预算科科长'],
      陈勇: ['辽源市财政局', '党组成员、副局长'],
      杨洋: ['西安区灯塔镇', '党委副书记、镇长'],
      赵敏: ['东辽县安石镇人民政府', '四级主任科员'],
      黄磊: ['辽源市财政局', '信息员'],
      周杰: ['东辽县安石镇人民政府', '副镇长'],
      吴娟: ['东辽县农业农村局', '联络员'],
      郭亮: ['辽源市龙山区东盛街道联络员', ''],
    });
  });

  it('is counted by unit in the training summary and the workbench’s 学员来源单位 chart', async () => {
    await knownFromEarlierClass();
    await commit(combinedRoster());
    const expected = [
      { name: '辽源市财政局', count: 3 },
      { name: '东丰县委组织部', count: 2 },
      { name: '东辽县安石镇人民政府', count: 2 },
      { name: '东辽县农业农村局', count: 1 },
      { name: '辽源市龙山区东盛街道联络员', count: 1 },
      { name: '龙山区人民政府办公室', count: 1 },
      { name: '西安区灯塔镇', count: 1 },
    ];
    const figures = value(await t.router.call('lifecycle.figures', { classId }));
    expect(figures.units).toEqual(expected);
    const chart = value(await t.router.call('workbench.overview', { year: 2019 })).charts.traineesByUnit;
    expect(chart).toEqual(expected.map(({ name, count }) => ({ name, value: count })));

    const out = join(t.dir, '培训班总结.docx');
    value(await t.router.call('lifecycle.summary', { classId, grant: t.grant(out, 'export') }));
    const text = await docxText(out);
    expect(text).toContain('学员来自7个单位');
    expect(text).toContain('选派人数较多的有辽源市财政局（3人）、东丰县委组织部（2人）、东辽县安石镇人民政府（2人）');
  });

  it('can be kept whole when the person turns the split off: the text as written is the unit', async () => {
    const file = combinedRoster();
    const seen = await preview(file, { splitUnitPosition: false });
    expect(seen.unitPosition).toMatchObject({ split: false, unsure: 0 });
    expect(seen.problems).toEqual([]);
    expect(seen.sample.every((row) => row.values['position'] === '' && !row.unsure)).toBe(true);
    // The preview's token is for the whole-text reading: committing the split reading with it is refused.
    failure(
      await t.router.call('roster.importCommit', { classId, grant: t.grant(file, 'rosterImport'), token: seen.token }),
      'INVALID_INPUT',
    );
    await commit(file, { token: seen.token, splitUnitPosition: false });
    const units = stored();
    expect(units['杨洋']).toEqual(['西安区灯塔镇党委副书记、镇长', '']);
    expect(units['周杰']).toEqual(['东辽县安石镇人民政府 副镇长', '']);
  });

  it('leaves the unit whole when the file has a 职务 column too, and the 职务 column wins over the split', async () => {
    const file = writeBook(join(t.dir, '名单.xlsx'), [
      ['姓名', '性别', '工作单位及职务', '职务'],
      ['张伟', '男', '东丰县委组织部副部长', '副部长(正科级)'],
      ['王芳', '女', '辽源市龙山区东盛街道', ''],
      ['李强', '男', '辽源市中心医院', '副院长'],
    ]);
    const seen = await preview(file);
    expect(seen.unitPosition).toMatchObject({ split: true, cells: 3, unsure: 0 });
    await commit(file, { token: seen.token });
    expect(stored()).toEqual({
      张伟: ['东丰县委组织部', '副部长(正科级)'],
      王芳: ['辽源市龙山区东盛街道', ''],
      李强: ['辽源市中心医院', '副院长'],
    });
  });

  it('refuses a split choice that is not yes or no, and changes nothing', async () => {
    const file = combinedRoster();
    const before = snapshot(t.core.db);
    for (const bad of ['yes', 1, null, { on: true }]) {
      const refused = failure(
        await t.router.call('roster.importCommit', { classId, grant: t.grant(file, 'rosterImport'), splitUnitPosition: bad }),
        'INVALID_INPUT',
      );
      expect(refused.details).toMatchObject({ issues: [expect.objectContaining({ field: 'splitUnitPosition' })] });
    }
    expect(snapshot(t.core.db)).toEqual(before);
  });
});
