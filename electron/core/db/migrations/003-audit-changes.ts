import { auditTriggersSql } from './audit-triggers-v1';
import type { Migration } from './types';

export const auditChangesMigration: Migration = {
  version: 3,
  name: 'every change to every table in the audit log',
  up: (db) => {
    db.exec(`ALTER TABLE audit_log ADD COLUMN channel TEXT NOT NULL DEFAULT ''`);
    db.exec(
      [
        auditTriggersSql({
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
        }),
        auditTriggersSql({
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
          masked: { id_number: 'id', phone: 'phone' },
        }),
        auditTriggersSql({
          table: 'enrolments',
          key: 'id',
          columns: ['class_id', 'trainee_id', 'group_no', 'role', 'status', 'notes'],
        }),
        auditTriggersSql({ table: 'settings', key: 'key', columns: ['key', 'value'] }),
        auditTriggersSql({ table: 'vocab', key: 'kind', columns: ['kind', 'value', 'position'] }),
      ].join('\n'),
    );
  },
};
