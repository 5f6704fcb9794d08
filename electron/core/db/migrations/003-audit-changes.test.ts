import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { type AuditContext, migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 3: every change in the audit log', () => {
  it('keeps version 2 data and logs each change with who, through what, before and after', () => {
    const audit: AuditContext = { actor: '教务处-王老师', channel: '', now: () => '2026-11-25T08:00:00.000Z' };
    const db = openDatabase(join(temp.dir, 'm3.sqlite3'), { targetVersion: 2, audit });
    db.prepare(
      `INSERT INTO trainees (name, id_number, phone, created_at, updated_at) VALUES ('张三', '22040219800506123X', '13943100001', 't', 't')`,
    ).run();
    expect(migrate(db, migrations, 3)).toBe(3);
    expect(db.prepare('SELECT name FROM trainees').pluck().all()).toEqual(['张三']);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);

    audit.channel = 'trainees.update';
    db.prepare(`UPDATE trainees SET unit = '辽源市财政局', updated_at = 'u' WHERE name = '张三'`).run();
    db.prepare(`UPDATE trainees SET updated_at = 'v' WHERE name = '张三'`).run();
    const [entry, ...others] = db.prepare('SELECT * FROM audit_log').all() as Record<string, string>[];
    // Touching only the timestamp is not a change worth a line.
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      at: '2026-11-25T08:00:00.000Z',
      actor: '教务处-王老师',
      action: 'update',
      entity: 'trainees',
      entity_id: '1',
      channel: 'trainees.update',
    });
    expect(JSON.parse(entry?.['before'] ?? '{}')).toMatchObject({
      unit: '',
      id_number: '220402***********X',
      phone: '139****0001',
    });
    expect(JSON.parse(entry?.['after'] ?? '{}')).toMatchObject({ unit: '辽源市财政局' });
    // Personal data never reaches the log in full.
    expect(entry?.['before']).not.toContain('22040219800506123X');
    db.close();
  });

  it('covers every table that holds data', () => {
    const db = openDatabase(join(temp.dir, 'all.sqlite3'));
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit_log', 'audit_commands')`,
      )
      .pluck()
      .all() as string[];
    const triggers = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`).pluck().all() as string[]);
    // Derived data, not logged: a report's text (read again from its stored file at will) and the
    // search index over it (a virtual table and the tables FTS5 keeps it in).
    const derived = (table: string) => table === 'report_texts' || table.startsWith('report_index');
    const missing = tables
      .filter((table) => !derived(table))
      .flatMap((table) => ['insert', 'update', 'delete'].map((action) => `${table}_audit_${action}`))
      .filter((name) => !triggers.has(name));
    expect(missing).toEqual([]);
    db.close();
  });
});
