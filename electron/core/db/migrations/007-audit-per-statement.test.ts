import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 7: audit triggers that mask in SQL, and the log masked as they mask', () => {
  it('keeps version 6 data and its log, and logs each later change with who, when and where, masked as before', () => {
    const context = { actor: 'unknown', channel: '', now: () => '' };
    const db = openDatabase(join(temp.dir, 'm7.sqlite3'), { targetVersion: 6, audit: context });
    db.prepare(
      `INSERT INTO trainees (name, birth_date, id_number, phone, created_at, updated_at)
       VALUES ('张三', '1980-05-06', '220402198005061235', '13943100001', 't', 't')`,
    ).run();
    // A line as earlier versions wrote it: the last four digits and the full birth date beside them.
    db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before, after, channel)
       VALUES ('2026-01-01T00:00:00.000Z', '班主任', 'update', 'trainees', '1', '', ?, ?, 'trainees.update')`,
    ).run(
      JSON.stringify({ name: '张三', birth_date: '1980-05-06', id_number: '220402********1235' }),
      JSON.stringify({ name: '张三', birth_date: '1980-05-06', id_number: '220402********1235', unit: '财政局' }),
    );
    const logBefore = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(migrate(db, migrations, 7)).toBe(7);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(logBefore);
    const old = db.prepare("SELECT before, after FROM audit_log WHERE at = '2026-01-01T00:00:00.000Z'").get() as Record<
      string,
      string
    >;
    expect(JSON.parse(old['before'] ?? '')).toEqual({ name: '张三', birth_date: '1980-05', id_number: '220402***********5' });
    expect(JSON.parse(old['after'] ?? '')).toMatchObject({
      birth_date: '1980-05',
      id_number: '220402***********5',
      unit: '财政局',
    });
    // And the log is append-only again.
    expect(() => db.prepare("UPDATE audit_log SET summary = 'x'").run()).toThrow(/append-only/);
    // No trigger calls back into JavaScript per row any more.
    const bodies = db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_audit_*'")
      .pluck()
      .all() as string[];
    expect(bodies.length).toBe(33);
    expect(bodies.filter((sql) => /cadre_(now|mask)/.test(sql))).toEqual([]);

    context.now = () => '2026-11-29T10:00:00.000Z';
    context.actor = '班主任';
    context.channel = 'trainees.update';
    db.prepare("UPDATE trainees SET phone = '13943100002', unit = '辽源市财政局' WHERE name = '张三'").run();
    const line = db
      .prepare('SELECT at, actor, action, entity, channel, before, after FROM audit_log ORDER BY id DESC LIMIT 1')
      .get() as Record<string, string>;
    expect(line).toMatchObject({
      at: '2026-11-29T10:00:00.000Z',
      actor: '班主任',
      action: 'update',
      entity: 'trainees',
      channel: 'trainees.update',
    });
    expect(JSON.parse(line['after'] ?? '')).toMatchObject({
      id_number: '220402***********5',
      birth_date: '1980-05',
      phone: '139****0002',
      unit: '辽源市财政局',
    });
    expect(JSON.parse(line['before'] ?? '')).toMatchObject({ phone: '139****0001' });
    db.close();
  });
});
