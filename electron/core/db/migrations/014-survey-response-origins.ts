import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

// Self-contained (one file, its own SQL): the version is the only thing that ties it to its place.

const audited: readonly AuditedTable[] = [
  {
    table: 'survey_response_origins',
    key: 'response_id',
    columns: ['response_id', 'survey_id', 'platform', 'answer_key', 'file_sha256'],
  },
];

export const surveyResponseOriginsMigration: Migration = {
  version: 14,
  name: 'where a questionnaire imported from a survey platform came from',
  up: (db) => {
    db.exec(`
      -- A questionnaire that came from a survey platform's export (wjx: Wenjuanxing, tencent: Tencent
      -- Survey): which answer sheet of the platform it is (its number and submission time), so that
      -- the same export imported again, or a later download holding the earlier answers too, adds
      -- only what is new. The file's SHA-256 says which download brought it. Goes with its
      -- questionnaire.
      CREATE TABLE survey_response_origins (
        response_id INTEGER PRIMARY KEY REFERENCES survey_responses (id) ON DELETE CASCADE,
        survey_id   INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
        platform    TEXT NOT NULL CHECK (platform IN ('wjx', 'tencent')),
        answer_key  TEXT NOT NULL CHECK (length(answer_key) BETWEEN 1 AND 400),
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        UNIQUE (survey_id, platform, answer_key)
      ) STRICT;
    `);
    db.exec(audited.map(auditTriggersSql).join('\n'));
  },
};
