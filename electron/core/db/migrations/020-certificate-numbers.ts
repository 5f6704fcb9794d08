import { type AuditedTable, auditTriggersSql } from '../audit-triggers';
import { legacyCompareStroke } from './legacy-stroke-order';
import type { Migration } from './types';

const numbers: AuditedTable = {
  table: 'certificate_numbers',
  key: 'enrolment_id',
  columns: ['enrolment_id', 'class_id', 'seq'],
};

// 证书编号, kept once given: they were worked out from the roster's order each time, so a trainee added
// late, or the order itself changing (mainland stroke order, this version), gave a reprinted
// certificate another number than the one in the trainee's hands. A class's numbers are kept when it
// is marked 已结业 or its certificates are first exported; a withdrawn trainee's number is not reused.
// The classes already 已结业 or 已归档 keep the numbers they were printed with: their rosters are numbered
// here in the order of that time (legacy-stroke-order.ts), before the log's triggers exist.
export const certificateNumbersMigration: Migration = {
  version: 20,
  name: 'certificate numbers kept',
  up: (db) => {
    db.exec(`
      CREATE TABLE certificate_numbers (
        enrolment_id INTEGER PRIMARY KEY REFERENCES enrolments (id) ON DELETE CASCADE,
        class_id     INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 1000000),
        UNIQUE (class_id, seq)
      ) STRICT;

      -- A class numbers its own trainees only, whatever code writes the row.
      CREATE TRIGGER certificate_numbers_same_class_insert BEFORE INSERT ON certificate_numbers
        WHEN NEW.class_id IS NOT (SELECT class_id FROM enrolments WHERE id = NEW.enrolment_id)
        BEGIN SELECT RAISE(ABORT, 'certificate number for a trainee of another class'); END;
      CREATE TRIGGER certificate_numbers_same_class_update BEFORE UPDATE ON certificate_numbers
        WHEN NEW.class_id IS NOT (SELECT class_id FROM enrolments WHERE id = NEW.enrolment_id)
        BEGIN SELECT RAISE(ABORT, 'certificate number for a trainee of another class'); END;
    `);
    const closed = db
      .prepare(`SELECT id FROM classes WHERE status IN ('finished', 'archived') ORDER BY id`)
      .pluck()
      .all() as number[];
    const people = db.prepare(
      `SELECT e.id, t.name FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.class_id = ? AND e.status <> 'withdrawn'`,
    );
    const insert = db.prepare('INSERT INTO certificate_numbers (enrolment_id, class_id, seq) VALUES (?, ?, ?)');
    for (const classId of closed) {
      const roster = (people.all(classId) as { id: number; name: string }[]).sort(
        (a, b) => legacyCompareStroke(a.name, b.name) || a.id - b.id,
      );
      roster.forEach((person, index) => insert.run(person.id, classId, index + 1));
    }
    db.exec(auditTriggersSql(numbers));
  },
};
