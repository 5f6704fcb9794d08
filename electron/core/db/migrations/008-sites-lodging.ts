import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import type { Migration } from './types';

// Sessions and staff gain a column each: their triggers are made again with it (the log names what
// the row holds).
const sessionsAudit: AuditedTable = {
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
    'site_id',
    'groups',
    'notes',
    'accepted',
  ],
};
const staffAudit: AuditedTable = {
  table: 'staff',
  key: 'id',
  columns: ['name', 'roles', 'organisation', 'title', 'phone', 'expertise', 'notes', 'external'],
  masked: { phone: 'phone' },
};

// Host households' phones are the village's data; the log keeps them masked as it keeps trainees'.
const audited: readonly AuditedTable[] = [
  { table: 'site_bases', key: 'id', columns: ['name', 'address', 'notes', 'active'] },
  {
    table: 'sites',
    key: 'id',
    columns: [
      'base_id',
      'name',
      'kind',
      'address',
      'township',
      'contact_name',
      'contact_phone',
      'guide_staff_id',
      'guide_name',
      'capacity',
      'topics',
      'modules',
      'minutes_from_school',
      'notes',
      'active',
    ],
    masked: { contact_phone: 'phone' },
  },
  { table: 'site_travel', key: 'from_site', columns: ['from_site', 'to_site', 'minutes'] },
  {
    table: 'site_reviews',
    key: 'id',
    columns: [
      'site_id',
      'reviewed_on',
      'reviewer',
      'theme',
      'courses',
      'facilities',
      'management',
      'teaching',
      'effect',
      'notes',
    ],
  },
  {
    table: 'households',
    key: 'id',
    columns: ['site_id', 'head', 'phone', 'address', 'beds', 'hosts', 'notes', 'active'],
    masked: { phone: 'phone' },
  },
  { table: 'stays', key: 'id', columns: ['class_id', 'site_id', 'arrive', 'depart', 'groups', 'notes'] },
  { table: 'placements', key: 'stay_id', columns: ['stay_id', 'enrolment_id', 'household_id', 'locked'] },
  {
    table: 'stay_days',
    key: 'stay_id',
    columns: ['stay_id', 'date', 'meals', 'study', 'labour_task', 'labour_field', 'labour_hours', 'labour_leader'],
  },
  {
    table: 'stay_participants',
    key: 'stay_id',
    columns: [
      'stay_id',
      'enrolment_id',
      'participation',
      'labour_hours',
      'reflection',
      'reflection_file',
      'reflection_file_name',
    ],
  },
  {
    table: 'household_payments',
    key: 'household_id',
    columns: ['household_id', 'class_id', 'nights', 'people', 'amount_fen', 'paid_on', 'notes'],
  },
];

