import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 6: a session as it is read', () => {
  it('keeps version 5 data and shows each session with its class and its teachers in the order given', () => {
    const db = openDatabase(join(temp.dir, 'm6.sqlite3'), { targetVersion: 5 });
    db.prepare(
      `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
       VALUES ('2019-003', '2019年年轻干部培训班', '主体班', 2019, '2019-06-03', '2019-06-14', 'planning', 't', 't')`,
    ).run();
    for (const name of ['王建国', '韩丽'])
      db.prepare(`INSERT INTO staff (name, created_at, updated_at) VALUES (?, 't', 't')`).run(name);
    db.prepare(
      `INSERT INTO sessions (class_id, date, start_time, end_time, title, groups, created_at, updated_at)
       VALUES (1, '2019-06-04', '08:30', '11:30', '现场教学：朝阳村', '[1,2]', 't', 't')`,
    ).run();
    // Han Li was named first.
    db.prepare('INSERT INTO session_teachers (session_id, staff_id) VALUES (1, 2), (1, 1)').run();
    expect(migrate(db, migrations, 6)).toBe(6);
    expect(db.prepare('SELECT id, class_name, title, groups, teachers FROM session_rows').all()).toEqual([
      {
        id: 1,
        class_name: '2019年年轻干部培训班',
        title: '现场教学：朝阳村',
        groups: '[1,2]',
        teachers: JSON.stringify([
          { id: 2, name: '韩丽' },
          { id: 1, name: '王建国' },
        ]),
      },
    ]);
    db.close();
  });
});
