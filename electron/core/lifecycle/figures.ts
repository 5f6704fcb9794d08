import { z } from 'zod';
import type { Checklist, ClassFigures } from '../../../shared/lifecycle/schemas';
import { message } from '../../../shared/i18n/translate';
import { satisfiedRate } from '../../../shared/surveys/rate';
import { satisfactions } from '../../../shared/surveys/schemas';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import { labourHoursOf, participantsOf } from '../lodging/plan';
import { listReports } from '../reports/rows';
import { scheduleBalance } from '../schedule/hours';
import { listSessions } from '../schedule/rows';
import { unitOf } from './unit-kinds';

// The figures a training summary (培训班总结) reports, and the checklist before a class is closed.
// Each is computed from the records themselves, never kept: a late correction shows everywhere.

const parseScores = jsonColumn(z.array(z.number().int().nullable()), []);
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const dayCount = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export const classFigures = (core: Core, classId: number): ClassFigures => {
  const target = getClass(core, classId);
  const people = statement<[number], { sex: string | null; unit: string }>(
    core.db,
    `SELECT t.sex, t.unit FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.class_id = ? AND e.status <> 'withdrawn'`,
  ).all(classId);
  const units = new Map<string, number>();
  for (const person of people) {
    const unit = unitOf(person.unit);
    if (unit !== '') units.set(unit, (units.get(unit) ?? 0) + 1);
  }
  const balance = scheduleBalance(core, classId);
  const sessions = listSessions(core, classId);
  const sites = statement<[number], { name: string }>(
    core.db,
    'SELECT DISTINCT p.name FROM sessions s JOIN sites p ON p.id = s.site_id WHERE s.class_id = ? ORDER BY s.date, s.start_time',
  )
    .all(classId)
    .map((row) => row.name);
  const stays = statement<[number], { id: number; arrive: string; depart: string }>(
    core.db,
    'SELECT id, arrive, depart FROM stays WHERE class_id = ?',
  ).all(classId);
  const labour = stays.flatMap((stay) => participantsOf(core, stay.id)).reduce((sum, person) => sum + labourHoursOf(person), 0);
  const attendance = statement<[number], { taken: number; present: number }>(
    core.db,
    `SELECT count(*) AS taken, coalesce(sum(a.status IN ('present', 'late')), 0) AS present
       FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.class_id = ?`,
  ).get(classId) ?? { taken: 0, present: 0 };
  const reports = listReports(core, { classId }).filter((report) => report.latest !== null);
  const satisfaction = satisfactions.map((kind) => {
    const scores = statement<[number, string], { scores: string }>(
      core.db,
      'SELECT r.scores FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.class_id = ? AND s.satisfaction = ?',
    )
      .all(classId, kind)
      .map((row) => parseScores(row.scores));
    const given = scores.flat().filter((score): score is number => score !== null);
    return {
      satisfaction: kind,
      responses: scores.length,
      mean: given.length === 0 ? null : round(given.reduce((a, b) => a + b, 0) / given.length, 2),
      satisfiedRate: satisfiedRate(given),
    };
  });
  return {
    name: target.name,
    startDate: target.startDate,
    endDate: target.endDate,
    days: dayCount(target.startDate, target.endDate) + 1,
    trainees: people.length,
    male: people.filter((person) => person.sex === 'male').length,
    female: people.filter((person) => person.sex === 'female').length,
    units: [...units]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
    sessions: sessions.length,
    totalHours: balance.totalHours,
    modules: balance.modules.filter((module) => module.sessions > 0),
    formats: balance.formats.filter((format) => format.sessions > 0),
    sites,
    stays: stays.length,
    stayNights: stays.reduce((sum, stay) => sum + dayCount(stay.arrive, stay.depart), 0),
    labourHours: round(labour, 1),
    attendanceRate: attendance.taken === 0 ? null : round((attendance.present / attendance.taken) * 100, 1),
    reports: reports.length,
    excellent: reports
      .filter((report) => report.review?.grade === 'excellent')
      .map((report) => ({
        title: report.title || report.topicTitle,
        authors: report.authors.map((a) => a.name).join(message('text.list')),
      })),
    satisfaction,
  };
};

// The names a checklist line quotes before "…等 N 人".
const namesShown = 5;

