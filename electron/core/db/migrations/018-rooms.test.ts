import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 18: rooms and rooms kept for staff', () => {
  it('keeps version 17 households (no floor); a floor is bounded, a reservation names a stay and a room, both logged', () => {
    const db = openDatabase(join(temp.dir, 'm18.sqlite3'), { targetVersion: 17 });
    db.exec(`
      INSERT INTO sites (name, kind, created_at, updated_at) VALUES ('安石镇朝阳村', '村', 't', 't'), ('党校宿舍', '宿舍', 't', 't');
      INSERT INTO households (site_id, head, beds, hosts, created_at, updated_at) VALUES (1, '马金山', 3, 'any', 't', 't');
      INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
        VALUES ('2019-001', '青年干部培训班', '主体班', 2019, '2019-06-03', '2019-06-14', 'planning', 't', 't');
      INSERT INTO stays (class_id, site_id, arrive, depart, created_at, updated_at) VALUES (1, 2, '2019-06-03', '2019-06-05', 't', 't');
    `);
    const before = db.prepare('SELECT id, head, beds, hosts FROM households').all();
    expect(migrate(db, migrations, 18)).toBe(18);
    expect(db.prepare('SELECT id, head, beds, hosts FROM households').all()).toEqual(before);
    expect(db.prepare('SELECT floor FROM households').pluck().all()).toEqual([null]);
    db.prepare(
      "INSERT INTO households (site_id, head, beds, hosts, floor, created_at, updated_at) VALUES (2, '301', 2, 'male', 3, 't', 't')",
    ).run();
    expect(() => db.prepare('UPDATE households SET floor = 500 WHERE id = 2').run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO stay_reservations (stay_id, household_id, note) VALUES (1, 2, '班主任')").run();
    expect(() => db.prepare('INSERT INTO stay_reservations (stay_id, household_id) VALUES (1, 99)').run()).toThrow(/FOREIGN KEY/);
    const logged = db
      .prepare(
        "SELECT entity, after FROM audit_log WHERE action = 'create' AND entity IN ('households', 'stay_reservations') ORDER BY id",
      )
      .all() as {
      entity: string;
      after: string;
    }[];
    expect(logged.map((l) => l.entity)).toEqual(['households', 'households', 'stay_reservations']);
    expect(JSON.parse(logged[0]?.after ?? '{}')).not.toHaveProperty('floor');
    expect(JSON.parse(logged[1]?.after ?? '{}')).toMatchObject({ head: '301', floor: 3 });
    expect(JSON.parse(logged[2]?.after ?? '{}')).toMatchObject({ note: '班主任' });
    db.prepare('DELETE FROM stays').run();
    expect(db.prepare('SELECT count(*) FROM stay_reservations').pluck().get()).toBe(0);
    db.close();
  });
});
