import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../testing/expect-result';
import { docxText } from '../testing/read-documents';
import { header, person, plainRows, standardRoster, writeBook } from '../testing/roster-files';
import { openTempCore, type TempCore } from '../testing/temp-core';
import { countUnitKinds, unitKindOf, unitOf } from './unit-kinds';

// The 培训班总结 as an official would write it: sentences that fit the numbers, whatever they are.

let t: TempCore;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

const classNamed = async (part: string) => {
  const found = value(await t.router.call('classes.list', { search: part })).items[0];
  if (!found) throw new Error(`no class ${part}`);
  return found.id;
};

// The summary's paragraphs, as Word shows them (read back from the .docx written).
const summaryOf = async (classId: number) => {
  const file = join(t.dir, `总结-${classId}.docx`);
  value(await t.router.call('lifecycle.summary', { classId, grant: t.grant(file, 'export') }));
  return docxText(file)
    .split('\n')
    .filter((line) => line !== '');
};

// What a machine writes and an official never would.
const machineWords = [/：$/, /0节/, /0篇/, /出勤率无/, /^无$/, /较多的有：/, /（1人）/];
const expectWrittenByHand = (lines: readonly string[]) => {
  for (const line of lines) for (const pattern of machineWords) expect(line, `${pattern} in “${line}”`).not.toMatch(pattern);
};

describe('the training summary', () => {
  it('of a class with nothing yet says so in each section, with no empty list and no zero', async () => {
    const lines = await summaryOf(await classNamed('青年干部'));
    expect(lines).toEqual([
      '2019年青年干部培训班总结',
      '一、基本情况',
      '本期培训班于2019年4月8日至2019年4月19日举办，共12天。名册中尚未录入学员。',
      '二、教学安排',
      '本期培训班未安排课程。',
      '三、“四同”实践',
      '本期未安排入村“四同”实践。',
      '四、学员考勤',
      '本期未记录考勤。',
      '五、调研成果',
      '本期未收到调研报告。',
      '六、满意度测评',
      '本期未开展满意度测评。',
      expect.any(String),
      expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/),
    ]);
    expectWrittenByHand(lines);
  });

  it('of a class whose units each sent one names how many units of which kinds, and no “larger” units', async () => {
    const classId = await classNamed('市管干部');
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 10), 'rosterImport') }));
    const people = Array.from({ length: 10 }, (_, n) => person(n));
    // Ten people from ten units: five of the city, two of its districts, three towns.
    expect(new Set(people.map((p) => p.unit)).size).toBe(10);
    const kinds = countUnitKinds(people.map((p) => p.unit));
    expect(kinds).toEqual([
      { kind: 'city', count: 5 },
      { kind: 'county', count: 2 },
      { kind: 'township', count: 3 },
    ]);
    const lines = await summaryOf(classId);
    const male = people.filter((p) => p.sex === '男').length;
    expect(lines[2]).toBe(
      `本期培训班于2019年6月3日至2019年6月14日举办，共12天。参训学员10人，其中男${male}人、女${10 - male}人。`,
    );
    expect(lines[3]).toBe('学员来自10个单位，其中市直部门5个、县（市、区）直部门2个、乡镇（街道）3个。');
    expect(lines.join('\n')).not.toContain('较多');
    expect(lines).toContain('本期培训班未安排课程。');
    expect(lines).toContain('本期未记录考勤。');
    expectWrittenByHand(lines);

    // Ten more from the same ten units: each sent two, and the summary says that instead.
    value(
      await t.router.call('roster.importCommit', {
        classId,
        grant: t.grant(writeBook(join(t.dir, 'more.xlsx'), [header, ...plainRows(10, 10)]), 'rosterImport'),
      }),
    );
    const again = await summaryOf(classId);
    expect(again[3]).toBe('学员来自10个单位，其中市直部门5个、县（市、区）直部门2个、乡镇（街道）3个。各单位均选派2人。');
  });

  it('of the full sample class reports every record in sentences that fit them', async () => {
    const classId = await classNamed('年轻干部');
    const figures = value(await t.router.call('lifecycle.figures', { classId }));
    const lines = await summaryOf(classId);
    const text = lines.join('\n');
    expect(lines[2]).toBe(
      `本期培训班于2019年9月9日至2019年9月20日举办，共12天。参训学员${figures.trainees}人，其中男${figures.male}人、女${figures.female}人。`,
    );
    // Units by kind, the kinds adding up to the units.
    const kinds = countUnitKinds(figures.units.map((unit) => unit.name));
    expect(kinds.reduce((sum, k) => sum + k.count, 0)).toBe(figures.units.length);
    expect(lines[3]).toMatch(
      new RegExp(`^学员来自${figures.units.length}个单位，其中县（市、区）直部门\\d+个、乡镇（街道）\\d+个。`),
    );
    // Units that sent more than the fewest: named when a few, counted when many.
    const fewest = Math.min(...figures.units.map((unit) => unit.count));
    const larger = figures.units.filter((unit) => unit.count > fewest);
    expect(larger.length).toBeGreaterThan(0);
    if (larger.length > 5) expect(lines[3]).toContain(`有${larger.length}个单位选派`);
    else for (const unit of larger) expect(lines[3]).toContain(`${unit.name}（${unit.count}人）`);
    expect(text).toContain(`共安排课程${figures.sessions}节，计${figures.totalHours}学时。`);
    expect(text).toContain(`安排入村“四同”实践1次，共2晚，学员累计参加劳动${figures.labourHours}小时。`);
    expect(text).toContain(`学员出勤率为${figures.attendanceRate}%。`);
    expect(text).toContain(`共提交调研报告${figures.reports}篇，其中${figures.excellent.length}篇评为优秀调研报告：`);
    // The colon is followed by the excellent reports, one a line.
    const colon = lines.findIndex((line) => line.endsWith('评为优秀调研报告：'));
    expect(lines[colon + 1]).toBe(`1. 《${figures.excellent[0]?.title}》（${figures.excellent[0]?.authors}）`);
    for (const s of figures.satisfaction) expect(s.responses).toBeGreaterThan(0);
    expect(text).toMatch(/组织满意度测评：收回问卷\d+份，平均[\d.]+分，满意率[\d.]+%。/);
    expectWrittenByHand(lines.filter((_, index) => index !== colon));
  });
});

