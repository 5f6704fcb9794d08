import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrainingClass } from '../../../shared/classes/schemas';
import { failure, value } from '../testing/expect-result';
import { writeBook } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { writeOfficeTable } from '../testing/office-table';
import { parseSessionDate, parseSessionTime } from './import';
import { parseLecturers } from './lecturers';

let t: TempCore;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

const createClass = async (name: string, startDate: string, endDate: string) =>
  value(await t.router.call('classes.create', { category: '主体班', name, startDate, endDate }));

const sampleClass = async () => {
  const found = value(await t.router.call('classes.list', { search: '年轻干部' })).items[0];
  if (!found) throw new Error('no sample class');
  return found;
};

const importFile = async (classId: number, path: string) => {
  const grant = t.grant(path, 'scheduleImport');
  const preview = value(await t.router.call('schedule.importPreview', { classId, grant }));
  return { preview, commit: () => t.router.call('schedule.importCommit', { classId, grant, token: preview.token }) };
};

describe('reading a schedule’s cells', () => {
  const target = { startDate: '2019-12-30', endDate: '2020-01-10' } as TrainingClass;

  it('reads dates as schedules write them, the year being the one that falls inside the class', () => {
    expect(parseSessionDate('12月31日', target)).toBe('2019-12-31');
    expect(parseSessionDate('1月2日（星期四）', target)).toBe('2020-01-02');
    expect(parseSessionDate('2020-01-03', target)).toBe('2020-01-03');
    expect(parseSessionDate('2020年1月6日', target)).toBe('2020-01-06');
    expect(parseSessionDate('1.7', target)).toBe('2020-01-07');
    expect(parseSessionDate(43838, target)).toBe('2020-01-08');
    expect(parseSessionDate('2月30日', target)).toBeUndefined();
    expect(parseSessionDate('下周一', target)).toBeUndefined();
  });

  it('reads times with or without the half-day, on a 12-hour clock in the afternoon, or the half-day alone', () => {
    expect(parseSessionTime('上午 08:30—11:30')).toEqual({ start: '08:30', end: '11:30' });
    expect(parseSessionTime('8:30-11:30')).toEqual({ start: '08:30', end: '11:30' });
    expect(parseSessionTime('下午2：00至5：00')).toEqual({ start: '14:00', end: '17:00' });
    expect(parseSessionTime('晚上 7:00~9:00')).toEqual({ start: '19:00', end: '21:00' });
    expect(parseSessionTime('下午')).toEqual({ start: '14:00', end: '17:00' });
    expect(parseSessionTime('全天')).toBeUndefined();
    expect(parseSessionTime('上午 25:00-26:00')).toBeUndefined();
  });
});

describe('reading 授课人 as offices write it', () => {
  it('takes a title in brackets, a unit before a name, several names with 、 or spaces', () => {
    expect(parseLecturers('韩丽（朝阳村党支部书记）')).toEqual([{ name: '韩丽', organisation: '', title: '朝阳村党支部书记' }]);
    expect(parseLecturers('吉林农业大学 王教授')).toEqual([{ name: '王教授', organisation: '吉林农业大学', title: '教授' }]);
    expect(parseLecturers('刘志强、孙海燕')).toEqual([
      { name: '刘志强', organisation: '', title: '' },
      { name: '孙海燕', organisation: '', title: '' },
    ]);
    expect(parseLecturers('韩丽 孙海燕')).toEqual([
      { name: '韩丽', organisation: '', title: '' },
      { name: '孙海燕', organisation: '', title: '' },
    ]);
    expect(parseLecturers('辽源市农业农村局 赵立新（高级农艺师）；吉林大学　李明')).toEqual([
      { name: '赵立新', organisation: '辽源市农业农村局', title: '高级农艺师' },
      { name: '李明', organisation: '吉林大学', title: '' },
    ]);
    expect(parseLecturers(null)).toEqual([]);
  });
});

