import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 5: staff, sessions and attendance', () => {
  it('keeps version 4 data and lets the database itself refuse what the app never writes', () => {
    const db = openDatabase(join(temp.dir, 'm5.sqlite3'), { targetVersion: 4 });
    db.prepare(
      `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
       VALUES ('2019-002', '2019年市管干部培训班', '主体班', 2019, '2019-06-03', '2019-06-14', 'planning', 't', 't')`,
    ).run();
    expect(migrate(db, migrations, 5)).toBe(5);
    expect(db.prepare('SELECT name FROM classes').pluck().all()).toEqual(['2019年市管干部培训班']);

    db.prepare(`INSERT INTO staff (name, created_at, updated_at) VALUES ('王建国', 't', 't')`).run();
    const session = db.prepare(
      `INSERT INTO sessions (class_id, date, start_time, end_time, title, groups, created_at, updated_at)
       VALUES (1, '2019-06-03', ?, ?, ?, ?, 't', 't')`,
    );
    session.run('08:30', '11:30', '开班式', '[]');
    // The last line of defence behind the schemas: times in order, a title, groups as a list.
    expect(() => session.run('11:30', '08:30', '倒过来的课', '[]')).toThrow(/CHECK/);
    expect(() => session.run('8:30', '11:30', '格式不对', '[]')).toThrow(/CHECK/);
    expect(() => session.run('08:30', '11:30', '', '[]')).toThrow(/CHECK/);
    expect(() => session.run('08:30', '11:30', '小组不是列表', '{"a":1}')).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO session_teachers (session_id, staff_id) VALUES (1, 99)`).run()).toThrow(/FOREIGN KEY/);

    // A teacher who taught cannot vanish from the records; deleting a class takes its sessions along.
    db.prepare(`INSERT INTO session_teachers (session_id, staff_id) VALUES (1, 1)`).run();
    expect(() => db.prepare('DELETE FROM staff WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM classes WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM session_teachers').pluck().get()).toBe(0);
    db.close();
  });
});
