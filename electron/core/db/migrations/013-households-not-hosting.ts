import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

// A household that is not hosting now ("今年暂停接待", no beds this year) stays on the village's list,
// inactive, with its note: 0 beds becomes a value, held to an inactive household (an active one still
// has 1 to 50). SQLite cannot change a CHECK in place, so the table is made again as SQLite's own
// procedure does it — the new table, its rows copied, the old one dropped, the new one renamed, its
// audit triggers made again — with foreign keys off for the climb (`rebuildsTables`) and checked
// before it commits: placements, confirmations and payments keep naming the same households by id.

const audited: AuditedTable = {
  table: 'households',
  key: 'id',
  columns: ['site_id', 'head', 'phone', 'address', 'beds', 'hosts', 'notes', 'active'],
  masked: { phone: 'phone' },
};

const columns = 'id, site_id, head, phone, address, beds, hosts, notes, active, name_readings, created_at, updated_at';

export const householdsNotHostingMigration: Migration = {
  version: 13,
  name: 'host households not hosting now: 0 beds, inactive',
  rebuildsTables: true,
  up: (db) => {
    db.exec(`
      CREATE TABLE households_rebuilt (
        id            INTEGER PRIMARY KEY,
        site_id       INTEGER NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
        head          TEXT NOT NULL CHECK (length(head) BETWEEN 1 AND 50),
        phone         TEXT NOT NULL DEFAULT '',
        address       TEXT NOT NULL DEFAULT '',
        beds          INTEGER NOT NULL CHECK (beds BETWEEN 0 AND 50),
        hosts         TEXT NOT NULL DEFAULT 'any' CHECK (hosts IN ('male', 'female', 'any')),
        notes         TEXT NOT NULL DEFAULT '',
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        name_readings TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        UNIQUE (site_id, head),
        -- No beds: not hosting now.
        CHECK (beds > 0 OR active = 0)
      ) STRICT;
      INSERT INTO households_rebuilt (${columns}) SELECT ${columns} FROM households;
      DROP TABLE households;
      ALTER TABLE households_rebuilt RENAME TO households;
    `);
    db.exec(auditTriggersSql(audited));
  },
};
