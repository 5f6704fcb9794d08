import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { value } from './expect-result';
import { reportText } from './report-files';
import { standardRoster } from './roster-files';
import type { TempCore } from './temp-core';

// A class whose every record is in, as closing it needs: twelve trainees in two groups, attendance
// for every session (one absent from the first), two nights in 朝阳村 (3 and 4 hours of labour
// planned; one trainee absent, one who worked five hours), a report from each, all reviewed (the
// first excellent), and the four satisfactions answered. `afterRoster` looks in while the roster is
// all there is.
export const populateClass = async (t: TempCore, classId: number, afterRoster: () => Promise<void> = async () => {}) => {
  value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 12), 'rosterImport') }));
  value(await t.router.call('roster.splitGroups', { classId, groups: 2 }));
  const roster = value(await t.router.call('roster.list', { classId })).items;
  const sessions = value(await t.router.call('schedule.list', { classId }));
  await afterRoster();

  for (const session of sessions) value(await t.router.call('attendance.allPresent', { sessionId: session.id }));
  value(
    await t.router.call('attendance.record', {
      sessionId: sessions[0]?.id ?? 0,
      marks: [{ enrolmentId: roster[0]?.enrolmentId ?? 0, status: 'absent' }],
    }),
  );

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
    await t.router.call('lodging.saveParticipant', { stayId: stay.id, enrolmentId: roster[2]?.enrolmentId ?? 0, labourHours: 5 }),
  );

  const folder = join(t.dir, `reports-${classId}`);
  mkdirSync(folder);
  roster.forEach((entry, index) =>
    writeFileSync(join(folder, `${entry.name}-调研报告.txt`), reportText(`调研报告之${index + 1}`).join('\n')),
  );
  const staged = value(await t.router.call('reports.stage', { classId, folder: t.grant(folder, 'reportFolder') }));
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
  return { roster, sessions, stay, reports, staged };
};
