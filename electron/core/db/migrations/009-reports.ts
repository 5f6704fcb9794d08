import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

// The log follows what people decide (topics, who wrote what, reviews, publication) and each file
// handed in; a version's text is derived from its stored file and the index from the text, so
// neither is logged (a text is thousands of characters; the upload's own entry names the files).
const audited: readonly AuditedTable[] = [
  { table: 'report_topics', key: 'id', columns: ['class_id', 'title', 'adviser_staff_id', 'description', 'max_authors'] },
  { table: 'report_deadlines', key: 'class_id', columns: ['class_id', 'deadline'] },
  { table: 'reports', key: 'id', columns: ['class_id', 'topic_id', 'title', 'group_no'] },
  { table: 'report_authors', key: 'report_id', columns: ['report_id', 'position', 'enrolment_id', 'name'] },
  {
    table: 'report_versions',
    key: 'id',
    columns: ['report_id', 'version', 'sha256', 'file_name', 'format', 'size', 'text_status', 'chars', 'submitted_at'],
  },
  {
    table: 'report_reviews',
    key: 'report_id',
    columns: ['report_id', 'reviewer', 'score', 'grade', 'comments', 'reviewed_on'],
  },
  { table: 'report_publications', key: 'report_id', columns: ['report_id', 'journal', 'year', 'issue'] },
  {
    table: 'report_forwardings',
    key: 'id',
    columns: ['report_id', 'department', 'sent_on', 'feedback', 'instruction'],
  },
];

export const reportsMigration: Migration = {
  version: 9,
  name: 'research reports: topics, authors, versions, their text and its index, reviews, publication',
  up: (db) => {
    db.exec(`
      -- Research topics of a class, with the adviser and how many may take one.
      CREATE TABLE report_topics (
        id               INTEGER PRIMARY KEY,
        class_id         INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        adviser_staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,
        description      TEXT NOT NULL DEFAULT '',
        max_authors      INTEGER CHECK (max_authors IS NULL OR max_authors BETWEEN 1 AND 500),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        UNIQUE (class_id, title)
      ) STRICT;

      CREATE TABLE report_deadlines (
        class_id INTEGER PRIMARY KEY REFERENCES classes (id) ON DELETE CASCADE,
        deadline TEXT NOT NULL
      ) STRICT;

      -- A report: a topic chosen by one trainee or a group, before and after anything is handed in.
      CREATE TABLE reports (
        id         INTEGER PRIMARY KEY,
        class_id   INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        topic_id   INTEGER REFERENCES report_topics (id) ON DELETE SET NULL,
        title      TEXT NOT NULL DEFAULT '',
        group_no   INTEGER CHECK (group_no IS NULL OR group_no BETWEEN 1 AND 99),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX reports_by_class ON reports (class_id);

      -- Who wrote it, in order. The name stays when the enrolment goes (a report outlives its class's
      -- roster, and an archive from another workstation names people who are not enrolled here).
      CREATE TABLE report_authors (
        report_id    INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        enrolment_id INTEGER REFERENCES enrolments (id) ON DELETE SET NULL,
        name         TEXT NOT NULL,
        PRIMARY KEY (report_id, position)
      ) STRICT;

      CREATE INDEX report_authors_by_enrolment ON report_authors (enrolment_id);

      -- Each file handed in; a new upload is a new version, the older ones stay.
      CREATE TABLE report_versions (
        id           INTEGER PRIMARY KEY,
        report_id    INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        version      INTEGER NOT NULL CHECK (version >= 1),
        sha256       TEXT NOT NULL REFERENCES stored_files (sha256) ON DELETE RESTRICT,
        file_name    TEXT NOT NULL,
        format       TEXT NOT NULL CHECK (format IN ('docx', 'doc', 'wps', 'pdf', 'txt', 'md')),
        size         INTEGER NOT NULL CHECK (size > 0),
        text_status  TEXT NOT NULL CHECK (text_status IN ('text', 'encrypted', 'none')),
        chars        INTEGER NOT NULL DEFAULT 0,
        submitted_at TEXT NOT NULL,
        UNIQUE (report_id, version)
      ) STRICT;

      CREATE TABLE report_texts (
        version_id INTEGER PRIMARY KEY REFERENCES report_versions (id) ON DELETE CASCADE,
        text       TEXT NOT NULL
      ) STRICT;

      -- The search index of each report's latest version (rowid = report id), over text cut into
      -- tokens by the core (CJK bigrams, Latin words): contentless, the text lives in report_texts.
      CREATE VIRTUAL TABLE report_index USING fts5 (
        title, people, context, body,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE report_reviews (
        report_id   INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
        reviewer    TEXT NOT NULL DEFAULT '',
        score       REAL CHECK (score IS NULL OR score BETWEEN 0 AND 100),
        grade       TEXT NOT NULL CHECK (grade IN ('excellent', 'good', 'pass', 'fail')),
        comments    TEXT NOT NULL DEFAULT '',
        reviewed_on TEXT NOT NULL
      ) STRICT;

      -- Published in the school's journal , by year and issue.
      CREATE TABLE report_publications (
        report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
        journal   TEXT NOT NULL,
        year      INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        issue     TEXT NOT NULL DEFAULT ''
      ) STRICT;

      -- Sent up to a department: when, what came back, the leaders' instructions.
      CREATE TABLE report_forwardings (
        id          INTEGER PRIMARY KEY,
        report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        department  TEXT NOT NULL CHECK (length(department) BETWEEN 1 AND 100),
        sent_on     TEXT NOT NULL,
        feedback    TEXT NOT NULL DEFAULT '',
        instruction TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE INDEX report_forwardings_by_report ON report_forwardings (report_id);
    `);
    db.exec(audited.map(auditTriggersSql).join('\n'));
  },
};
