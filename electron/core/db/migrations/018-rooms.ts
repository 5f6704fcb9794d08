import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

// Rooms at the school's dormitory or a contracted hotel (党校宿舍 / 宾馆): a room is a lodging unit as
// a host household is — beds, one sex, notes, active — so it is a row of `households` of a site whose
// kind says rooms, its number in `head` (the name a unit is known by, unique within its site) and its
// floor in a new column (NULL for a household). Stays, placements, locking, confirmations and the
// exports then serve rooms unchanged. A room kept for staff during a stay (the 班主任's room) is a row
// of `stay_reservations`: taken out of the trainees' beds for that stay's nights, with whom it is for.

const households: AuditedTable = {
  table: 'households',
  key: 'id',
  columns: ['site_id', 'head', 'phone', 'address', 'beds', 'hosts', 'mixed_rooms', 'floor', 'notes', 'active'],
  masked: { phone: 'phone' },
};

const reservations: AuditedTable = {
  table: 'stay_reservations',
  key: 'stay_id',
  columns: ['stay_id', 'household_id', 'note'],
};

export const roomsMigration: Migration = {
  version: 18,
  name: 'rooms of a dormitory or hotel, and rooms kept for staff during a stay',
  up: (db) => {
    db.exec(`
      ALTER TABLE households ADD COLUMN floor INTEGER CHECK (floor IS NULL OR floor BETWEEN -9 AND 200);
      DROP TRIGGER households_audit_insert;
      DROP TRIGGER households_audit_update;
      DROP TRIGGER households_audit_delete;

      CREATE TABLE stay_reservations (
        stay_id      INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE RESTRICT,
        note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 100),
        PRIMARY KEY (stay_id, household_id)
      ) STRICT;

      CREATE INDEX stay_reservations_by_household ON stay_reservations (household_id);
    `);
    db.exec([households, reservations].map(auditTriggersSql).join('\n'));
  },
};
