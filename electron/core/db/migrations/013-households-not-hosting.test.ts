import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { readSchema } from '../schema-check';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 13: host households not hosting now', () => {
  it('keeps version 12 households with their stays and confirmations; 0 beds only for a household not hosting', () => {
    const file = join(temp.dir, 'm13.sqlite3');
    const db = openDatabase(file, { targetVersion: 12 });
    db.exec(`
      INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
        VALUES ('2019-003', '2019年年轻干部培训班', '主体班', 2019, '2019-09-09', '2019-09-20', 'planning', 't', 't');
      INSERT INTO sites (name, kind, created_at, updated_at) VALUES ('安石镇朝阳村', '村', 't', 't');
      INSERT INTO households (site_id, head, phone, beds, hosts, notes, active, created_at, updated_at)
        VALUES (1, '王大山', '13800000001', 3, 'male', '不吃辣', 1, 't', 't'), (1, '李秀兰', '', 2, 'female', '', 0, 't', 't');
      INSERT INTO stays (class_id, site_id, arrive, depart, created_at, updated_at) VALUES (1, 1, '2019-09-11', '2019-09-13', 't', 't');
      INSERT INTO trainees (name, sex, created_at, updated_at) VALUES ('张三', 'male', 't', 't');
      INSERT INTO enrolments (class_id, trainee_id, created_at, updated_at) VALUES (1, 1, 't', 't');
      INSERT INTO placements (stay_id, enrolment_id, household_id) VALUES (1, 1, 1);
      INSERT INTO stay_confirmations (stay_id, household_id, confirmed_on) VALUES (1, 1, '2019-09-05');
    `);
    const households = () => db.prepare('SELECT * FROM households ORDER BY id').all();
    const before = households();
    const logged = () => db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'households'").pluck().get();
    const logBefore = logged();

    expect(migrate(db, migrations, 13)).toBe(13);
    expect(households()).toEqual(before);
    // The copy is no change of anyone's: the log has nothing new.
    expect(logged()).toBe(logBefore);
    expect(db.prepare('SELECT stay_id, enrolment_id, household_id FROM placements').all()).toEqual([
      { stay_id: 1, enrolment_id: 1, household_id: 1 },
    ]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    // No beds: only a household that is not hosting now; still 50 at most.
    const add = db.prepare(
      "INSERT INTO households (site_id, head, beds, active, created_at, updated_at) VALUES (1, ?, ?, ?, 't', 't')",
    );
    add.run('赵暂停', 0, 0);
    expect(() => add.run('钱有床', 0, 1)).toThrow(/CHECK/);
    expect(() => add.run('孙太多', 51, 0)).toThrow(/CHECK/);
    // References still hold, and the log still follows the table.
    expect(() => db.prepare('DELETE FROM households WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    db.prepare("UPDATE households SET notes = '今年暂停接待', beds = 0, active = 0 WHERE id = 2").run();
    expect(db.prepare("SELECT action FROM audit_log WHERE entity = 'households' ORDER BY id DESC LIMIT 2").pluck().all()).toEqual(
      ['update', 'create'],
    );
    const schema = readSchema(db);
    db.close();

    // The file opens again: its schema is what the migrations make for version 13.
    const again = openDatabase(file, { targetVersion: 13 });
    expect(readSchema(again)).toEqual(schema);
    again.close();
  });
});
