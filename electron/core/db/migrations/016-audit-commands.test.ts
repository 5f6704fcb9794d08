import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 16: the audit log read a command at a time', () => {
  it('keeps every line; runs of lines one transaction wrote become one command; commands are append-only', () => {
    const db = openDatabase(join(temp.dir, 'm16.sqlite3'), { targetVersion: 15 });
    const line = db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, channel) VALUES (?, 'admin', ?, 'reports', ?, ?, ?)`,
    );
    // An upload of two files (three lines at one moment), a lone export, and two commands of one
    // channel at two moments.
    line.run('2026-12-05T01:50:00.000Z', 'create', '1', '', 'reports.commit');
    line.run('2026-12-05T01:50:00.000Z', 'create', '2', '', 'reports.commit');
    line.run('2026-12-05T01:50:00.000Z', 'import', '3', '上传调研报告 2 份文件', 'reports.commit');
    line.run('2026-12-05T01:51:00.000Z', 'export', null, '导出', 'reports.export');
    line.run('2026-12-05T01:52:00.000Z', 'update', '1', '', 'reports.review');
    line.run('2026-12-05T01:52:00.000Z', 'update', '1', '', 'reports.review');
    line.run('2026-12-05T01:53:00.000Z', 'update', '2', '', 'reports.review');
    const before = db.prepare('SELECT * FROM audit_log ORDER BY id').all();

    expect(migrate(db, migrations, 16)).toBe(16);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT id, last_id, door, operator FROM audit_commands ORDER BY id').all()).toEqual([
      { id: 1, last_id: 3, door: '', operator: '' },
      { id: 5, last_id: 6, door: '', operator: '' },
    ]);
    expect(() => db.prepare('UPDATE audit_commands SET operator = ?').run('别人')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_commands').run()).toThrow(/append-only/);
    expect(() => db.prepare(`INSERT INTO audit_commands (id, last_id, door) VALUES (9, 8, 'app')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO audit_commands (id, last_id, door) VALUES (9, 9, 'web')`).run()).toThrow(/CHECK/);
    db.close();
  });
});
