import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 4: the content-addressed file store', () => {
  it('keeps version 3 data, and holds a stored file to its hash-shaped name and a size', () => {
    const db = openDatabase(join(temp.dir, 'm4.sqlite3'), { targetVersion: 3 });
    db.prepare(
      `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
       VALUES ('2019-002', '2019年市管干部培训班', '主体班', 2019, '2019-06-03', '2019-06-14', 'planning', 't', 't')`,
    ).run();
    expect(migrate(db, migrations, 4)).toBe(4);
    expect(db.prepare('SELECT name FROM classes').pluck().all()).toEqual(['2019年市管干部培训班']);

    const insert = db.prepare('INSERT INTO stored_files (sha256, size, name, created_at) VALUES (?, ?, ?, ?)');
    insert.run('a'.repeat(64), 1024, '张三-调研报告.docx', 't');
    expect(() => insert.run('short', 1, 'x', 't')).toThrow(/CHECK/);
    expect(() => insert.run('b'.repeat(64), -1, 'x', 't')).toThrow(/CHECK/);
    expect(() => insert.run('a'.repeat(64), 1, 'again', 't')).toThrow(/UNIQUE|PRIMARY/);
    // Audited like every table: who stored which file, by name.
    const logged = db.prepare("SELECT action, entity, after FROM audit_log WHERE entity = 'stored_files'").all();
    expect(logged).toEqual([{ action: 'create', entity: 'stored_files', after: expect.stringContaining('张三-调研报告.docx') }]);
    db.close();
  });
});
