import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { seatingMigration } from './019-seating';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 019: seat maps', () => {
  it('keeps a seat map per class: one seat a trainee, one trainee a seat, only the class own, gone with them', () => {
    const version = seatingMigration.version;
    const db = openDatabase(join(temp.dir, 'm19.sqlite3'), { targetVersion: version - 1 });
    db.exec(`
      INSERT INTO classes (id, code, name, category, year, start_date, end_date, created_at, updated_at)
        VALUES (1, '2026-001', 'a', 'c', 2026, '2026-12-05', '2026-12-09', 'x', 'x'),
               (2, '2026-002', 'b', 'c', 2026, '2026-12-05', '2026-12-09', 'x', 'x');
      INSERT INTO trainees (id, name, created_at, updated_at) VALUES (1, 'a', 'x', 'x'), (2, 'b', 'x', 'x');
      INSERT INTO enrolments (id, class_id, trainee_id, created_at, updated_at)
        VALUES (1, 1, 1, 'x', 'x'), (2, 1, 2, 'x', 'x'), (3, 2, 1, 'x', 'x');
    `);
    expect(migrate(db, migrations, version)).toBe(version);
    db.prepare(`INSERT INTO seat_plans (class_id, sort, committee_front, updated_at) VALUES (1, 'group', 1, 'x')`).run();
    expect(() =>
      db.prepare(`INSERT INTO seat_plans (class_id, sort, committee_front, updated_at) VALUES (2, 'age', 0, 'x')`).run(),
    ).toThrow(/CHECK/);
    const seat = db.prepare('INSERT INTO seats (enrolment_id, class_id, row_no, seat_no) VALUES (?, ?, ?, ?)');
    seat.run(1, 1, 1, 1);
    expect(() => seat.run(2, 1, 1, 1)).toThrow(/UNIQUE/);
    expect(() => seat.run(1, 1, 1, 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => seat.run(2, 1, 0, 2)).toThrow(/CHECK/);
    expect(() => seat.run(2, 1, 1, 17)).toThrow(/CHECK/);
    // Enrolment 3 is class 2's: not in class 1's room.
    expect(() => seat.run(3, 1, 2, 2)).toThrow(/another class/);
    expect(() => db.prepare('UPDATE seats SET class_id = 2 WHERE enrolment_id = 1').run()).toThrow(/another class/);
    seat.run(2, 1, 1, 2);
    expect(db.prepare(`SELECT entity, action FROM audit_log WHERE entity IN ('seats', 'seat_plans') ORDER BY id`).all()).toEqual([
      { entity: 'seat_plans', action: 'create' },
      { entity: 'seats', action: 'create' },
      { entity: 'seats', action: 'create' },
    ]);
    db.prepare('DELETE FROM enrolments WHERE id = 2').run();
    expect(db.prepare('SELECT enrolment_id FROM seats').pluck().all()).toEqual([1]);
    db.prepare('DELETE FROM classes WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM seats').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM seat_plans').pluck().get()).toBe(0);
    db.close();
  });
});
