import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 17: check-in', () => {
  it('adds the table of check-ins, one a trainee of a class, audited, gone with the enrolment', () => {
    const db = openDatabase(join(temp.dir, 'm17.sqlite3'), { targetVersion: 16 });
    db.exec(`
      INSERT INTO classes (id, code, name, category, year, start_date, end_date, created_at, updated_at)
        VALUES (1, '2026-001', 'class', 'c', 2026, '2026-12-05', '2026-12-09', 'x', 'x');
      INSERT INTO trainees (id, name, created_at, updated_at) VALUES (1, 'a', 'x', 'x');
      INSERT INTO enrolments (id, class_id, trainee_id, created_at, updated_at) VALUES (1, 1, 1, 'x', 'x');
    `);
    expect(migrate(db, migrations, 17)).toBe(17);
    const insert = db.prepare('INSERT INTO checkins (enrolment_id, status, at, note) VALUES (?, ?, ?, ?)');
    insert.run(1, 'arrived', '2026-12-05T00:31:05.000Z', '');
    expect(() => insert.run(1, 'late', '2026-12-05T00:32:05.000Z', '')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare(`UPDATE checkins SET status = 'gone'`).run()).toThrow(/CHECK/);
    expect(() => insert.run(2, 'arrived', '2026-12-05T00:31:05.000Z', '')).toThrow(/FOREIGN/);
    expect(db.prepare(`SELECT action FROM audit_log WHERE entity = 'checkins'`).pluck().all()).toEqual(['create']);
    db.prepare('DELETE FROM enrolments WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM checkins').pluck().get()).toBe(0);
    db.close();
  });
});
