// The class's board: each trainee's report and how it stands against the deadline, with the counts.
import { localDateOf } from '../../../shared/dates';
import { type Board, type BoardRow, type BoardState, boardStates, type ReportRow } from '../../../shared/reports/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { getClass } from '../classes/service';
import { type Core } from '../context';
import { statement } from '../db/statements';
import { enrolledIn } from './authors';
import { listReports } from './rows';
import { listTopics, reportDeadline } from './topics';

export const classBoard = (core: Core, classId: number, today: string): Board => {
  getClass(core, classId);
  const deadline = reportDeadline(core, classId);
  const reports = listReports(core, { classId });
  const byEnrolment = new Map<number, ReportRow>();
  for (const report of reports)
    for (const author of report.authors)
      if (author.enrolmentId !== null && !byEnrolment.has(author.enrolmentId)) byEnrolment.set(author.enrolmentId, report);
  const firstSubmitted = new Map(
    statement<[number], { report_id: number; first: string }>(
      core.db,
      `SELECT v.report_id, min(v.submitted_at) AS first FROM report_versions v JOIN reports r ON r.id = v.report_id
         WHERE r.class_id = ? GROUP BY v.report_id`,
    )
      .all(classId)
      .map((row) => [row.report_id, row.first]),
  );
  const stateOf = (report: ReportRow | undefined): BoardState => {
    const submitted = report ? firstSubmitted.get(report.id) : undefined;
    if (submitted !== undefined) return deadline !== null && localDateOf(submitted) > deadline ? 'late' : 'submitted';
    if (deadline !== null && today > deadline) return 'overdue';
    return report ? 'chosen' : 'unchosen';
  };
  const rows: BoardRow[] = enrolledIn(core, classId).map((person) => {
    const report = byEnrolment.get(person.enrolmentId);
    return {
      enrolmentId: person.enrolmentId,
      name: person.name,
      unit: person.unit,
      group: person.group,
      reportId: report?.id ?? null,
      topicTitle: report?.topicTitle ?? '',
      title: report?.title ?? '',
      state: stateOf(report),
      submittedAt: report?.latest?.submittedAt ?? null,
      versions: report?.versions ?? 0,
      grade: report?.review?.grade ?? null,
    };
  });
  rows.sort((a, b) => (a.group ?? 100) - (b.group ?? 100) || compareStroke(a.name, b.name));
  const counts = Object.fromEntries(
    boardStates.map((state) => [state, rows.filter((row) => row.state === state).length]),
  ) as Board['counts'];
  return { deadline, topics: listTopics(core, classId), rows, counts };
};
