import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

const audited: readonly AuditedTable[] = [
  { table: 'stay_confirmations', key: 'stay_id', columns: ['stay_id', 'household_id', 'confirmed_on'] },
];

export const stayConfirmationsMigration: Migration = {
  version: 11,
  name: 'host households confirmed for a stay',
  up: (db) => {
    db.exec(`
      -- A household that has agreed (by phone, usually) to host its people for a stay. One placed
      -- but not confirmed is on the workbench's list of what needs doing until the stay is over.
      CREATE TABLE stay_confirmations (
        stay_id      INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE RESTRICT,
        confirmed_on TEXT NOT NULL,
        PRIMARY KEY (stay_id, household_id)
      ) STRICT;
    `);
    db.exec(audited.map(auditTriggersSql).join('\n'));
  },
};
