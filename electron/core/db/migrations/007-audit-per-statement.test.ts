import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 7: audit triggers that ask once per statement and mask in SQL', () => {
  it('keeps version 6 data and its log, and logs each later change with who, when and where, masked as before', () => {
    const context = { actor: 'unknown', channel: '', now: () => '' };
    const db = openDatabase(join(temp.dir, 'm7.sqlite3'), { targetVersion: 6, audit: context });
    db.prepare(
      `INSERT INTO trainees (name, id_number, phone, created_at, updated_at) VALUES ('张三', '220402198005061235', '13943100001', 't', 't')`,
    ).run();
    const logBefore = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(migrate(db, migrations, 7)).toBe(7);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(logBefore);
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
      id_number: '220402********1235',
      phone: '139****0002',
      unit: '辽源市财政局',
    });
    expect(JSON.parse(line['before'] ?? '')).toMatchObject({ phone: '139****0001' });
    db.close();
  });
});
