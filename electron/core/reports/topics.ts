// Topics of a class, its deadline, and who takes which: chosen by trainees or spread over the rest.
import { message } from '../../../shared/i18n/translate';
import { type ReportDetail, type Topic, type TopicFields } from '../../../shared/reports/schemas';
import { refuseField } from '../../../shared/validation';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { authorsOf, createReport, enrolledIn } from './authors';
import { getReport } from './rows';
import { reindexReport } from './versions';

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

// The date reports are due by, when one is set.
export const reportDeadline = (core: Core, classId: number): string | null =>
  statement<[number], { deadline: string }>(core.db, 'SELECT deadline FROM report_deadlines WHERE class_id = ?').get(classId)
    ?.deadline ?? null;

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
