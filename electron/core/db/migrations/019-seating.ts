import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

const plans: AuditedTable = {
  table: 'seat_plans',
  key: 'class_id',
  columns: ['class_id', 'sort', 'committee_front', 'adjusted', 'updated_at'],
};
const seats: AuditedTable = { table: 'seats', key: 'enrolment_id', columns: ['enrolment_id', 'class_id', 'row_no', 'seat_no'] };

// A class's 座次: the order it was arranged in, whether seats were swapped by hand since, and
// where each trainee sits. No plan: the chart is drawn from the roster's order each time.
// Numbered 019 (the rooms helper holds 018); on this branch alone it is the 18th migration, as the
// versions must climb one by one: at merge it follows 018 as version 19.
export const seatingMigration: Migration = {
  version: 19,
  name: 'seat map of a class',
  up: (db) => {
    db.exec(`
      CREATE TABLE seat_plans (
        class_id        INTEGER PRIMARY KEY REFERENCES classes (id) ON DELETE CASCADE,
        sort            TEXT NOT NULL CHECK (sort IN ('stroke', 'pinyin', 'unit', 'group')),
        committee_front INTEGER NOT NULL CHECK (committee_front IN (0, 1)),
        adjusted        INTEGER NOT NULL DEFAULT 0 CHECK (adjusted IN (0, 1)),
        updated_at      TEXT NOT NULL
      ) STRICT;

      -- A trainee sits once (the key), a seat holds one trainee (the unique pair); rows count from the
      -- platform, seats from the left. Removing someone from the roster frees the seat.
      CREATE TABLE seats (
        enrolment_id INTEGER PRIMARY KEY REFERENCES enrolments (id) ON DELETE CASCADE,
        class_id     INTEGER NOT NULL REFERENCES seat_plans (class_id) ON DELETE CASCADE,
        row_no       INTEGER NOT NULL CHECK (row_no BETWEEN 1 AND 100),
        seat_no      INTEGER NOT NULL CHECK (seat_no BETWEEN 1 AND 16),
        UNIQUE (class_id, row_no, seat_no)
      ) STRICT;

      -- Only the class's own trainees sit in its classroom, whatever code writes the row.
      CREATE TRIGGER seats_same_class_insert BEFORE INSERT ON seats
        WHEN NEW.class_id IS NOT (SELECT class_id FROM enrolments WHERE id = NEW.enrolment_id)
        BEGIN SELECT RAISE(ABORT, 'seat for a trainee of another class'); END;
      CREATE TRIGGER seats_same_class_update BEFORE UPDATE ON seats
        WHEN NEW.class_id IS NOT (SELECT class_id FROM enrolments WHERE id = NEW.enrolment_id)
        BEGIN SELECT RAISE(ABORT, 'seat for a trainee of another class'); END;
    `);
    db.exec(auditTriggersSql(plans));
    db.exec(auditTriggersSql(seats));
  },
};