describe('importing a schedule', () => {
  it('adds the lecturers the 师资库 lacks in the same commit, and matches places to teaching points', async () => {
    const target = await createClass('2019年乡村振兴专题班', '2019-10-14', '2019-10-18');
    const path = writeBook(join(t.dir, '专题班课表-外聘.xlsx'), [
      ['日期', '时间', '课程内容', '授课人', '地点'],
      ['10月14日', '上午', '乡村治理经验', '韩丽（朝阳村党支部书记）', '朝阳村'],
      ['10月14日', '下午', '水稻标准化种植', '吉林农业大学 王教授', '吉米飘香万亩标准化水田'],
      ['10月15日', '上午', '现代农业政策', '吉林农业大学 王教授、刘志强', '党校报告厅'],
    ]);
    const { preview } = await importFile(target.id, path);
    expect(
      preview.rows.map((row) => [row.teachers.join('、'), row.newTeachers.join('、'), row.siteName, row.problems.length]),
    ).toEqual([
      ['韩丽', '', '安石镇朝阳村', 0],
      ['王教授', '王教授', '吉米飘香万亩标准化水田', 0],
      ['王教授、刘志强', '王教授', null, 0],
    ]);
    expect(preview.newTeachers).toEqual([{ name: '王教授', organisation: '吉林农业大学', title: '教授', rows: [3, 4] }]);
    const before = snapshot(t.core.db);
    const grant = t.grant(path, 'scheduleImport');
    const notAdded = failure(
      await t.router.call('schedule.importCommit', { classId: target.id, grant, token: preview.token }),
      'INVALID_INPUT',
    );
    expect(notAdded.message).toBe('授课人 王教授（吉林农业大学） 不在师资库中：勾选“添加到师资库”后再导入，或先在“师资”中添加');
    expect(snapshot(t.core.db)).toBe(before);
    const done = value(
      await t.router.call('schedule.importCommit', { classId: target.id, grant, token: preview.token, addTeachers: true }),
    );
    expect(done).toMatchObject({ added: 3, teachersAdded: 1 });
    const wang = value(await t.router.call('staff.list', { search: '王教授' })).items[0];
    expect(wang).toMatchObject({ organisation: '吉林农业大学', title: '教授', external: true, roles: ['授课教师'] });
    const sessions = value(await t.router.call('schedule.list', { classId: target.id }));
    expect(sessions.map((s) => [s.place, s.siteId !== null, s.teachers.map((x) => x.name).join('、')])).toEqual([
      ['朝阳村', true, '韩丽'],
      ['吉米飘香万亩标准化水田', true, '王教授'],
      ['党校报告厅', false, '王教授、刘志强'],
    ]);
  });

  it('takes back its own export: every session, teacher and place, in a class on the same days', async () => {
    const young = await sampleClass();
    const exported = join(t.dir, '课程安排表.xlsx');
    value(await t.router.call('schedule.export', { classId: young.id, format: 'xlsx', grant: t.grant(exported, 'export') }));
    // Next year's class on the same calendar days: dates are read as month and day.
    const next = await createClass('2020年年轻干部培训班', '2020-09-09', '2020-09-20');
    const { preview, commit } = await importFile(next.id, exported);
    expect(preview.rows).toHaveLength(21);
    expect(preview.rows.every((row) => row.problems.length === 0)).toBe(true);
    expect(preview.conflicts.filter((c) => c.severity === 'error')).toEqual([]);
    expect(value(await commit())).toMatchObject({ added: 21 });

    const before = value(await t.router.call('schedule.list', { classId: young.id }));
    const after = value(await t.router.call('schedule.list', { classId: next.id }));
    const shape = (s: (typeof after)[number]) =>
      [s.date.slice(5), s.start, s.end, s.title, s.format, s.teachers.map((x) => x.name).join('、'), s.place].join('|');
    expect(after.map(shape)).toEqual(before.map(shape));
  });

  it('reads a hand-made table: title rows, header words of its own, dates written once, a 合计 line', async () => {
    const target = await createClass('2019年乡村振兴专题班', '2019-10-14', '2019-10-18');
    const path = writeBook(join(t.dir, '专题班课表.xlsx'), [
      ['2019年乡村振兴专题班课程表'],
      ['中共辽源市委党校　2019年10月'],
      ['日 期', '时段', '课程', '主讲人', '上课地点', '__proto__'],
      ['10月14日', '上午', '乡村振兴战略解读', '刘志强', '党校报告厅', null],
      [null, '下午2:00-5:00', '现场教学：朝阳村', '韩丽、孙海燕', '安石镇朝阳村', null],
      [43753, '8:30-11:30', '学员论坛', null, '党校第一教室', '学员主持'],
      [null, null, null, null, null, null],
      ['合计', null, null, null, null, null],
    ]);
    const { preview, commit } = await importFile(target.id, path);
    expect(preview.headerRow).toBe(3);
    expect(preview.rows.map((row) => [row.row, row.date, row.start, row.end, row.teachers.join('、')])).toEqual([
      [4, '2019-10-14', '08:30', '11:30', '刘志强'],
      [5, '2019-10-14', '14:00', '17:00', '韩丽、孙海燕'],
      [6, '2019-10-15', '08:30', '11:30', ''],
    ]);
    // The forum has no teacher: a warning to see, not a refusal.
    expect(preview.conflicts.map((c) => c.kind)).toEqual(['no_teacher']);
    expect(value(await commit()).added).toBe(3);
    const sessions = value(await t.router.call('schedule.list', { classId: target.id }));
    expect(sessions.find((s) => s.title === '现场教学：朝阳村')?.teachers.map((x) => x.name)).toEqual(['韩丽', '孙海燕']);
  });

  it('lists every row it cannot read, with its row and column, and imports nothing', async () => {
    const target = await createClass('2019年乡村振兴专题班', '2019-10-14', '2019-10-18');
    const path = writeBook(join(t.dir, '有问题的课表.xlsx'), [
      ['日期', '时间', '课程内容', '授课人', '地点'],
      ['10月14日', '上午', '乡村振兴战略解读', '刘志强', '党校报告厅'],
      ['十月十五日', '上午', '现场教学', '韩丽', '安石镇朝阳村'],
      [null, '下午', '现场教学（续）', '韩丽', '安石镇朝阳村'],
      ['10月16日', '全天', '调研', '孙海燕', '刺五加种植基地'],
      ['10月17日', '上午', '专题辅导', '张无忌', '党校报告厅'],
      ['10月21日', '上午', '结业式', '刘志强', '党校报告厅'],
      ['10月18日', '上午', 'x'.repeat(101), '刘志强', '党校报告厅'],
    ]);
    const { preview, commit } = await importFile(target.id, path);
    const problems = preview.rows
      .filter((row) => row.problems.length > 0)
      .map((row) => [row.row, row.problems.map((p) => `${p.column}:${p.message}`).join('；')]);
    expect(problems).toEqual([
      [3, 'A:日期“十月十五日”无法识别（可写作 6月3日、2019-06-03 等）'],
      // Below an unreadable date, a blank one has nothing to carry down.
      [4, 'A:没有日期，上面的行也没有可沿用的日期'],
      [5, 'B:时间“全天”无法识别（可写作 上午 08:30—11:30、14:00-17:00 或 上午）'],
      [7, 'A:2019-10-21 不在本班次的培训日期（2019-10-14 至 2019-10-18）内'],
      [8, expect.stringMatching(/^C:.*课程内容.*100/)],
    ]);
    const before = snapshot(t.core.db);
    const refused = failure(await commit(), 'INVALID_INPUT');
    expect(refused.message).toContain('有 5 行无法导入，未导入任何课程');
    // An unknown lecturer is no reason to refuse a row: the preview offers to add them.
    expect(preview.newTeachers).toEqual([{ name: '张无忌', organisation: '', title: '', rows: [6] }]);
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('refuses, whole, an import that clashes with another class, a file changed since its preview, a file with no header', async () => {
    const young = await sampleClass();
    const exported = join(t.dir, '课程安排表.xlsx');
    value(await t.router.call('schedule.export', { classId: young.id, format: 'xlsx', grant: t.grant(exported, 'export') }));
    // The same teachers on the same mornings as the sample class: teacher_busy, nothing imported.
    const sameDays = await createClass('2019年乡村振兴专题班', '2019-09-09', '2019-09-20');
    const { preview, commit } = await importFile(sameDays.id, exported);
    expect(preview.conflicts.some((c) => c.kind === 'teacher_busy')).toBe(true);
    const before = snapshot(t.core.db);
    const blocked = failure(await commit(), 'CONFLICT');
    expect(blocked.message).toContain('未导入任何课程');
    expect(snapshot(t.core.db)).toBe(before);

    const target = await createClass('2020年年轻干部培训班', '2020-09-09', '2020-09-20');
    const changing = await importFile(target.id, exported);
    writeBook(exported, [
      ['日期', '时间', '课程内容'],
      ['9月9日', '上午', '改过的课程'],
    ]);
    expect(failure(await changing.commit(), 'INVALID_INPUT').message).toContain('文件在预览之后被修改过');
    // A preview's token made for one class does not commit into another.
    const elsewhere = await createClass('2020年科级干部培训班', '2020-10-12', '2020-10-16');
    const crossed = failure(
      await t.router.call('schedule.importCommit', {
        classId: elsewhere.id,
        grant: t.grant(exported, 'scheduleImport'),
        token: changing.preview.token,
      }),
      'INVALID_INPUT',
    );
    expect(crossed.message).toContain('这次预览是为另一个班次做的');
    expect(value(await t.router.call('schedule.list', { classId: elsewhere.id }))).toEqual([]);

    const noHeader = join(t.dir, '随手记.csv');
    writeFileSync(noHeader, '星期一,讲座\n星期二,参观\n');
    const missing = failure(
      await t.router.call('schedule.importPreview', { classId: target.id, grant: t.grant(noHeader, 'scheduleImport') }),
      'INVALID_INPUT',
    );
    // Named by the table kit, with the words each required column may be written as.
    expect(missing.message).toContain('找不到表头');
    expect(missing.message).toContain('“日期”列（可写作：日期、上课日期、月日）');
    expect(value(await t.router.call('schedule.list', { classId: target.id }))).toEqual([]);
  });

  it('reads a table with 序号, 学时 written with its unit and a column of its own: the sessions stored, the column listed', async () => {
    const target = await createClass('2019年乡村振兴专题班', '2019-10-14', '2019-10-18');
    // Written by our own xlsx writer (title and subtitle above, each date merged over its sessions).
    const path = await writeOfficeTable(join(t.dir, '专题班课程安排.xlsx'), {
      title: '课程安排表',
      labels: ['序号', '日期', '时间', '课程内容', '学时', '授课人', '地点', '联系人'],
      rows: [
        ['1', '10月14日', '上午 8:30-11:30', '乡村振兴战略解读', '3学时', '刘志强', '党校报告厅', '王老师'],
        ['2', '10月14日', '下午2:00-5:00', '现场教学：朝阳村', '３学时', '韩丽', '安石镇朝阳村', ''],
        ['3', '10月15日', '上午', '学员论坛', '约3学时', '', '党校第一教室', '李老师'],
      ],
      mergeColumns: [1],
    });
    const { preview, commit } = await importFile(target.id, path);
    expect(preview.headerRow).toBe(3);
    // 序号 is skipped without a word; the columns a schedule does not take are listed, not refused.
    expect(preview.ignoredColumns).toEqual(['学时', '联系人']);
    expect(preview.rows.flatMap((row) => row.problems)).toEqual([]);
    expect(value(await commit()).added).toBe(3);
    const stored = t.core.db
      .prepare(
        'SELECT date, start_time AS start, end_time AS "end", title, place FROM sessions WHERE class_id = ? ORDER BY date, start_time',
      )
      .all(target.id);
    expect(stored).toEqual([
      { date: '2019-10-14', start: '08:30', end: '11:30', title: '乡村振兴战略解读', place: '党校报告厅' },
      { date: '2019-10-14', start: '14:00', end: '17:00', title: '现场教学：朝阳村', place: '安石镇朝阳村' },
      { date: '2019-10-15', start: '08:30', end: '11:30', title: '学员论坛', place: '党校第一教室' },
    ]);
  });

  it('reads cells merged over several sessions (授课人 and 地点 for a whole day) as each session’s own', async () => {
    const target = await createClass('2019年基层党建专题班', '2019-11-04', '2019-11-08');
    const path = await writeOfficeTable(join(t.dir, '党建专题班课程安排.xlsx'), {
      title: '课程安排表',
      labels: ['序号', '日期', '时间', '课程内容', '授课人', '地点'],
      rows: [
        ['1', '11月4日', '上午', '现场教学：朝阳村', '韩丽', '安石镇朝阳村'],
        ['2', '11月4日', '下午', '现场教学：朝阳村', '韩丽', '安石镇朝阳村'],
        ['3', '11月5日', '上午', '学员论坛', '', '党校第一教室'],
      ],
      mergeColumns: [1, 3, 4, 5],
    });
    const { preview, commit } = await importFile(target.id, path);
    expect(preview.rows.flatMap((row) => row.problems)).toEqual([]);
    expect(value(await commit()).added).toBe(3);
    const stored = t.core.db
      .prepare('SELECT date, start_time AS start, title, place FROM sessions WHERE class_id = ? ORDER BY date, start_time')
      .all(target.id);
    expect(stored).toEqual([
      { date: '2019-11-04', start: '08:30', title: '现场教学：朝阳村', place: '安石镇朝阳村' },
      { date: '2019-11-04', start: '14:00', title: '现场教学：朝阳村', place: '安石镇朝阳村' },
      { date: '2019-11-05', start: '08:30', title: '学员论坛', place: '党校第一教室' },
    ]);
  });
});
