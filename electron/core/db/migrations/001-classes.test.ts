import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 1: settings, lists, classes', () => {
  it('creates strict tables whose constraints hold', () => {
    const db = openDatabase(join(temp.dir, 'm1.sqlite3'), { targetVersion: 0 });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(migrate(db, migrations, 1)).toBe(1);

    const insert = db.prepare(
      `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
       VALUES (?, ?, '主体班', ?, ?, ?, ?, 'now', 'now')`,
    );
    insert.run('2019-001', '2019年市管干部培训班', 2019, '2019-06-03', '2019-06-14', 'planning');
    expect(() => insert.run('2019-001', '重复编号', 2019, '2019-06-03', '2019-06-14', 'planning')).toThrow(/UNIQUE/);
    expect(() => insert.run('2019-002', '倒序日期', 2019, '2019-06-14', '2019-06-03', 'planning')).toThrow(/CHECK/);
    expect(() => insert.run('2019-003', '未知状态', 2019, '2019-06-03', '2019-06-14', 'lost')).toThrow(/CHECK/);
    expect(() => insert.run('2019-004', '年份类型', '二〇一九', '2019-06-03', '2019-06-14', 'planning')).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(db.prepare('SELECT name FROM classes').pluck().all()).toEqual(['2019年市管干部培训班']);
    db.close();
  });
});
