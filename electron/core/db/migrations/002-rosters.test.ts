import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 2: trainees, enrolments, audit log', () => {
  it('keeps the classes of version 1 and adds rosters whose rules hold', () => {
    const db = openDatabase(join(temp.dir, 'm2.sqlite3'), { targetVersion: 1 });
    db.prepare(
      `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
       VALUES ('2019-001', '2019年市管干部培训班', '市管干部培训班', 2019, '2019-06-03', '2019-06-14', 'finished', 't', 't')`,
    ).run();
    const before = db.prepare('SELECT * FROM classes').all();
    expect(migrate(db, migrations, 2)).toBe(2);
    expect(db.prepare('SELECT * FROM classes').all()).toEqual(before);

    const trainee = db.prepare(`INSERT INTO trainees (name, id_number, created_at, updated_at) VALUES (?, ?, 't', 't')`);
    const { lastInsertRowid: first } = trainee.run('张三', '22040219800506123X');
    expect(() => trainee.run('张三', '22040219800506123X')).toThrow(/UNIQUE/);
    expect(() => trainee.run('李四', '2204021980')).toThrow(/CHECK/);
    const enrol = db.prepare(`INSERT INTO enrolments (class_id, trainee_id, created_at, updated_at) VALUES (?, ?, 't', 't')`);
    enrol.run(1, first);
    expect(() => enrol.run(1, first)).toThrow(/UNIQUE/);
    expect(() => enrol.run(99, first)).toThrow(/FOREIGN KEY/);
    // A person still on a roster cannot be deleted; deleting the class takes its roster with it.
    expect(() => db.prepare('DELETE FROM trainees WHERE id = ?').run(first)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM classes WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM enrolments').pluck().get()).toBe(0);

    // The audit log takes entries and refuses every change to them.
    db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, summary) VALUES ('t', 'admin', 'export', 'class', '导出名册')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_log SET summary = '改过'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT summary FROM audit_log').pluck().all()).toEqual(['导出名册']);
    db.close();
  });
});
