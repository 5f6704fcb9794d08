import type { Migration } from './types';

export const rostersMigration: Migration = {
  version: 2,
  name: 'trainees, enrolments and the append-only audit log',
  up: (db) => {
    db.exec(`
      CREATE TABLE trainees (
        id               INTEGER PRIMARY KEY,
        name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        sex              TEXT CHECK (sex IS NULL OR sex IN ('male', 'female')),
        ethnicity        TEXT NOT NULL DEFAULT '',
        birth_date       TEXT,
        -- The person's identity across classes: one trainee per ID number.
        id_number        TEXT UNIQUE CHECK (id_number IS NULL OR length(id_number) = 18),
        phone            TEXT NOT NULL DEFAULT '',
        unit             TEXT NOT NULL DEFAULT '',
        position         TEXT NOT NULL DEFAULT '',
        rank             TEXT NOT NULL DEFAULT '',
        political_status TEXT NOT NULL DEFAULT '',
        education        TEXT NOT NULL DEFAULT '',
        notes            TEXT NOT NULL DEFAULT '',
        -- Derived from the name when it is written, so that searching and sorting never recompute them.
        name_readings    TEXT NOT NULL DEFAULT '',
        name_pinyin      TEXT NOT NULL DEFAULT '',
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;

      CREATE INDEX trainees_by_name ON trainees (name);
      CREATE INDEX trainees_by_phone ON trainees (phone) WHERE phone <> '';

      CREATE TABLE enrolments (
        id         INTEGER PRIMARY KEY,
        class_id   INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        trainee_id INTEGER NOT NULL REFERENCES trainees (id) ON DELETE RESTRICT,
        group_no   INTEGER CHECK (group_no IS NULL OR group_no BETWEEN 1 AND 99),
        role       TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'withdrawn', 'completed')),
        notes      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (class_id, trainee_id)
      ) STRICT;

      CREATE INDEX enrolments_by_trainee ON enrolments (trainee_id);

      CREATE TABLE audit_log (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id TEXT,
        summary   TEXT NOT NULL DEFAULT '',
        before    TEXT,
        after     TEXT
      ) STRICT;

      CREATE INDEX audit_by_time ON audit_log (at);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
    `);
  },
};
