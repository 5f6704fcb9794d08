import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conflict } from '../../../shared/schedule/schemas';
import { failure, value } from '../testing/expect-result';
import { docxText, docxXml, readXlsx } from '../testing/read-documents';
import { eachScheduleClass } from '../testing/schedule-class';
import { snapshot, type TempCore } from '../testing/temp-core';
import { conflictsOf, type Slotted } from './conflict-rules';

let t: TempCore;
let classId: number;
let otherClassId: number;
let hanLi: number;
let wang: number;
const { lecture, save, exportedWeek } = eachScheduleClass((opened) => {
  ({ t, classId, otherClassId, hanLi, wang } = opened);
});

const kinds = (conflicts: readonly Conflict[]) => conflicts.map((c) => c.kind).sort();

describe('sessions and their checks', () => {
  it('saves a session with its half-day slot and teachers', async () => {
    const saved = value(await save(lecture({ teacherIds: [wang, hanLi] })));
    expect(saved.session).toMatchObject({ slot: 'morning', teachers: [{ name: '王建国' }, { name: '韩丽' }], groups: [] });
    expect(
      value(await save(lecture({ date: '2019-06-04', start: '19:00', end: '21:00', place: '朝阳村村部' }))).session.slot,
    ).toBe('evening');
    expect(value(await t.router.call('schedule.list', { classId })).map((s) => s.date)).toEqual(['2019-06-03', '2019-06-04']);
  });

  it('finds a teacher in two places at once, also across classes, and refuses to save it', async () => {
    value(await save(lecture()));
    const before = snapshot(t.core.db);
    const clash = lecture({ title: '水稻种植技术', start: '10:00', end: '12:00', place: '吉米飘香万亩标准化水田' });
    expect(kinds(value(await t.router.call('schedule.check', { classId: otherClassId, session: clash })))).toEqual([
      'teacher_busy',
    ]);
    const refused = failure(await save(clash, {}, otherClassId), 'CONFLICT');
    expect(refused.message).toBe(
      '有 1 个冲突，不能保存：王建国在 2019-06-03 08:30–11:30 已安排“现代生态农业政策解读”（2019年市管干部培训班）',
    );
    expect(snapshot(t.core.db)).toBe(before);
    // Resolved by another teacher: saved.
    expect(value(await save({ ...clash, teacherIds: [hanLi] }, {}, otherClassId)).conflicts).toEqual([]);
  });

  it('refuses a session outside the class dates, and two sessions of the same group at once', async () => {
    expect(failure(await save(lecture({ date: '2019-06-10' })), 'CONFLICT').message).toContain(
      '2019-06-10 不在本班次的培训日期（2019-06-03 至 2019-06-07）内',
    );
    value(await save(lecture({ groups: [1, 2] })));
    const overlap = lecture({ title: '分组研讨', teacherIds: [hanLi], place: '党校第二教室', groups: [2, 3], start: '09:00' });
    const error = failure(await save(overlap), 'CONFLICT');
    expect(error.message).toContain('第2组不能同时上两节课');
    // Other groups at the same time are fine.
    expect(value(await save({ ...overlap, groups: [3, 4] })).conflicts).toEqual([]);
  });

  it('warns about a shared place, a missing teacher or place; saves once each has a reason', async () => {
    value(await save(lecture(), {}, otherClassId));
    const joint = lecture({ teacherIds: [hanLi], title: '典型经验交流' });
    const warned = failure(await save(joint), 'CONFLICT');
    expect(warned.message).toMatch(/^有 1 个提示需要确认并填写原因：党校第一教室在 2019-06-03/);
    const saved = value(await save(joint, { accept: [{ kind: 'place_busy', reason: '两个班合班上课' }] }));
    expect(saved.session.accepted).toEqual([{ kind: 'place_busy', reason: '两个班合班上课' }]);
    expect(saved.conflicts).toEqual([
      expect.objectContaining({ kind: 'place_busy', severity: 'warning', accepted: '两个班合班上课' }),
    ]);

    const bare = lecture({ date: '2019-06-05', teacherIds: [], place: '' });
    expect(kinds(value(await t.router.call('schedule.check', { classId, session: bare })))).toEqual(['no_place', 'no_teacher']);
    value(
      await save(bare, {
        accept: [
          { kind: 'no_teacher', reason: '学员自学' },
          { kind: 'no_place', reason: '各自单位' },
        ],
      }),
    );
    const listed = value(await t.router.call('schedule.conflicts', { classId }));
    expect(listed.every((c) => c.severity === 'warning' && c.accepted !== null)).toBe(true);
  });

  it('warns when there is not enough time to travel between two places', () => {
    const at = (place: string, start: string, end: string, id: number): Slotted => ({
      id,
      classId: 1,
      className: '班',
      date: '2019-06-04',
      start,
      end,
      title: place,
      teachers: [{ id: 9, name: '韩丽' }],
      place,
      siteId: null,
      groups: [],
      accepted: [],
    });
    const morning = at('党校', '08:30', '10:30', 1);
    const field = at('安石镇朝阳村', '11:00', '12:00', 2);
    const travel = (from: { place: string }, to: { place: string }) =>
      from.place === '党校' && to.place === '安石镇朝阳村' ? 50 : undefined;
    const found = conflictsOf(field, { id: 1, startDate: '2019-06-03', endDate: '2019-06-07' }, [morning, field], travel);
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'travel_time',
        severity: 'warning',
        message: '从“党校”到“安石镇朝阳村”需要约 50 分钟，两节课之间只有 30 分钟',
      }),
    ]);
    expect(
      conflictsOf({ ...field, start: '11:30' }, { id: 1, startDate: '2019-06-03', endDate: '2019-06-07' }, [morning], travel),
    ).toEqual([]);
  });

  it('refuses bad input with field-named messages', async () => {
    const before = snapshot(t.core.db);
    const reversed = failure(await save(lecture({ start: '11:30', end: '08:30' })), 'INVALID_INPUT');
    expect(reversed.details?.issues?.[0]).toMatchObject({ field: 'session.end', code: 'end_before_start' });
    expect(failure(await save(lecture({ start: '8:3' })), 'INVALID_INPUT').message).toContain('“开始时间”应为 时:分');
    expect(failure(await save(lecture({ teacherIds: [999] })), 'INVALID_INPUT').message).toBe('找不到授课人（编号 999）');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('copies a whole schedule to next year, shifted by the distance between the start dates', async () => {
    value(await save(lecture()));
    value(
      await save(
        lecture({
          date: '2019-06-05',
          title: '水稻田现场教学',
          format: '现场教学',
          place: '吉米飘香万亩标准化水田',
          teacherIds: [hanLi],
          module: '业务知识与操作实务',
        }),
      ),
    );
    const next = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2020年市管干部培训班',
        startDate: '2020-06-01',
        endDate: '2020-06-05',
      }),
    ).id;
    const copied = value(await t.router.call('schedule.copyFrom', { classId: next, sourceClassId: classId }));
    expect(copied.copied).toBe(2);
    expect(
      value(await t.router.call('schedule.list', { classId: next })).map((s) => [s.date, s.title, s.teachers.map((x) => x.name)]),
    ).toEqual([
      ['2020-06-01', '现代生态农业政策解读', ['王建国']],
      ['2020-06-03', '水稻田现场教学', ['韩丽']],
    ]);
    // Into a shorter class, a copy that would not fit changes nothing.
    const short = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2021年短期班',
        startDate: '2021-06-07',
        endDate: '2021-06-08',
      }),
    ).id;
    const sameWeek = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年专题班',
        startDate: '2019-06-03',
        endDate: '2019-06-07',
      }),
    ).id;
    const before = snapshot(t.core.db);
    expect(
      failure(await t.router.call('schedule.copyFrom', { classId: short, sourceClassId: classId }), 'INVALID_STATE').message,
    ).toContain('有 1 节课平移后会落在本班次日期之外');
    // And a copy that would double-book a teacher changes nothing either.
    expect(
      failure(await t.router.call('schedule.copyFrom', { classId: sameWeek, sourceClassId: classId }), 'CONFLICT').message,
    ).toContain('复制后会产生');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('adds up hours per module and per format', async () => {
    value(await save(lecture()));
    value(
      await save(
        lecture({
          date: '2019-06-04',
          start: '14:00',
          end: '17:30',
          format: '现场教学',
          module: '业务知识与操作实务',
          place: '秋硕合作社',
        }),
      ),
    );
    const balance = value(await t.router.call('schedule.balance', { classId }));
    expect(balance.totalHours).toBe(6.5);
    expect(balance.modules.map((m) => [m.name, m.hours])).toEqual([
      ['政策法规及实践运用', 3],
      ['业务知识与操作实务', 3.5],
      ['工作推进方法与策略', 0],
      ['典型实践与实践典型', 0],
      ['工作对策与思路研究', 0],
    ]);
    expect(balance.formats.find((f) => f.name === '现场教学')).toEqual({ name: '现场教学', hours: 3.5, sessions: 1 });
  });

  it('keeps the project team of a class and each person’s teaching history', async () => {
    value(
      await t.router.call('staff.setTeam', {
        classId,
        members: [
          { staffId: wang, role: '项目顾问' },
          { staffId: hanLi, role: '授课教师' },
        ],
      }),
    );
    expect(value(await t.router.call('staff.team', { classId })).map((m) => [m.name, m.role])).toEqual([
      ['王建国', '项目顾问'],
      ['韩丽', '授课教师'],
    ]);
    value(await save(lecture()));
    const detail = value(await t.router.call('staff.get', { id: wang }));
    expect(detail.teams).toEqual([{ classId, className: '2019年市管干部培训班', role: '项目顾问' }]);
    expect(detail.teaching.map((s) => s.title)).toEqual(['现代生态农业政策解读']);
    expect(value(await t.router.call('staff.list', { search: 'hl' })).items.map((s) => s.name)).toEqual(['韩丽']);
    expect(value(await t.router.call('staff.list', { search: '水稻' })).items.map((s) => s.name)).toEqual(['王建国']);
  });
});
describe('exporting the schedule', () => {
  beforeEach(exportedWeek);

  it('as .xlsx in the official layout with each date merged over its sessions', async () => {
    const path = join(t.dir, '课程安排表.xlsx');
    value(await t.router.call('schedule.export', { classId, format: 'xlsx', grant: t.grant(path, 'export') }));
    const { sheet, rows } = await readXlsx(path);
    expect(rows[0]?.[0]).toBe('2019年市管干部培训班课程安排表');
    expect(rows[2]).toEqual(['日期', '星期', '时间', '课程内容', '教学形式', '授课人', '地点']);
    expect(rows[3]).toEqual([
      '6月3日',
      '星期一',
      '上午 08:30—11:30',
      '现代生态农业政策解读',
      '专题讲座',
      '王建国',
      '党校第一教室',
    ]);
    expect(rows[5]?.slice(2)).toEqual(['上午 08:30—11:30', '访谈：韩丽书记谈乡村振兴', '访谈教学', '韩丽、王建国', '朝阳村村部']);
    // 6月3日 spans its two sessions.
    expect(sheet.getCell('A4').isMerged).toBe(true);
    expect(sheet.getCell('A5').master.address).toBe('A4');
    expect(sheet.getCell('A6').isMerged).toBe(false);
  });

  it('as .docx: landscape, the same rows, the date cells merged', async () => {
    const path = join(t.dir, '课程安排表.docx');
    value(await t.router.call('schedule.export', { classId, format: 'docx', grant: t.grant(path, 'export') }));
    const text = docxText(path);
    for (const expected of ['2019年市管干部培训班课程安排表', '6月3日', '星期一', '朝阳村现场教学', '韩丽、王建国'])
      expect(text).toContain(expected);
    const xml = docxXml(path);
    expect(xml).toMatch(/w:orient="landscape"/);
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
  });

  it('as iCalendar, for the class and for one teacher', async () => {
    const classPath = join(t.dir, 'class.ics');
    value(await t.router.call('schedule.export', { classId, format: 'ics', grant: t.grant(classPath, 'export') }));
    const calendar = readFileSync(classPath, 'utf8');
    expect(calendar.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(calendar).toContain('DTSTART;TZID=Asia/Shanghai:20190603T083000');
    expect(calendar).toContain('DTEND;TZID=Asia/Shanghai:20190603T113000');
    expect(calendar.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);

    const teacherPath = join(t.dir, 'hanli.ics');
    value(await t.router.call('schedule.export', { teacherId: hanLi, format: 'ics', grant: t.grant(teacherPath, 'export') }));
    const unfolded = readFileSync(teacherPath, 'utf8').replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toContain('SUMMARY:朝阳村现场教学（2019年市管干部培训班）');
    expect(unfolded).toContain('X-WR-CALNAME:韩丽授课安排');
  });
});