// What must be there before a class is closed, each with what is still missing.
export const closeChecklist = (core: Core, classId: number): Checklist => {
  const target = getClass(core, classId);
  const count = (sql: string) => statement<[number], { n: number }>(core.db, sql).get(classId)?.n ?? 0;
  const enrolled = count(`SELECT count(*) AS n FROM enrolments WHERE class_id = ? AND status <> 'withdrawn'`);
  // Who lacks what, by name: 组织部 lists often carry no ID number, and the person fixes them one by one.
  const lacking = statement<[number], { name: string; no_id: number; no_unit: number }>(
    core.db,
    `SELECT t.name, t.id_number IS NULL AS no_id, t.unit = '' AS no_unit FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
      WHERE e.class_id = ? AND e.status <> 'withdrawn' AND (t.id_number IS NULL OR t.unit = '') ORDER BY e.id`,
  ).all(classId);
  const named = (rows: readonly { name: string }[]) => {
    const names = rows.slice(0, namesShown).map((row) => row.name);
    return {
      count: rows.length,
      names:
        rows.length > namesShown
          ? message('text.andMore', { list: names.join(message('text.list')) })
          : names.join(message('text.list')),
    };
  };
  const noId = lacking.filter((row) => row.no_id === 1);
  const noUnit = lacking.filter((row) => row.no_unit === 1);
  const untaken = count(
    'SELECT count(*) AS n FROM sessions s WHERE s.class_id = ? AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)',
  );
  const withoutReport = count(
    `SELECT count(*) AS n FROM enrolments e WHERE e.class_id = ? AND e.status <> 'withdrawn' AND NOT EXISTS (
       SELECT 1 FROM report_authors a JOIN reports r ON r.id = a.report_id
        WHERE a.enrolment_id = e.id AND EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id))`,
  );
  const unreviewed = count(
    `SELECT count(*) AS n FROM reports r WHERE r.class_id = ? AND EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM report_reviews w WHERE w.report_id = r.id)`,
  );
  const answered = new Set(
    statement<[number], { satisfaction: string }>(
      core.db,
      'SELECT DISTINCT s.satisfaction FROM surveys s WHERE s.class_id = ? AND EXISTS (SELECT 1 FROM survey_responses r WHERE r.survey_id = s.id)',
    )
      .all(classId)
      .map((row) => row.satisfaction),
  );
  // The satisfactions that apply: the organisation's always; the trainees' and teachers' when there
  // were courses; the base's when the class went to a teaching point.
  const sessions = count('SELECT count(*) AS n FROM sessions WHERE class_id = ?');
  const visits = count('SELECT count(*) AS n FROM sessions WHERE class_id = ? AND site_id IS NOT NULL');
  const due = satisfactions.filter((kind) => kind === 'organisation' || (kind === 'base' ? visits > 0 : sessions > 0));
  const unanswered = due.filter((kind) => !answered.has(kind));
  // The roster against the class's 计划人数, when one was set: "名册 36 人，计划 40 人".
  const planned = target.plannedSize;
  const rosterGaps =
    enrolled === 0
      ? [message('closing.missing.noRoster')]
      : [
          ...(planned !== null && planned !== enrolled ? [message('closing.missing.plannedSize', { enrolled, planned })] : []),
          ...(noId.length > 0 ? [message('closing.missing.noIdNumber', named(noId))] : []),
          ...(noUnit.length > 0 ? [message('closing.missing.noUnit', named(noUnit))] : []),
        ];
  const items: Checklist['items'] = [
    { item: 'roster', done: rosterGaps.length === 0, missing: rosterGaps.join(message('text.clauses')) },
    // Nothing scheduled is nothing taken: a class without sessions is not 考勤完成.
    {
      item: 'attendance',
      done: sessions > 0 && untaken === 0,
      missing:
        sessions === 0
          ? message('closing.missing.noSessions')
          : untaken > 0
            ? message('closing.missing.attendance', { count: untaken })
            : '',
    },
    {
      item: 'reports',
      done: withoutReport === 0,
      missing: withoutReport > 0 ? message('closing.missing.reports', { count: withoutReport }) : '',
    },
    {
      item: 'reviews',
      done: unreviewed === 0,
      missing: unreviewed > 0 ? message('closing.missing.reviews', { count: unreviewed }) : '',
    },
    {
      item: 'surveys',
      done: unanswered.length === 0,
      missing:
        unanswered.length > 0
          ? message('closing.missing.surveys', {
              names: unanswered.map((kind) => message(`closing.satisfactions.${kind}`)).join(message('text.list')),
            })
          : '',
    },
  ];
  return { ready: items.every((item) => item.done), items };
};
