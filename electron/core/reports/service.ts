import { z } from 'zod';
import { localDateOf } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  authorSchema,
  type Board,
  type BoardRow,
  type BoardState,
  type DocumentFormat,
  boardStates,
  type Forwarding,
  type Grade,
  type ReportDetail,
  type ReportFilter,
  type ReportRow,
  type ReviewFields,
  type Topic,
  type TopicFields,
} from '../../../shared/reports/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { ordinaryForms } from '../../../shared/text/ordinary-forms';
import { refuseField } from '../../../shared/validation';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import { record } from '../db/audit-record';
import { reindexReport } from './versions';

// Topics, who writes on which, the board of a class, reviews and where reports went. Files and
// their text are stored by stage.ts; the index is kept by indexing.ts.

type RowOfReport = {
  id: number;
  class_id: number;
  class_name: string;
  class_year: number;
  topic_id: number | null;
  topic_title: string | null;
  title: string;
  group_no: number | null;
  authors: string;
  version_id: number | null;
  version: number | null;
  file_name: string | null;
  format: DocumentFormat | null;
  size: number | null;
  text_status: 'text' | 'encrypted' | 'none' | null;
  chars: number | null;
  sha256: string | null;
  submitted_at: string | null;
  versions: number;
  reviewer: string | null;
  score: number | null;
  grade: Grade | null;
  comments: string | null;
  reviewed_on: string | null;
  journal: string | null;
  publication_year: number | null;
  issue: string | null;
  forwardings: number;
};

const parseAuthors = jsonColumn(z.array(authorSchema), []);

export const reportSql = `SELECT r.id, r.class_id, c.name AS class_name, c.year AS class_year, r.topic_id,
    t.title AS topic_title, r.title, r.group_no,
    (SELECT json_group_array(json_object('enrolmentId', a.enrolment_id, 'name', a.name))
       FROM (SELECT enrolment_id, name FROM report_authors WHERE report_id = r.id ORDER BY position) a) AS authors,
    v.id AS version_id, v.version, v.file_name, v.format, v.size, v.text_status, v.chars, v.sha256, v.submitted_at,
    (SELECT count(*) FROM report_versions WHERE report_id = r.id) AS versions,
    rv.reviewer, rv.score, rv.grade, rv.comments, rv.reviewed_on,
    p.journal, p.year AS publication_year, p.issue,
    (SELECT count(*) FROM report_forwardings WHERE report_id = r.id) AS forwardings
  FROM reports r
  JOIN classes c ON c.id = r.class_id
  LEFT JOIN report_topics t ON t.id = r.topic_id
  LEFT JOIN report_versions v ON v.id = (SELECT id FROM report_versions WHERE report_id = r.id ORDER BY version DESC LIMIT 1)
  LEFT JOIN report_reviews rv ON rv.report_id = r.id
  LEFT JOIN report_publications p ON p.report_id = r.id`;

// The filters every list and search shares, as SQL over reportSql's names, with its parameters.
export const filterSql = (filter: ReportFilter): { clauses: string[]; params: Record<string, number | string> } => {
  const clauses: string[] = [];
  const params: Record<string, number | string> = {};
  if (filter.classId !== undefined) {
    clauses.push('r.class_id = @classId');
    params['classId'] = filter.classId;
  }
  if (filter.year !== undefined) {
    clauses.push('c.year = @year');
    params['year'] = filter.year;
  }
  if (filter.grade !== undefined) {
    clauses.push('rv.grade = @grade');
    params['grade'] = filter.grade;
  }
  if (filter.outcome === 'excellent') clauses.push("rv.grade = 'excellent'");
  if (filter.outcome === 'published') clauses.push('p.report_id IS NOT NULL');
  if (filter.outcome === 'forwarded') clauses.push('EXISTS (SELECT 1 FROM report_forwardings f WHERE f.report_id = r.id)');
  return { clauses, params };
};

