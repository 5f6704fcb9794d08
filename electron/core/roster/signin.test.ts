import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../shared/events';
import { findChromium } from '../../cli/chromium-platform';
import { value } from '../testing/expect-result';
import { docxText, docxXml, pdfText } from '../testing/read-documents';
import { allTestsRosterExportClass, type RosterExportClass } from '../testing/roster-export-class';
import type { TempCore } from '../testing/temp-core';

let t: TempCore;
let classId: number;
let events: CoreEvent[];
let exportTo: RosterExportClass['exportTo'];
allTestsRosterExportClass((opened) => ({ t, classId, events, exportTo } = opened));

describe('exporting a roster', () => {
  it('sign-in sheet as .docx: one page per day with empty signature cells', async () => {
    const text = docxText(await exportTo('签到.docx', { document: 'signin', format: 'docx' }));
    expect(text).toContain('2019年市管干部培训班签到表');
    for (const day of ['2019年6月3日（星期一）', '2019年6月4日（星期二）', '2019年6月5日（星期三）']) expect(text).toContain(day);
    expect(docxXml(join(t.dir, '签到.docx')).match(/w:pageBreakBefore/g)?.length).toBe(2);
  });

  it('sign-in sheet per session: a page per session, only the groups that attend, teacher and place', async () => {
    const refused = await t.router.call('roster.export', {
      classId,
      grant: t.grant(join(t.dir, '无课.docx'), 'export'),
      document: 'signin',
      format: 'docx',
      signinBy: 'session',
    });
    expect(refused.ok || refused.error.details).toMatchObject({ issues: [{ field: 'signinBy' }] });
    if (!refused.ok) expect(refused.error.message).toContain('还没有课程安排');

    const teacher = value(await t.router.call('staff.create', { name: '韩丽', roles: ['授课教师'] })).id;
    const lecture = value(
      await t.router.call('schedule.save', {
        classId,
        session: {
          date: '2019-06-03',
          start: '08:30',
          end: '11:30',
          title: '乡村振兴战略解读',
          teacherIds: [teacher],
          place: '第一教室',
        },
      }),
    ).session;
    value(
      await t.router.call('schedule.save', {
        classId,
        session: {
          date: '2019-06-04',
          start: '14:00',
          end: '17:00',
          title: '现场教学：朝阳村',
          place: '安石镇朝阳村',
          groups: [2],
        },
        accept: [{ kind: 'no_teacher', reason: '村党支部书记现场讲解' }],
      }),
    );
    const docx = await exportTo('课程签到.docx', { document: 'signin', format: 'docx', signinBy: 'session' });
    const text = docxText(docx);
    expect(text).toContain('6月3日（星期一）上午 08:30—11:30　乡村振兴战略解读');
    expect(text).toContain('授课人：韩丽　地点：第一教室　应到 4 人');
    expect(text).toContain('6月4日（星期二）下午 14:00—17:00　现场教学：朝阳村');
    expect(text).toContain('地点：安石镇朝阳村　应到 2 人（第二组）');
    expect(docxXml(docx).match(/w:pageBreakBefore/g)?.length).toBe(1);
    // Group 2 is 李四 and 赵六 (every second person added): the field visit's page lists only them.
    const fieldPage = text.slice(text.indexOf('现场教学：朝阳村'));
    expect(fieldPage).toContain('李四');
    expect(fieldPage).not.toContain('张三');

    const one = docxText(await exportTo('一节课.docx', { document: 'signin', format: 'docx', sessionId: lecture.id }));
    expect(one).toContain('乡村振兴战略解读');
    expect(one).not.toContain('朝阳村');

    // Another class's session, or a session with another document: refused, nothing written.
    const other = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年青年干部培训班',
        startDate: '2019-06-03',
        endDate: '2019-06-05',
      }),
    ).id;
    const foreign = value(
      await t.router.call('schedule.save', {
        classId: other,
        session: { date: '2019-06-03', start: '19:00', end: '21:00', title: '学员论坛', place: '报告厅' },
        accept: [{ kind: 'no_teacher', reason: '学员自己主持' }],
      }),
    ).session;
    for (const [input, field] of [
      [{ document: 'signin', sessionId: foreign.id }, 'sessionId'],
      [{ document: 'roster', signinBy: 'session' }, 'signinBy'],
    ] as const) {
      const path = join(t.dir, `拒绝-${field}.docx`);
      const result = await t.router.call('roster.export', { classId, grant: t.grant(path, 'export'), format: 'docx', ...input });
      expect(result.ok || result.error.details).toMatchObject({ issues: [{ field }] });
      expect(existsSync(path)).toBe(false);
    }
  });

  const pdf = findChromium() ? it : it.skip;
  if (!findChromium()) console.log('PDF export tests skipped: no Chromium, Chrome or Edge on this machine');

  pdf('as PDF, printed by Chromium: roster and a three-day sign-in sheet', async () => {
    const roster = await pdfText(await exportTo('名册.pdf', { document: 'roster', format: 'pdf' }));
    expect(roster.pages).toBe(1);
    for (const text of ['2019年市管干部培训班学员名册', '中共辽源市委党校', '张三', '辽源市龙山区人民政府', '139****0001'])
      expect(roster.text).toContain(text);
    // The sessions planned in the test above fall on 6月3日 and 6月4日: no page for 6月5日, unless every day is asked for.
    const signin = await pdfText(await exportTo('签到.pdf', { document: 'signin', format: 'pdf' }));
    expect(signin.pages).toBe(2);
    expect(signin.text).toContain('2019年6月4日（星期二）');
    expect(signin.text).not.toContain('2019年6月5日');
    expect(signin.text).toContain('上午签到');
    // The progress names the step that takes the time: Chromium printing, then the file written.
    const everyDay = await pdfText(
      await exportTo('签到全部.pdf', { document: 'signin', format: 'pdf', allDays: true, jobId: 'signin-pdf' }),
    );
    const phases = events
      .filter((event) => event.jobId === 'signin-pdf')
      .map((event) => `${event.phase} ${event.done}/${event.total}`);
    expect(phases).toEqual(['prepare 0/1', 'print 0/1', 'write 0/1', 'write 1/1']);
    expect(everyDay.pages).toBe(3);
    expect(everyDay.text).toContain('2019年6月5日（星期三）');
    // A page per session planned in the test above, each with its teacher, place and expected count.
    const perSession = await pdfText(await exportTo('课程签到.pdf', { document: 'signin', format: 'pdf', signinBy: 'session' }));
    expect(perSession.pages).toBe(2);
    expect(perSession.text).toContain('授课人：韩丽');
    expect(perSession.text).toContain('应到 2 人（第二组）');
  });
});
