import type { Migration } from './types';

export const classesMigration: Migration = {
  version: 1,
  name: 'settings, editable lists and training classes',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE vocab (
        kind     TEXT NOT NULL,
        value    TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (kind, value)
      ) STRICT;

      CREATE TABLE classes (
        id           INTEGER PRIMARY KEY,
        code         TEXT NOT NULL UNIQUE,
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        category     TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 30),
        year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        start_date   TEXT NOT NULL,
        end_date     TEXT NOT NULL CHECK (end_date >= start_date),
        location     TEXT NOT NULL DEFAULT '',
        sponsor      TEXT NOT NULL DEFAULT '',
        head_teacher TEXT NOT NULL DEFAULT '',
        planned_size INTEGER CHECK (planned_size IS NULL OR planned_size > 0),
        goals        TEXT NOT NULL DEFAULT '',
        notes        TEXT NOT NULL DEFAULT '',
        status       TEXT NOT NULL DEFAULT 'planning'
                     CHECK (status IN ('planning', 'in_progress', 'finished', 'archived')),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;

      CREATE INDEX classes_by_year ON classes (year, start_date);
    `);
  },
};
