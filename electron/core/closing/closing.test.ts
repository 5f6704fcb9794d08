import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minutesOf } from '../../../shared/schedule/schemas';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { value } from '../testing/expect-result';
import { docxText, pdfText, readXlsx } from '../testing/read-documents';
import { reportText } from '../testing/report-files';
import { person, standardRoster } from '../testing/roster-files';
import { openTempCore, type TempCore } from '../testing/temp-core';

let t: TempCore;
let classId = 0;
beforeEach(async () => {
  t = openTempCore({ platform: chromiumPlatform() });
  value(await t.router.call('app.loadSample', {}));
  classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
});
afterEach(() => t.dispose());

describe('closing a class', () => {
  it('lists what is missing, then reports the figures of a class whose every record is in', async () => {
    // Nothing yet: each item says what is missing.
    const empty = value(await t.router.call('closing.check', { classId }));
    expect(empty.ready).toBe(false);
    expect(empty.items.find((item) => item.item === 'roster')?.missing).toBe('名册中还没有学员');

    // Twelve trainees in two groups.
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 12), 'rosterImport') }));
    value(await t.router.call('roster.splitGroups', { classId, groups: 2 }));
    const roster = value(await t.router.call('roster.list', { classId })).items;
    const sessions = value(await t.router.call('schedule.list', { classId }));
    const partial = value(await t.router.call('closing.check', { classId }));
    expect(partial.items.find((item) => item.item === 'attendance')?.missing).toBe(`${sessions.length} 节课还没有考勤`);
    expect(partial.items.find((item) => item.item === 'reports')?.missing).toBe('12 名学员还没有提交调研报告');
    expect(partial.items.find((item) => item.item === 'surveys')?.missing).toBe(
      '还没有组织满意、学员满意、基地满意、教师满意的测评问卷',
    );

    // Attendance for every session; one trainee absent from the first.
    for (const session of sessions) value(await t.router.call('attendance.allPresent', { sessionId: session.id }));
    value(
      await t.router.call('attendance.record', {
        sessionId: sessions[0]?.id ?? 0,
        marks: [{ enrolmentId: roster[0]?.enrolmentId ?? 0, status: 'absent' }],
      }),
    );

    // Two nights in 朝阳村 with three and four hours of labour planned; one trainee absent, one
    // who worked five hours.
    const village =
      value(await t.router.call('sites.tree', { search: '朝阳村' }))
        .bases.flatMap((b) => b.points)
        .find((p) => p.kind === '村')?.id ?? 0;
    const stay = value(
      await t.router.call('lodging.saveStay', {
        classId,
        fields: { siteId: village, arrive: '2019-09-11', depart: '2019-09-13', groups: [] },
      }),
    );
    value(await t.router.call('lodging.savePlanDay', { stayId: stay.id, day: { date: '2019-09-11', labourHours: 3 } }));
    value(await t.router.call('lodging.savePlanDay', { stayId: stay.id, day: { date: '2019-09-12', labourHours: 4 } }));
    value(
      await t.router.call('lodging.saveParticipant', {
        stayId: stay.id,
        enrolmentId: roster[1]?.enrolmentId ?? 0,
        participation: 'absent',
      }),
    );
    value(
      await t.router.call('lodging.saveParticipant', {
        stayId: stay.id,
        enrolmentId: roster[2]?.enrolmentId ?? 0,
        labourHours: 5,
      }),
    );

    // A report from each, every one reviewed, the first excellent.
    const folder = join(t.dir, 'reports');
    mkdirSync(folder);
    roster.forEach((entry, index) =>
      writeFileSync(join(folder, `${entry.name}-调研报告.txt`), reportText(`调研报告之${index + 1}`).join('\n')),
    );
    const staged = value(await t.router.call('reports.stage', { classId, folder: t.grant(folder, 'reportFolder') }));
    expect(staged.files.every((file) => file.enrolmentIds.length === 1)).toBe(true);
    value(
      await t.router.call('reports.commit', {
        classId,
        token: staged.token,
        items: staged.files.map(({ key, enrolmentIds, title }) => ({ key, enrolmentIds, title })),
      }),
    );
    const reports = value(await t.router.call('reports.list', { classId })).rows;
    for (const [index, report] of reports.entries())
      value(
        await t.router.call('reports.review', {
          reportId: report.id,
          review: { grade: index === 0 ? 'excellent' : 'good', reviewedOn: '2019-09-25' },
        }),
      );

    // The four satisfactions: of the class, a course, the teaching point visited, a teacher.
    const visited = sessions.find((session) => session.siteId !== null);
    const taught = sessions.find((session) => session.teachers.length > 0);
    const surveys = [
      {
        satisfaction: 'organisation',
        subject: 'class',
        subjectId: null,
        scores: [
          [5, 5, 4, 5, 5],
          [4, 4, 4, 4, 4],
        ],
      },
      { satisfaction: 'trainees', subject: 'session', subjectId: taught?.id ?? 0, scores: [[5, 5, 5, 5, 5]] },
      { satisfaction: 'base', subject: 'site', subjectId: visited?.siteId ?? 0, scores: [[3, 4, 5, 4, 4]] },
      { satisfaction: 'teachers', subject: 'teacher', subjectId: taught?.teachers[0]?.id ?? 0, scores: [[5, 4, 5, 5]] },
    ] as const;
    for (const survey of surveys) {
      const made = value(
        await t.router.call('surveys.create', {
          classId,
          satisfaction: survey.satisfaction,
          subject: survey.subject,
          subjectId: survey.subjectId,
        }),
      );
      value(
        await t.router.call('surveys.saveResponses', {
          surveyId: made.id,
          responses: survey.scores.map((scores) => ({ scores: [...scores] })),
        }),
      );
    }

    const check = value(await t.router.call('closing.check', { classId }));
    expect(check.items.filter((item) => !item.done)).toEqual([]);
    expect(check.ready).toBe(true);

    // The figures, each against what the records say, counted here on their own.
    const figures = value(await t.router.call('closing.figures', { classId }));
    const people = Array.from({ length: 12 }, (_, n) => person(n));
    const hours = sessions.reduce((sum, s) => sum + (minutesOf(s.end) - minutesOf(s.start)) / 60, 0);
    const units = new Map<string, number>();
    for (const p of people) units.set(p.unit, (units.get(p.unit) ?? 0) + 1);
    const siteNames = new Set<string>();
    for (const session of sessions)
      if (session.siteId !== null) siteNames.add(value(await t.router.call('sites.get', { id: session.siteId })).name);
    expect(figures).toMatchObject({
      name: '2019年年轻干部培训班',
      days: 12,
      trainees: 12,
      female: people.filter((p) => p.sex === '女').length,
      male: people.filter((p) => p.sex === '男').length,
      sessions: sessions.length,
      totalHours: Math.round(hours * 10) / 10,
      stays: 1,
      stayNights: 2,
      // Ten who worked as planned (3 + 4), one who worked five hours, one absent.
      labourHours: 10 * 7 + 5,
      attendanceRate: Math.round(((sessions.length * 12 - 1) / (sessions.length * 12)) * 1000) / 10,
      reports: 12,
      excellent: [{ title: reports[0]?.title, authors: reports[0]?.authors[0]?.name }],
    });
    expect(new Set(figures.sites)).toEqual(siteNames);
    expect(figures.units.reduce((sum, unit) => sum + unit.count, 0)).toBe(12);
    expect(new Map(figures.units.map((unit) => [unit.name, unit.count]))).toEqual(units);
    expect(figures.modules.reduce((sum, module) => sum + module.sessions, 0)).toBe(
      sessions.filter((s) => s.module !== '').length,
    );
    expect(figures.satisfaction).toEqual([
      { satisfaction: 'organisation', responses: 2, mean: 4.4, satisfiedRate: 100 },
      { satisfaction: 'trainees', responses: 1, mean: 5, satisfiedRate: 100 },
      { satisfaction: 'base', responses: 1, mean: 4, satisfiedRate: 80 },
      { satisfaction: 'teachers', responses: 1, mean: 4.75, satisfiedRate: 100 },
    ]);

    // The summary in Word, the study hours in Excel, a certificate a page in PDF: each read back.
    const summary = join(t.dir, '总结.docx');
    value(await t.router.call('closing.summary', { classId, grant: t.grant(summary, 'export') }));
    const text = docxText(summary);
    expect(text).toContain('2019年年轻干部培训班总结');
    expect(text).toContain('一、基本情况');
    expect(text).toContain(`参训学员12人，其中男${figures.male}人、女${figures.female}人`);
    expect(text).toContain(`共安排课程${sessions.length}节`);
    expect(text).toContain('共2晚，学员累计参加劳动75小时');
    expect(text).toContain(`学员出勤率${figures.attendanceRate}%`);
    expect(text).toContain(`1. 《${reports[0]?.title}》（${reports[0]?.authors[0]?.name}）`);
    expect(text).toContain('组织满意：收回问卷2份，平均4.4分，满意率100%');
    const hoursFile = join(t.dir, '学时.xlsx');
    value(await t.router.call('closing.hours', { classId, grant: t.grant(hoursFile, 'export') }));
    const sheet = (await readXlsx(hoursFile)).rows;
    const head = sheet.find((row) => row.includes('学时')) ?? [];
    const absent = sheet.find((row) => row.includes(roster[0]?.name ?? '-')) ?? [];
    const present = sheet.find((row) => row.includes(roster[3]?.name ?? '-')) ?? [];
    const first = sessions[0];
    const firstHours = first ? (minutesOf(first.end) - minutesOf(first.start)) / 60 : 0;
    expect(Number(present[head.indexOf('学时')])).toBe(Math.round(hours * 10) / 10);
    expect(Number(absent[head.indexOf('学时')])).toBe(Math.round((hours - firstHours) * 10) / 10);
    expect(sheet.flat().join(' ')).not.toMatch(/\d{17}[\dX]/);
    const certificates = join(t.dir, '结业证书.pdf');
    value(await t.router.call('closing.certificates', { classId, grant: t.grant(certificates, 'export') }));
    const pdf = await pdfText(certificates);
    expect(pdf.pages).toBe(12);
    expect(pdf.text.replace(/\s+/g, '')).toContain('结业证书');
    expect(pdf.text.replace(/\s+/g, '')).toContain(
      `${roster[0]?.name}同志于2019年9月9日至2019年9月20日参加2019年年轻干部培训班学习`,
    );
  }, 90_000);
});
