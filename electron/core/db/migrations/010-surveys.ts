import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

const audited: readonly AuditedTable[] = [
  { table: 'survey_templates', key: 'satisfaction', columns: ['satisfaction', 'name', 'items'] },
  { table: 'surveys', key: 'id', columns: ['class_id', 'satisfaction', 'subject', 'subject_id', 'items'] },
  { table: 'survey_responses', key: 'id', columns: ['survey_id', 'scores', 'comment'] },
];

export const surveysMigration: Migration = {
  version: 10,
  name: 'satisfaction surveys: templates, surveys of a class, responses',
  up: (db) => {
    db.exec(`
      -- The four questionnaires as the school has edited them (one not stored is the default).
      CREATE TABLE survey_templates (
        satisfaction TEXT PRIMARY KEY CHECK (satisfaction IN ('organisation', 'trainees', 'base', 'teachers')),
        name         TEXT NOT NULL,
        items        TEXT NOT NULL
      ) STRICT;

      -- A survey of a class about one subject; its items are copied from the template when it is
      -- made, so that editing a template never changes what was asked.
      CREATE TABLE surveys (
        id           INTEGER PRIMARY KEY,
        class_id     INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        satisfaction TEXT NOT NULL CHECK (satisfaction IN ('organisation', 'trainees', 'base', 'teachers')),
        subject      TEXT NOT NULL CHECK (subject IN ('class', 'session', 'teacher', 'site')),
        subject_id   INTEGER,
        items        TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        UNIQUE (class_id, satisfaction, subject, subject_id)
      ) STRICT;

      CREATE INDEX surveys_by_subject ON surveys (subject, subject_id);

      -- One questionnaire filled in: a score 1–5 (or none) per item, and what was written.
      CREATE TABLE survey_responses (
        id         INTEGER PRIMARY KEY,
        survey_id  INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
        scores     TEXT NOT NULL,
        comment    TEXT NOT NULL DEFAULT '',
        entered_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id);
    `);
    db.exec(audited.map(auditTriggersSql).join('\n'));
  },
};
