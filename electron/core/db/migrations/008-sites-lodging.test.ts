import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import type { Db } from '../db';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

const lastLog = (db: Db, entity: string) =>
  db.prepare('SELECT action, before, after FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT 1').get(entity) as
    { action: string; before: string | null; after: string | null } | undefined;

describe('migration 8: teaching bases and points, host households, stays and the four togethers', () => {
  it('keeps version 7 sessions and staff, gives them a point and the 外聘 mark, and logs the new tables masked', () => {
    const db = openDatabase(join(temp.dir, 'm8.sqlite3'), { targetVersion: 7 });
    db.prepare(
      `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
       VALUES ('2019-003', '2019年年轻干部培训班', '主体班', 2019, '2019-09-09', '2019-09-20', 'planning', 't', 't')`,
    ).run();
    db.prepare(`INSERT INTO staff (name, phone, created_at, updated_at) VALUES ('韩丽', '13943100001', 't', 't')`).run();
    db.prepare(
      `INSERT INTO sessions (class_id, date, start_time, end_time, title, place, created_at, updated_at)
       VALUES (1, '2019-09-11', '08:30', '11:30', '现场教学：朝阳村', '安石镇朝阳村', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO trainees (name, sex, created_at, updated_at) VALUES ('张三', 'male', 't', 't'), ('李梅', 'female', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO enrolments (class_id, trainee_id, group_no, created_at, updated_at) VALUES (1, 1, 1, 't', 't'), (1, 2, 1, 't', 't')`,
    ).run();

    expect(migrate(db, migrations, 8)).toBe(8);
    // What was there stays as it was: the free-text place kept, no point yet, every teacher internal.
    expect(db.prepare('SELECT title, place, site_id FROM sessions').all()).toEqual([
      { title: '现场教学：朝阳村', place: '安石镇朝阳村', site_id: null },
    ]);
    expect(db.prepare('SELECT name, external FROM staff').all()).toEqual([{ name: '韩丽', external: 0 }]);

    const base = db
      .prepare(`INSERT INTO site_bases (name, created_at, updated_at) VALUES ('安石镇朝阳村', 't', 't')`)
      .run().lastInsertRowid;
    const village = db
      .prepare(
        `INSERT INTO sites (base_id, name, kind, contact_phone, capacity, created_at, updated_at)
         VALUES (?, '朝阳村', '村', '13943100002', 60, 't', 't')`,
      )
      .run(base).lastInsertRowid;
    const wetland = db
      .prepare(`INSERT INTO sites (name, kind, created_at, updated_at) VALUES ('水源地保护湿地建设', '产业园', 't', 't')`)
      .run().lastInsertRowid;
    const household = db
      .prepare(
        `INSERT INTO households (site_id, head, phone, beds, hosts, created_at, updated_at)
         VALUES (?, '王大山', '13943100003', 3, 'any', 't', 't')`,
      )
      .run(village).lastInsertRowid;
    // The village's phone numbers stay masked in the log, as trainees' do.
    expect(JSON.parse(lastLog(db, 'sites')?.after ?? '')).toMatchObject({ name: '水源地保护湿地建设' });
    expect(JSON.parse(lastLog(db, 'households')?.after ?? '')).toMatchObject({ head: '王大山', phone: '139****0003', beds: 3 });
    const contact = db.prepare("SELECT after FROM audit_log WHERE entity = 'sites' ORDER BY id LIMIT 1").pluck().get() as string;
    expect(JSON.parse(contact)).toMatchObject({ contact_phone: '139****0002' });

    // The sessions' and staff's triggers were made again with their new column.
    db.prepare('UPDATE sessions SET site_id = ?').run(village);
    expect(lastLog(db, 'sessions')).toMatchObject({ action: 'update' });
    expect(JSON.parse(lastLog(db, 'sessions')?.after ?? '')).toMatchObject({ site_id: Number(village), place: '安石镇朝阳村' });
    db.prepare('UPDATE staff SET external = 1').run();
    expect(JSON.parse(lastLog(db, 'staff')?.after ?? '')).toMatchObject({ external: 1, phone: '139****0001' });

    // The rules the schema holds on its own, whatever the services do.
    const householdInsert = db.prepare(
      `INSERT INTO households (site_id, head, beds, hosts, created_at, updated_at) VALUES (?, ?, ?, ?, 't', 't')`,
    );
    expect(() => householdInsert.run(village, '零床户', 0, 'any')).toThrow(/CHECK/);
    expect(() => householdInsert.run(village, '负床户', -2, 'any')).toThrow(/CHECK/);
    expect(() => householdInsert.run(village, '李四', 2, 'both')).toThrow(/CHECK/);
    expect(() => householdInsert.run(village, '王大山', 2, 'any')).toThrow(/UNIQUE/);
    const travel = db.prepare('INSERT INTO site_travel (from_site, to_site, minutes) VALUES (?, ?, ?)');
    const [near, far] = [Number(village), Number(wetland)].sort((a, b) => a - b);
    travel.run(near, far, 25);
    // Stored once: the other way round is refused, not a second, disagreeing figure.
    expect(() => travel.run(far, near, 30)).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO site_reviews (site_id, reviewed_on, theme, courses, facilities, management, teaching, effect, created_at)
                  VALUES (?, '2019-09-20', 5, 5, 6, 4, 4, 4, 't')`,
        )
        .run(village),
    ).toThrow(/CHECK/);

    const stayInsert = db.prepare(
      `INSERT INTO stays (class_id, site_id, arrive, depart, created_at, updated_at) VALUES (1, ?, ?, ?, 't', 't')`,
    );
    expect(() => stayInsert.run(village, '2019-09-13', '2019-09-11')).toThrow(/CHECK/);
    expect(() => stayInsert.run(village, '2019-09-11', '2019-09-11')).toThrow(/CHECK/);
    const stay = stayInsert.run(village, '2019-09-11', '2019-09-13').lastInsertRowid;
    const place = db.prepare('INSERT INTO placements (stay_id, enrolment_id, household_id, locked) VALUES (?, ?, ?, ?)');
    place.run(stay, 1, household, 1);
    // One bed a person for the stay.
    expect(() => place.run(stay, 1, household, 0)).toThrow(/UNIQUE|PRIMARY/);
    expect(JSON.parse(lastLog(db, 'placements')?.after ?? '')).toMatchObject({ enrolment_id: 1, locked: 1 });
    db.prepare(`INSERT INTO stay_days (stay_id, date, meals, labour_hours) VALUES (?, '2019-09-11', '["午餐","晚餐"]', 4)`).run(
      stay,
    );
    expect(() =>
      db.prepare(`INSERT INTO stay_days (stay_id, date, labour_hours) VALUES (?, '2019-09-12', 25)`).run(stay),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO stay_participants (stay_id, enrolment_id, participation) VALUES (?, 2, 'maybe')`).run(stay),
    ).toThrow(/CHECK/);
    // A household that hosted someone cannot be deleted from under the placement; the stay's own rows go with it.
    expect(() => db.prepare('DELETE FROM households WHERE id = ?').run(household)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM stays WHERE id = ?').run(stay);
    expect(db.prepare('SELECT count(*) FROM placements').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM stay_days').pluck().get()).toBe(0);

    // Every new table is audited: insert, update and delete.
    const tables = [
      'site_bases',
      'sites',
      'site_travel',
      'site_reviews',
      'households',
      'stays',
      'placements',
      'stay_days',
      'stay_participants',
      'household_payments',
    ];
    const triggers = db
      .prepare("SELECT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_audit_*'")
      .pluck()
      .all() as string[];
    for (const table of tables)
      expect(
        triggers.filter((name) => name === table),
        table,
      ).toHaveLength(3);
    db.close();
  });
});
