// Who can write a report in a class, and a report made with its authors (by a choice, an upload or an archive).
import { message } from '../../../shared/i18n/translate';
import { compareStroke } from '../../../shared/text/collation';
import { ordinaryForms } from '../../../shared/text/ordinary-forms';
import { refuseField } from '../../../shared/validation';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';

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