export const sitesLodgingMigration: Migration = {
  version: 8,
  name: 'teaching bases and points, host households, stays and the four togethers',
  up: (db) => {
    db.exec(`
      CREATE TABLE site_bases (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        address       TEXT NOT NULL DEFAULT '',
        notes         TEXT NOT NULL DEFAULT '',
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        name_readings TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      -- A teaching point: a place a class visits, under a base.
      CREATE TABLE sites (
        id                  INTEGER PRIMARY KEY,
        base_id             INTEGER REFERENCES site_bases (id) ON DELETE RESTRICT,
        name                TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        kind                TEXT NOT NULL DEFAULT '',
        address             TEXT NOT NULL DEFAULT '',
        township            TEXT NOT NULL DEFAULT '',
        contact_name        TEXT NOT NULL DEFAULT '',
        contact_phone       TEXT NOT NULL DEFAULT '',
        guide_staff_id      INTEGER REFERENCES staff (id) ON DELETE SET NULL,
        guide_name          TEXT NOT NULL DEFAULT '',
        capacity            INTEGER CHECK (capacity IS NULL OR capacity > 0),
        topics              TEXT NOT NULL DEFAULT '',
        modules             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(modules) AND json_type(modules) = 'array'),
        minutes_from_school INTEGER CHECK (minutes_from_school IS NULL OR minutes_from_school BETWEEN 0 AND 1440),
        notes               TEXT NOT NULL DEFAULT '',
        active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        name_readings       TEXT NOT NULL DEFAULT '',
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL
      ) STRICT;

      CREATE INDEX sites_by_base ON sites (base_id);

      -- Minutes between two points, either way: stored once, the smaller id first.
      CREATE TABLE site_travel (
        from_site INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        to_site   INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        minutes   INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
        PRIMARY KEY (from_site, to_site),
        CHECK (from_site < to_site)
      ) STRICT;

      -- A review of a point's quality (theme, courses, facilities, management, teaching, effect: 1–5).
      CREATE TABLE site_reviews (
        id          INTEGER PRIMARY KEY,
        site_id     INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        reviewed_on TEXT NOT NULL,
        reviewer    TEXT NOT NULL DEFAULT '',
        theme       INTEGER NOT NULL CHECK (theme BETWEEN 1 AND 5),
        courses     INTEGER NOT NULL CHECK (courses BETWEEN 1 AND 5),
        facilities  INTEGER NOT NULL CHECK (facilities BETWEEN 1 AND 5),
        management  INTEGER NOT NULL CHECK (management BETWEEN 1 AND 5),
        teaching    INTEGER NOT NULL CHECK (teaching BETWEEN 1 AND 5),
        effect      INTEGER NOT NULL CHECK (effect BETWEEN 1 AND 5),
        notes       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE INDEX site_reviews_by_site ON site_reviews (site_id, reviewed_on);

      ALTER TABLE sessions ADD COLUMN site_id INTEGER REFERENCES sites (id) ON DELETE SET NULL;
      CREATE INDEX sessions_by_site ON sessions (site_id, date);

      -- A lecturer from outside the school.
      ALTER TABLE staff ADD COLUMN external INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1));

      -- A household of a village (a point of the village kind) that hosts trainees.
      CREATE TABLE households (
        id            INTEGER PRIMARY KEY,
        site_id       INTEGER NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
        head          TEXT NOT NULL CHECK (length(head) BETWEEN 1 AND 50),
        phone         TEXT NOT NULL DEFAULT '',
        address       TEXT NOT NULL DEFAULT '',
        beds          INTEGER NOT NULL CHECK (beds BETWEEN 1 AND 50),
        hosts         TEXT NOT NULL DEFAULT 'any' CHECK (hosts IN ('male', 'female', 'any')),
        notes         TEXT NOT NULL DEFAULT '',
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        name_readings TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        UNIQUE (site_id, head)
      ) STRICT;

      -- A class's stay in a village: arriving on one day, leaving on a later one (the nights between).
      CREATE TABLE stays (
        id         INTEGER PRIMARY KEY,
        class_id   INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        site_id    INTEGER NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
        arrive     TEXT NOT NULL,
        depart     TEXT NOT NULL CHECK (depart > arrive),
        groups     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(groups) AND json_type(groups) = 'array'),
        notes      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX stays_by_class ON stays (class_id);
      CREATE INDEX stays_by_site ON stays (site_id, arrive);

      -- Who sleeps where for every night of a stay; a locked placement is kept when the rest is re-run.
      CREATE TABLE placements (
        stay_id      INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        enrolment_id INTEGER NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
        household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE RESTRICT,
        locked       INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        PRIMARY KEY (stay_id, enrolment_id)
      ) STRICT;

      CREATE INDEX placements_by_household ON placements (household_id, stay_id);

      -- The four togethers, day by day: meals with the hosts, what is studied, the labour.
      CREATE TABLE stay_days (
        stay_id       INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        date          TEXT NOT NULL,
        meals         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(meals) AND json_type(meals) = 'array'),
        study         TEXT NOT NULL DEFAULT '',
        labour_task   TEXT NOT NULL DEFAULT '',
        labour_field  TEXT NOT NULL DEFAULT '',
        labour_hours  REAL NOT NULL DEFAULT 0 CHECK (labour_hours BETWEEN 0 AND 24),
        labour_leader TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (stay_id, date)
      ) STRICT;

      -- Each trainee's part: how far they took part, labour hours (null: as planned), a reflection.
      CREATE TABLE stay_participants (
        stay_id              INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        enrolment_id         INTEGER NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
        participation        TEXT NOT NULL DEFAULT 'full' CHECK (participation IN ('full', 'partial', 'absent')),
        labour_hours         REAL CHECK (labour_hours IS NULL OR labour_hours BETWEEN 0 AND 500),
        reflection           TEXT NOT NULL DEFAULT '',
        reflection_file      TEXT REFERENCES stored_files (sha256) ON DELETE RESTRICT,
        reflection_file_name TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (stay_id, enrolment_id)
      ) STRICT;

      -- What the school pays a household for a class, for its accounts.
      CREATE TABLE household_payments (
        household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE RESTRICT,
        class_id     INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        nights       INTEGER NOT NULL CHECK (nights >= 0),
        people       INTEGER NOT NULL CHECK (people >= 0),
        amount_fen   INTEGER NOT NULL CHECK (amount_fen >= 0),
        paid_on      TEXT,
        notes        TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (household_id, class_id)
      ) STRICT;
    `);
    for (const table of ['sessions', 'staff'])
      for (const action of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER ${table}_audit_${action}`);
    db.exec([sessionsAudit, staffAudit, ...audited].map(auditTriggersSql).join('\n'));
  },
};
