import { type AuditedTable, auditTriggersSql, maskBirthSql, maskIdSql } from '../audit-triggers';
import type { Migration } from './types';

// The tables the log watches, and what of each it records (as migrations 3 to 5 chose).
const audited: readonly AuditedTable[] = [
  {
    table: 'classes',
    key: 'id',
    columns: [
      'code',
      'name',
      'category',
      'year',
      'start_date',
      'end_date',
      'location',
      'sponsor',
      'head_teacher',
      'planned_size',
      'goals',
      'notes',
      'status',
    ],
  },
  {
    table: 'trainees',
    key: 'id',
    columns: [
      'name',
      'sex',
      'ethnicity',
      'birth_date',
      'id_number',
      'phone',
      'unit',
      'position',
      'rank',
      'political_status',
      'education',
      'notes',
    ],
    masked: { id_number: 'id', phone: 'phone', birth_date: 'birth' },
  },
  { table: 'enrolments', key: 'id', columns: ['class_id', 'trainee_id', 'group_no', 'role', 'status', 'notes'] },
  { table: 'settings', key: 'key', columns: ['key', 'value'] },
  { table: 'vocab', key: 'kind', columns: ['kind', 'value', 'position'] },
  { table: 'stored_files', key: 'sha256', columns: ['sha256', 'size', 'name'] },
  {
    table: 'staff',
    key: 'id',
    columns: ['name', 'roles', 'organisation', 'title', 'phone', 'expertise', 'notes'],
    masked: { phone: 'phone' },
  },
  { table: 'class_staff', key: 'class_id', columns: ['class_id', 'staff_id', 'role'] },
  {
    table: 'sessions',
    key: 'id',
    columns: ['class_id', 'date', 'start_time', 'end_time', 'title', 'module', 'format', 'place', 'groups', 'notes', 'accepted'],
  },
  { table: 'session_teachers', key: 'session_id', columns: ['session_id', 'staff_id'] },
  { table: 'attendance', key: 'session_id', columns: ['session_id', 'enrolment_id', 'status', 'reason'] },
];

export const auditPerStatementMigration: Migration = {
  version: 7,
  name: 'audit triggers that ask who and when once per statement, and mask in SQL',
  up: (db) => {
    const old = db
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_audit_*'")
      .pluck()
      .all();
    for (const name of old) db.exec(`DROP TRIGGER "${name}"`);
    db.exec(audited.map(auditTriggersSql).join('\n'));
    // The log's earlier lines about trainees, masked the same way: the ID number to its region and
    // check character, the birth date beside it to its month. The log is otherwise never changed;
    // its guard is lifted for this statement only.
    const remask = (column: 'before' | 'after') => `CASE WHEN ${column} IS NULL THEN NULL ELSE json_set(${column},
        '$.id_number', ${maskIdSql(`(${column} ->> '$.id_number')`)},
        '$.birth_date', ${maskBirthSql(`(${column} ->> '$.birth_date')`, `(${column} ->> '$.id_number')`)}) END`;
    db.exec(`
      DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET before = ${remask('before')}, after = ${remask('after')} WHERE entity = 'trainees';
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
    `);
  },
};
