import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { readXlsx } from '../testing/read-documents';
import { eachScheduleClass } from '../testing/schedule-class';
import type { TempCore } from '../testing/temp-core';

// Attendance (service.ts and export.ts) on the sessions of a planned week.

let t: TempCore;
let classId: number;
let hanLi: number;
const { lecture, save, exportedWeek } = eachScheduleClass((opened) => {
  ({ t, classId, hanLi } = opened);
});

describe('attendance', () => {
  it('marks everyone present, then the exceptions; leave for a date range; rates', async () => {
    const names = ['张三', '李四', '王五'];
    const entries = [];
    for (const [i, name] of names.entries())
      entries.push(value(await t.router.call('roster.add', { classId, trainee: { name }, enrolment: { group: i + 1 } })));
    const first = value(await save(lecture())).session;
    const second = value(
      await save(lecture({ date: '2019-06-04', title: '第一组研讨', groups: [1], teacherIds: [hanLi], place: '党校第二教室' })),
    ).session;
    const third = value(await save(lecture({ date: '2019-06-05', title: '调研', teacherIds: [hanLi], place: '朝阳村' }))).session;

    expect(value(await t.router.call('attendance.session', { sessionId: second.id })).rows.map((r) => r.name)).toEqual(['张三']);
    value(await t.router.call('attendance.allPresent', { sessionId: first.id }));
    const marked = value(
      await t.router.call('attendance.record', {
        sessionId: first.id,
        marks: [{ enrolmentId: entries[1]?.enrolmentId ?? 0, status: 'late' }],
      }),
    );
    expect(marked.rows.map((r) => [r.name, r.status])).toEqual([
      ['王五', 'present'],
      ['李四', 'late'],
      ['张三', 'present'],
    ]);
    failure(
      await t.router.call('attendance.record', {
        sessionId: second.id,
        marks: [{ enrolmentId: entries[2]?.enrolmentId ?? 0, status: 'present' }],
      }),
      'INVALID_INPUT',
    );

    const leave = value(
      await t.router.call('attendance.leave', {
        enrolmentId: entries[2]?.enrolmentId ?? 0,
        from: '2019-06-04',
        to: '2019-06-07',
        reason: '单位紧急公务',
      }),
    );
    expect(leave.sessions).toBe(1);
    value(await t.router.call('attendance.allPresent', { sessionId: third.id }));
    const summary = value(await t.router.call('attendance.summary', { classId }));
    expect(summary).toMatchObject({ sessions: 3, recorded: 2 });
    expect(summary.trainees.find((r) => r.name === '王五')).toMatchObject({ expected: 2, present: 1, leave: 1, rate: 0.5 });
    expect(summary.trainees.find((r) => r.name === '李四')).toMatchObject({ expected: 2, late: 1, present: 1, rate: 1 });
    expect(summary.classRate).toBeCloseTo(5 / 6);
    failure(
      await t.router.call('attendance.leave', {
        enrolmentId: entries[0]?.enrolmentId ?? 0,
        from: '2019-06-05',
        to: '2019-06-04',
        reason: '病假',
      }),
      'INVALID_INPUT',
    );
  });
});

describe('exporting attendance', () => {
  beforeEach(exportedWeek);

  it('the attendance sheet as .xlsx', async () => {
    value(await t.router.call('roster.add', { classId, trainee: { name: '张三' } }));
    const [first] = value(await t.router.call('schedule.list', { classId }));
    value(await t.router.call('attendance.allPresent', { sessionId: first?.id ?? 0 }));
    const path = join(t.dir, '考勤表.xlsx');
    value(await t.router.call('attendance.export', { classId, grant: t.grant(path, 'export') }));
    const { rows } = await readXlsx(path);
    expect(rows[0]?.[0]).toBe('2019年市管干部培训班考勤表');
    expect(rows[2]).toEqual(['序号', '姓名', '小组', '6/3上', '6/3下', '6/4上', '出勤率']);
    expect(rows[3]).toEqual(['1', '张三', '', '√', '', '', '100%']);
  });
});
