import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 15: households with rooms apart for men and women', () => {
  it('keeps version 14 households (none of them mixed); the flag is 0 or 1 and its changes are logged', () => {
    const db = openDatabase(join(temp.dir, 'm15.sqlite3'), { targetVersion: 14 });
    db.exec(`
      INSERT INTO sites (name, kind, created_at, updated_at) VALUES ('安石镇朝阳村', '村', 't', 't');
      INSERT INTO households (site_id, head, phone, beds, hosts, notes, active, created_at, updated_at)
        VALUES (1, '马金山', '13800000001', 3, 'any', '', 1, 't', 't'), (1, '王德福', '', 4, 'any', '', 1, 't', 't');
    `);
    const before = db.prepare('SELECT id, head, beds, hosts FROM households ORDER BY id').all();

    expect(migrate(db, migrations, 15)).toBe(15);
    expect(db.prepare('SELECT id, head, beds, hosts FROM households ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT mixed_rooms FROM households').pluck().all()).toEqual([0, 0]);
    expect(() => db.prepare('UPDATE households SET mixed_rooms = 2 WHERE id = 1').run()).toThrow(/CHECK/);
    db.prepare('UPDATE households SET mixed_rooms = 1 WHERE id = 2').run();
    const logged = db.prepare("SELECT before, after FROM audit_log WHERE entity = 'households' AND action = 'update'").all() as {
      before: string;
      after: string;
    }[];
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]?.after ?? '{}')).toMatchObject({ head: '王德福', mixed_rooms: 1 });
    expect(JSON.parse(logged[0]?.before ?? '{}')).toMatchObject({ mixed_rooms: 0 });
    // The phone is still masked in the log, as before.
    db.prepare("UPDATE households SET phone = '13900000002' WHERE id = 1").run();
    expect(
      db.prepare("SELECT after FROM audit_log WHERE entity = 'households' ORDER BY id DESC LIMIT 1").pluck().get(),
    ).not.toContain('13900000002');
    db.close();
  });
});
