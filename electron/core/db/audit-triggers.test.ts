import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../../shared/idcard';
import { makeTempDir } from '../testing/temp-core';
import { maskIdSql, maskPhoneSql } from './audit-triggers';
import { openDatabase } from './connection';
import { statement } from './statements';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('the audit triggers’ masks', () => {
  it('mask ID numbers and phones in SQL exactly as the screens mask them', () => {
    const db = openDatabase(join(temp.dir, 'masks.sqlite3'));
    const sqlMaskId = db.prepare<[string], string>(`WITH v (x) AS (SELECT ?) SELECT ${maskIdSql('x')} FROM v`).pluck();
    const sqlMaskPhone = db.prepare<[string], string>(`WITH v (x) AS (SELECT ?) SELECT ${maskPhoneSql('x')} FROM v`).pluck();
    const text = fc.oneof(
      fc.stringMatching(/^[0-9]{17}[0-9X]$/),
      fc.stringMatching(/^1[0-9]{10}$/),
      fc.stringMatching(/^0[0-9]{2,3}-?[0-9]{7,8}$/),
      fc.string({ unit: fc.constantFrom(...'0123456789X -+（）'), maxLength: 24 }),
      fc.string({ maxLength: 12 }),
    );
    let tried = 0;
    fc.assert(
      fc.property(text, (value) => {
        tried += 1;
        if (value !== '') expect(sqlMaskId.get(value)).toBe(maskIdNumber(value));
        if (value !== '') expect(sqlMaskPhone.get(value)).toBe(maskPhone(value));
        expect(sqlMaskId.get('')).toBe('');
      }),
      { numRuns: 2000 },
    );
    expect(tried).toBe(2000);
    db.close();
  });

  it('ask who, when and through which call at each run of a statement, never from an earlier run', () => {
    const context = { actor: '班主任甲', channel: 'classes.create', now: () => '2026-11-29T08:00:00.000Z' };
    const db = openDatabase(join(temp.dir, 'context.sqlite3'), { audit: context });
    // The same prepared statement, run three times under three contexts, and many rows in one run.
    const insert = statement(db, `INSERT INTO vocab (kind, value, position) SELECT 'module', value, key FROM json_each(?)`);
    insert.run(JSON.stringify(['一']));
    context.actor = '班主任乙';
    context.channel = 'vocab.set';
    context.now = () => '2026-11-29T09:00:00.000Z';
    insert.run(JSON.stringify(['二', '三', '四']));
    context.channel = 'app.loadSample';
    insert.run(JSON.stringify(['五']));
    const lines = db.prepare('SELECT at, actor, channel FROM audit_log ORDER BY id').all();
    expect(lines).toEqual([
      { at: '2026-11-29T08:00:00.000Z', actor: '班主任甲', channel: 'classes.create' },
      ...Array.from({ length: 3 }, () => ({ at: '2026-11-29T09:00:00.000Z', actor: '班主任乙', channel: 'vocab.set' })),
      { at: '2026-11-29T09:00:00.000Z', actor: '班主任乙', channel: 'app.loadSample' },
    ]);
    db.close();
  });
});