describe('the kind of a unit, from its name', () => {
  it('reads the smallest unit a name ends in', () => {
    expect(unitKindOf('东辽县农业农村局')).toBe('county');
    expect(unitKindOf('龙山区向阳街道办事处')).toBe('township');
    expect(unitKindOf('东辽县安石镇人民政府')).toBe('township');
    expect(unitKindOf('东丰县大阳镇')).toBe('township');
    expect(unitKindOf('东辽县金州乡人民政府')).toBe('township');
    expect(unitKindOf('东辽县安石镇朝阳村')).toBe('village');
    expect(unitKindOf('龙山区东吉社区')).toBe('village');
    expect(unitKindOf('辽源市财政局')).toBe('city');
    expect(unitKindOf('中共辽源市委组织部')).toBe('city');
    expect(unitKindOf('辽源市龙山区人民政府')).toBe('county');
    expect(unitKindOf('东辽县第一中学')).toBe('institution');
    expect(unitKindOf('辽源市中心医院')).toBe('institution');
    expect(unitKindOf('吉林省农业农村厅')).toBe('province');
    expect(unitKindOf('辽源矿业集团有限责任公司')).toBe('enterprise');
    expect(unitKindOf('东辽县乡村振兴局')).toBe('county');
    expect(unitKindOf('某单位')).toBe('other');
  });

  it('reads a unit written with the post after it (工作单位及职务) as the unit alone', () => {
    expect(unitKindOf('西安区灯塔镇副镇长')).toBe('township');
    expect(unitKindOf('东辽县安石镇党委副书记')).toBe('township');
    expect(unitKindOf('东辽县安石镇朝阳村党支部书记')).toBe('village');
    expect(unitKindOf('东丰县水利局办公室主任')).toBe('county');
    expect(unitKindOf('辽源市财政局四级主任科员')).toBe('city');
    expect(unitOf('龙山区工信局科长')).toBe('龙山区工信局');
    expect(unitOf('辽源矿业集团有限责任公司总经理')).toBe('辽源矿业集团有限责任公司');
    // Names that end in a post's characters but are units stay whole.
    expect(unitOf('辽源市中心医院')).toBe('辽源市中心医院');
    expect(unitOf('中共辽源市委组织部')).toBe('中共辽源市委组织部');
    expect(unitOf('科长')).toBe('科长');
  });

  it('counts a 组织部 roster’s 工作单位及职务 column by unit: two posts of one unit are one unit, a town’s deputy head a town', async () => {
    const classId = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年秋季中青年干部培训班',
        startDate: '2019-09-16',
        endDate: '2019-09-27',
      }),
    ).id;
    const file = writeBook(join(t.dir, '学员名册.xlsx'), [
      ['2019年秋季中青年干部培训班学员名册'],
      ['序号', '姓名', '性别', '民族', '工作单位及职务', '职级', '联系电话'],
      [1, '张伟', '男', '汉族', '东辽县发展和改革局副局长', '副科级', '13800000001'],
      [2, '王芳', '女', '满族', '东辽县发展和改革局科长', '正科级', '13800000002'],
      [3, '李强', '男', '汉族', '西安区灯塔镇副镇长', '副科级', '13800000003'],
      [4, '刘静', '女', '朝鲜族', '东丰县水利局办公室主任', '正科级', ''],
    ]);
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(file, 'rosterImport') }));
    const lines = await summaryOf(classId);
    expect(lines[3]).toBe(
      '学员来自3个单位，其中县（市、区）直部门2个、乡镇（街道）1个。选派人数较多的有东辽县发展和改革局（2人）。',
    );
  });
});