export const toReportRow = (row: RowOfReport): ReportRow => ({
  id: row.id,
  classId: row.class_id,
  className: row.class_name,
  classYear: row.class_year,
  topicId: row.topic_id,
  topicTitle: row.topic_title ?? '',
  title: row.title,
  groupNo: row.group_no,
  authors: parseAuthors(row.authors),
  latest:
    row.version_id === null
      ? null
      : {
          id: row.version_id,
          version: row.version ?? 1,
          fileName: row.file_name ?? '',
          format: row.format ?? 'txt',
          size: row.size ?? 0,
          textStatus: row.text_status ?? 'none',
          chars: row.chars ?? 0,
          sha256: row.sha256 ?? '',
          submittedAt: row.submitted_at ?? '',
        },
  versions: row.versions,
  review:
    row.grade === null
      ? null
      : {
          reviewer: row.reviewer ?? '',
          score: row.score,
          grade: row.grade,
          comments: row.comments ?? '',
          reviewedOn: row.reviewed_on ?? '',
        },
  publication: row.journal === null ? null : { journal: row.journal, year: row.publication_year ?? 0, issue: row.issue ?? '' },
  forwardings: row.forwardings,
});

export const reportRowsByIds = (core: Core, ids: readonly number[]): Map<number, ReportRow> => {
  const rows = new Map<number, ReportRow>();
  if (ids.length === 0) return rows;
  const found = statement<[string], RowOfReport>(core.db, `${reportSql} WHERE r.id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  );
  for (const row of found) rows.set(row.id, toReportRow(row));
  return rows;
};

// Newest classes first; within a class, by group, then by the first author's surname strokes.
export const listReports = (core: Core, filter: ReportFilter): ReportRow[] => {
  const { clauses, params } = filterSql(filter);
  const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
  return statement<[Record<string, number | string>], RowOfReport>(
    core.db,
    `${reportSql} ${where} ORDER BY c.start_date DESC, c.id DESC, r.group_no IS NULL, r.group_no, r.id`,
  )
    .all(params)
    .map(toReportRow);
};

// A field that names something that is not there (or not in this class), said in words of its own.
export const reportNotFound = (id: number) => new AppError('NOT_FOUND', message('reports.notFound', { id }));

export const getReport = (core: Core, id: number): ReportDetail => {
  const row = reportRowsByIds(core, [id]).get(id);
  if (!row) throw reportNotFound(id);
  const allVersions = statement<[number], ReportRowVersion>(
    core.db,
    `SELECT id, version, file_name AS fileName, format, size, text_status AS textStatus, chars, sha256, submitted_at AS submittedAt
       FROM report_versions WHERE report_id = ? ORDER BY version DESC`,
  ).all(id);
  const forwardingList = statement<[number], Forwarding & { id: number }>(
    core.db,
    `SELECT id, department, sent_on AS sentOn, feedback, instruction FROM report_forwardings WHERE report_id = ? ORDER BY sent_on, id`,
  ).all(id);
  return { ...row, allVersions, forwardingList };
};

type ReportRowVersion = ReportDetail['allVersions'][number];

// --- Topics -------------------------------------------------------------------------------------

type TopicRow = {
  id: number;
  class_id: number;
  title: string;
  adviser_staff_id: number | null;
  adviser_name: string | null;
  description: string;
  max_authors: number | null;
  reports: number;
  authors: number;
};

const topicsSql = `SELECT t.*, s.name AS adviser_name,
    (SELECT count(*) FROM reports r WHERE r.topic_id = t.id) AS reports,
    (SELECT count(*) FROM reports r JOIN report_authors a ON a.report_id = r.id WHERE r.topic_id = t.id) AS authors
  FROM report_topics t LEFT JOIN staff s ON s.id = t.adviser_staff_id`;

const toTopic = (row: TopicRow): Topic => ({
  id: row.id,
  classId: row.class_id,
  title: row.title,
  adviserStaffId: row.adviser_staff_id,
  adviserName: row.adviser_name ?? '',
  description: row.description,
  maxAuthors: row.max_authors,
  reports: row.reports,
  authors: row.authors,
});

export const listTopics = (core: Core, classId: number): Topic[] =>
  statement<[number], TopicRow>(core.db, `${topicsSql} WHERE t.class_id = ? ORDER BY t.id`).all(classId).map(toTopic);

const getTopic = (core: Core, id: number, field = 'id'): Topic => {
  const row = statement<[number], TopicRow>(core.db, `${topicsSql} WHERE t.id = ?`).get(id);
  if (!row) throw refuseField(field, message('reports.topicNotFound'));
  return toTopic(row);
};

export const saveTopic = (core: Core, classId: number, id: number | undefined, fields: TopicFields): Topic => {
  assertWritable(getClass(core, classId));
  if (fields.adviserStaffId !== null && !statement(core.db, 'SELECT 1 FROM staff WHERE id = ?').get(fields.adviserStaffId))
    throw refuseField('fields.adviserStaffId', message('staff.notFound'));
  const clash = statement<[number, string], { id: number }>(
    core.db,
    'SELECT id FROM report_topics WHERE class_id = ? AND title = ?',
  ).get(classId, fields.title);
  if (clash && clash.id !== id)
    throw refuseField('fields.title', message('reports.topicExists', { title: fields.title }), 'duplicate');
  const now = timestamp(core);
  const values = [fields.title, fields.adviserStaffId, fields.description, fields.maxAuthors] as const;
  if (id === undefined) {
    const made = statement(
      core.db,
      `INSERT INTO report_topics (class_id, title, adviser_staff_id, description, max_authors, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(classId, ...values, now, now);
    return getTopic(core, Number(made.lastInsertRowid));
  }
  if (getTopic(core, id).classId !== classId) throw refuseField('id', message('reports.topicNotFound'));
  statement(
    core.db,
    'UPDATE report_topics SET title = ?, adviser_staff_id = ?, description = ?, max_authors = ?, updated_at = ? WHERE id = ?',
  ).run(...values, now, id);
  for (const { id: reportId } of statement<[number], { id: number }>(core.db, 'SELECT id FROM reports WHERE topic_id = ?').all(
    id,
  ))
    reindexReport(core, reportId);
  return getTopic(core, id);
};

export const removeTopic = (core: Core, id: number): { removed: boolean } => {
  const topic = getTopic(core, id);
  assertWritable(getClass(core, topic.classId));
  // Reports chosen on it but with nothing handed in go with it; handed-in reports keep their title.
  statement(
    core.db,
    'DELETE FROM reports WHERE topic_id = ? AND NOT EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = reports.id)',
  ).run(id);
  statement(core.db, 'DELETE FROM report_topics WHERE id = ?').run(id);
  return { removed: true };
};

export const setDeadline = (core: Core, classId: number, deadline: string | null) => {
  assertWritable(getClass(core, classId));
  if (deadline === null) statement(core.db, 'DELETE FROM report_deadlines WHERE class_id = ?').run(classId);
  else
    statement(
      core.db,
      'INSERT INTO report_deadlines (class_id, deadline) VALUES (?, ?) ON CONFLICT (class_id) DO UPDATE SET deadline = excluded.deadline',
    ).run(classId, deadline);
  return { deadline };
};

// --- Authors ------------------------------------------------------------------------------------

export type Enrolled = { enrolmentId: number; name: string; unit: string; group: number | null };

export const enrolledIn = (core: Core, classId: number): Enrolled[] =>
  statement<[number], Enrolled>(
    core.db,
    `SELECT e.id AS enrolmentId, t.name, t.unit, e.group_no AS "group" FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
       WHERE e.class_id = ? AND e.status <> 'withdrawn'`,
  )
    .all(classId)
    .sort((a, b) => compareStroke(a.name, b.name));

// The enrolments named, all of this class; the field names the first that is not.
export const authorsOf = (core: Core, classId: number, enrolmentIds: readonly number[], field: string): Enrolled[] => {
  const byId = new Map(enrolledIn(core, classId).map((person) => [person.enrolmentId, person]));
  return enrolmentIds.map((enrolmentId, index) => {
    const found = byId.get(enrolmentId);
    if (!found) throw refuseField(`${field}.${index}`, message('reports.notInClass'));
    return found;
  });
};

export const createReport = (
  core: Core,
  input: {
    classId: number;
    topicId: number | null;
    title: string;
    groupNo: number | null;
    authors: readonly { enrolmentId: number | null; name: string }[];
  },
): number => {
  const now = timestamp(core);
  const made = statement(
    core.db,
    'INSERT INTO reports (class_id, topic_id, title, group_no, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(input.classId, input.topicId, ordinaryForms(input.title), input.groupNo, now, now);
  const id = Number(made.lastInsertRowid);
  input.authors.forEach((author, position) =>
    statement(core.db, 'INSERT INTO report_authors (report_id, position, enrolment_id, name) VALUES (?, ?, ?, ?)').run(
      id,
      position,
      author.enrolmentId,
      author.name,
    ),
  );
  return id;
};

const hasVersions = (core: Core, reportId: number) =>
  statement(core.db, 'SELECT 1 FROM report_versions WHERE report_id = ? LIMIT 1').get(reportId) !== undefined;

// Trainees take a topic, alone or as a group. A trainee who had chosen another topic and handed in
// nothing moves; one whose report is in stays where the report is.
export const chooseTopic = (
  core: Core,
  input: { classId: number; topicId: number; enrolmentIds: readonly number[]; groupNo: number | null },
): ReportDetail => {
  assertWritable(getClass(core, input.classId));
  const topic = getTopic(core, input.topicId, 'topicId');
  if (topic.classId !== input.classId) throw refuseField('topicId', message('reports.topicNotFound'));
  const authors = authorsOf(core, input.classId, input.enrolmentIds, 'enrolmentIds');
  if (topic.maxAuthors !== null && topic.reports >= topic.maxAuthors)
    throw refuseField('topicId', message('reports.topicFull', { title: topic.title, max: topic.maxAuthors }), 'out_of_range');
  for (const [index, author] of authors.entries()) {
    for (const { report_id: reportId } of statement<[number, number], { report_id: number }>(
      core.db,
      'SELECT a.report_id FROM report_authors a JOIN reports r ON r.id = a.report_id WHERE a.enrolment_id = ? AND r.class_id = ?',
    ).all(author.enrolmentId, input.classId)) {
      if (hasVersions(core, reportId))
        throw refuseField(`enrolmentIds.${index}`, message('reports.alreadySubmitted', { name: author.name }));
      statement(core.db, 'DELETE FROM report_authors WHERE report_id = ? AND enrolment_id = ?').run(reportId, author.enrolmentId);
      statement(
        core.db,
        'DELETE FROM reports WHERE id = ? AND NOT EXISTS (SELECT 1 FROM report_authors WHERE report_id = ?)',
      ).run(reportId, reportId);
    }
  }
  const id = createReport(core, { classId: input.classId, topicId: topic.id, title: '', groupNo: input.groupNo, authors });
  reindexReport(core, id);
  return getReport(core, id);
};

// Everyone without a topic gets one, each time the topic with the fewest reports that has room:
// the topics fill evenly, in the order they were written.
export const assignRest = (core: Core, classId: number): { assigned: number } => {
  assertWritable(getClass(core, classId));
  const topics = listTopics(core, classId).map((topic) => ({ ...topic, taken: topic.reports }));
  if (topics.length === 0) throw refuseField('classId', message('reports.noTopics'), 'required');
  const chosen = new Set(
    statement<[number], { enrolment_id: number }>(
      core.db,
      'SELECT a.enrolment_id FROM report_authors a JOIN reports r ON r.id = a.report_id WHERE r.class_id = ? AND a.enrolment_id IS NOT NULL',
    )
      .all(classId)
      .map((row) => row.enrolment_id),
  );
  let assigned = 0;
  for (const person of enrolledIn(core, classId)) {
    if (chosen.has(person.enrolmentId)) continue;
    const open = topics.filter((topic) => topic.maxAuthors === null || topic.taken < topic.maxAuthors);
    const topic = open.sort((a, b) => a.taken - b.taken || a.id - b.id)[0];
    if (!topic) break;
    const id = createReport(core, { classId, topicId: topic.id, title: '', groupNo: null, authors: [person] });
    reindexReport(core, id);
    topic.taken += 1;
    assigned += 1;
  }
  return { assigned };
};

// --- The board ----------------------------------------------------------------------------------

// The date reports are due by, when one is set.
export const reportDeadline = (core: Core, classId: number): string | null =>
  statement<[number], { deadline: string }>(core.db, 'SELECT deadline FROM report_deadlines WHERE class_id = ?').get(classId)
    ?.deadline ?? null;

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

// --- Review and what became of a report ----------------------------------------------------------

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
