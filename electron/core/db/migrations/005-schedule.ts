import { auditTriggersSql } from './audit-triggers-v1';
import type { Migration } from './types';

export const scheduleMigration: Migration = {
  version: 5,
  name: 'staff, project teams, sessions and attendance',
  up: (db) => {
    db.exec(`
      CREATE TABLE staff (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        roles         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles) AND json_type(roles) = 'array'),
        organisation  TEXT NOT NULL DEFAULT '',
        title         TEXT NOT NULL DEFAULT '',
        phone         TEXT NOT NULL DEFAULT '',
        expertise     TEXT NOT NULL DEFAULT '',
        notes         TEXT NOT NULL DEFAULT '',
        name_readings TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      -- A class's project team (项目组): who, in which role for this class.
      CREATE TABLE class_staff (
        class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        role     TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 30),
        PRIMARY KEY (class_id, staff_id, role)
      ) STRICT;

      CREATE TABLE sessions (
        id         INTEGER PRIMARY KEY,
        class_id   INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        date       TEXT NOT NULL,
        start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        end_time   TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time > start_time),
        title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        module     TEXT NOT NULL DEFAULT '',
        format     TEXT NOT NULL DEFAULT '',
        place      TEXT NOT NULL DEFAULT '',
        -- The groups that attend; empty means the whole class.
        groups     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(groups) AND json_type(groups) = 'array'),
        notes      TEXT NOT NULL DEFAULT '',
        -- Warnings accepted when the session was saved, each with the reason given.
        accepted   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(accepted) AND json_type(accepted) = 'array'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX sessions_by_date ON sessions (date, start_time);
      CREATE INDEX sessions_by_place ON sessions (date, place);
      CREATE INDEX sessions_by_class ON sessions (class_id, date);

      CREATE TABLE session_teachers (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        PRIMARY KEY (session_id, staff_id)
      ) STRICT;

      CREATE INDEX session_teachers_by_staff ON session_teachers (staff_id, session_id);

      CREATE TABLE attendance (
        session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        enrolment_id  INTEGER NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
        status        TEXT NOT NULL CHECK (status IN ('present', 'late', 'leave', 'absent')),
        reason        TEXT NOT NULL DEFAULT '',
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (session_id, enrolment_id)
      ) STRICT;

      CREATE INDEX attendance_by_enrolment ON attendance (enrolment_id);
    `);
    db.exec(
      [
        auditTriggersSql({
          table: 'staff',
          key: 'id',
          columns: ['name', 'roles', 'organisation', 'title', 'phone', 'expertise', 'notes'],
          masked: { phone: 'phone' },
        }),
        auditTriggersSql({ table: 'class_staff', key: 'class_id', columns: ['class_id', 'staff_id', 'role'] }),
        auditTriggersSql({
          table: 'sessions',
          key: 'id',
          columns: [
            'class_id',
            'date',
            'start_time',
            'end_time',
            'title',
            'module',
            'format',
            'place',
            'groups',
            'notes',
            'accepted',
          ],
        }),
        auditTriggersSql({ table: 'session_teachers', key: 'session_id', columns: ['session_id', 'staff_id'] }),
        auditTriggersSql({ table: 'attendance', key: 'session_id', columns: ['session_id', 'enrolment_id', 'status', 'reason'] }),
      ].join('\n'),
    );
  },
};
