import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

// "男女均可" means a household may host men or women — during one stay it hosts one sex. Only a
// household with rooms apart for men and women (可分男女房间) may host both at once: a column of its
// own, 0 for every household already on the list. The audit triggers name the columns they record,
// so they are made again with the new one.

const audited: AuditedTable = {
  table: 'households',
  key: 'id',
  columns: ['site_id', 'head', 'phone', 'address', 'beds', 'hosts', 'mixed_rooms', 'notes', 'active'],
  masked: { phone: 'phone' },
};

export const householdsMixedRoomsMigration: Migration = {
  version: 15,
  name: 'host households with rooms apart for men and women (mixed rooms)',
  up: (db) => {
    db.exec(`
      ALTER TABLE households ADD COLUMN mixed_rooms INTEGER NOT NULL DEFAULT 0 CHECK (mixed_rooms IN (0, 1));
      DROP TRIGGER households_audit_insert;
      DROP TRIGGER households_audit_update;
      DROP TRIGGER households_audit_delete;
    `);
    db.exec(auditTriggersSql(audited));
  },
};
