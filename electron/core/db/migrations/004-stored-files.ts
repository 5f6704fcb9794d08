import { auditTriggersSql } from './audit-triggers-v1';
import type { Migration } from './types';

export const storedFilesMigration: Migration = {
  version: 4,
  name: 'the content-addressed file store',
  up: (db) => {
    db.exec(`
      -- One row per stored file, named by its SHA-256; the bytes live in files/<first two>/<sha256>.
      CREATE TABLE stored_files (
        sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size       INTEGER NOT NULL CHECK (size >= 0),
        name       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
    `);
    db.exec(auditTriggersSql({ table: 'stored_files', key: 'sha256', columns: ['sha256', 'size', 'name'] }));
  },
};
