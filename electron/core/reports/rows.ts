// A report as every list, search and detail shows it: one SQL over reports and their latest version,
// review and outcome, the filters they share, and the detail with every version and forwarding.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  authorSchema,
  type DocumentFormat,
  type Forwarding,
  type Grade,
  type ReportDetail,
  type ReportFilter,
  type ReportRow,
} from '../../../shared/reports/schemas';
import { type Core } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';

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
