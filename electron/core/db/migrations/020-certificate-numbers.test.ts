import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareStroke } from '../../../../shared/text/collation';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { certificateNumbersMigration } from './020-certificate-numbers';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 020: certificate numbers kept', () => {
  it('numbers the closed classes as their certificates were printed, leaves the open ones, and holds each number to its class', () => {
    const version = certificateNumbersMigration.version;
    const db = openDatabase(join(temp.dir, 'm20.sqlite3'), { targetVersion: version - 1 });
    db.exec(`
      INSERT INTO classes (id, code, name, category, year, start_date, end_date, status, created_at, updated_at)
        VALUES (1, '2019-001', 'a', 'c', 2019, '2019-06-03', '2019-06-28', 'finished', 'x', 'x'),
               (2, '2019-002', 'b', 'c', 2019, '2019-09-09', '2019-09-20', 'archived', 'x', 'x'),
               (3, '2026-001', 'c', 'c', 2026, '2026-12-05', '2026-12-09', 'in_progress', 'x', 'x');
      INSERT INTO trainees (id, name, created_at, updated_at)
        VALUES (1, '张三', 'x', 'x'), (2, '李四', 'x', 'x'), (3, '王五', 'x', 'x'), (4, '单田芳', 'x', 'x'),
               (5, '欧阳修', 'x', 'x'), (6, '赵六', 'x', 'x');
      INSERT INTO enrolments (id, class_id, trainee_id, status, created_at, updated_at)
        VALUES (1, 1, 1, 'completed', 'x', 'x'), (2, 1, 2, 'completed', 'x', 'x'), (3, 1, 3, 'completed', 'x', 'x'),
               (4, 1, 6, 'withdrawn', 'x', 'x'),
               (5, 2, 4, 'completed', 'x', 'x'), (6, 2, 5, 'completed', 'x', 'x'),
               (7, 3, 1, 'active', 'x', 'x'), (8, 3, 2, 'active', 'x', 'x');
    `);
    expect(migrate(db, migrations, version)).toBe(version);
    const numbered = db
      .prepare(
        'SELECT c.class_id, t.name, c.seq FROM certificate_numbers c JOIN enrolments e ON e.id = c.enrolment_id JOIN trainees t ON t.id = e.trainee_id ORDER BY c.class_id, c.seq',
      )
      .all();
    // The order they were printed in (ICU's within a stroke count: 张 before 李, 单 before 欧), though the
    // mainland order the app now sorts by puts 李 before 张 and 欧 before 单. The withdrawn have none.
    expect(numbered).toEqual([
      { class_id: 1, name: '王五', seq: 1 },
      { class_id: 1, name: '张三', seq: 2 },
      { class_id: 1, name: '李四', seq: 3 },
      { class_id: 2, name: '单田芳', seq: 1 },
      { class_id: 2, name: '欧阳修', seq: 2 },
    ]);
    expect(['张三', '李四'].sort(compareStroke)).toEqual(['李四', '张三']);
    expect(['单田芳', '欧阳修'].sort(compareStroke)).toEqual(['欧阳修', '单田芳']);
    // Numbered here before the log's triggers: the migration wrote no lines; later writes are logged.
    expect(db.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'certificate_numbers'`).pluck().get()).toBe(0);
    const insert = db.prepare('INSERT INTO certificate_numbers (enrolment_id, class_id, seq) VALUES (?, ?, ?)');
    expect(() => insert.run(7, 1, 9)).toThrow(/another class/);
    expect(() => insert.run(7, 3, 0)).toThrow(/CHECK/);
    insert.run(7, 3, 1);
    expect(() => insert.run(8, 3, 1)).toThrow(/UNIQUE/);
    expect(db.prepare(`SELECT action FROM audit_log WHERE entity = 'certificate_numbers'`).pluck().all()).toEqual(['create']);
    db.prepare('DELETE FROM classes WHERE id = 3').run();
    expect(db.prepare('SELECT count(*) FROM certificate_numbers WHERE class_id = 3').pluck().get()).toBe(0);
    db.close();
  });
});
