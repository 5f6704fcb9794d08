// What is set on a report once it is in: its title corrected, its review, and where it went (published, forwarded).
import { message } from '../../../shared/i18n/translate';
import { type Forwarding, type ReportDetail, type ReviewFields } from '../../../shared/reports/schemas';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { record } from '../db/audit-record';
import { getReport } from './rows';
import { reindexReport } from './versions';

// A report's title, changed after its upload (the file name or its first line gave it): logged with
// the old and the new title, and indexed again, since titles are searched.
export const renameReport = (core: Core, reportId: number, title: string): ReportDetail => {
  const before = getReport(core, reportId);
  assertWritable(getClass(core, before.classId));
  if (before.title === title) return before;
  statement(core.db, 'UPDATE reports SET title = ?, updated_at = ? WHERE id = ?').run(title, timestamp(core), reportId);
  reindexReport(core, reportId);
  record(core, {
    action: 'update',
    entity: 'reports',
    entityId: reportId,
    summary: message('reports.renamed', { from: before.title || before.topicTitle, to: title }),
    before: { title: before.title },
    after: { title },
  });
  return getReport(core, reportId);
};

export const reviewReport = (core: Core, reportId: number, review: ReviewFields): ReportDetail => {
  getReport(core, reportId);
  statement(
    core.db,
    `INSERT INTO report_reviews (report_id, reviewer, score, grade, comments, reviewed_on) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (report_id) DO UPDATE SET reviewer = excluded.reviewer, score = excluded.score, grade = excluded.grade,
         comments = excluded.comments, reviewed_on = excluded.reviewed_on`,
  ).run(reportId, review.reviewer, review.score, review.grade, review.comments, review.reviewedOn);
  return getReport(core, reportId);
};

export const saveOutcome = (
  core: Core,
  reportId: number,
  publication: { journal: string; year: number; issue: string } | null,
  forwardings: readonly Forwarding[],
): ReportDetail => {
  getReport(core, reportId);
  if (publication === null) statement(core.db, 'DELETE FROM report_publications WHERE report_id = ?').run(reportId);
  else
    statement(
      core.db,
      `INSERT INTO report_publications (report_id, journal, year, issue) VALUES (?, ?, ?, ?)
         ON CONFLICT (report_id) DO UPDATE SET journal = excluded.journal, year = excluded.year, issue = excluded.issue`,
    ).run(reportId, publication.journal, publication.year, publication.issue);
  statement(core.db, 'DELETE FROM report_forwardings WHERE report_id = ?').run(reportId);
  for (const forwarding of forwardings)
    statement(
      core.db,
      'INSERT INTO report_forwardings (report_id, department, sent_on, feedback, instruction) VALUES (?, ?, ?, ?, ?)',
    ).run(reportId, forwarding.department, forwarding.sentOn, forwarding.feedback, forwarding.instruction);
  return getReport(core, reportId);
};
