import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

const audited: AuditedTable = { table: 'checkins', key: 'enrolment_id', columns: ['enrolment_id', 'status', 'at', 'note'] };

// Check-in (报到) on a class's first days: 已报到, 迟到 or 请假.
export const checkinMigration: Migration = {
  version: 17,
  name: 'check-in on a class first days',
  up: (db) => {
    db.exec(`
      -- One line a trainee of a class: arrived, late or on leave, when it was marked (an instant, shown
      -- in local time) and what the desk noted. No line: not arrived yet. Undoing a check-in removes the
      -- line; the audit log keeps that it was there.
      CREATE TABLE checkins (
        enrolment_id INTEGER PRIMARY KEY REFERENCES enrolments (id) ON DELETE CASCADE,
        status       TEXT NOT NULL CHECK (status IN ('arrived', 'late', 'leave')),
        at           TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT ''
      ) STRICT;
    `);
    db.exec(auditTriggersSql(audited));
  },
};
