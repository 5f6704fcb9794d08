import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 11: host households confirmed for a stay', () => {
  it('keeps version 10 stays and placements; a confirmation belongs to a stay and a household that exist', () => {
    const db = openDatabase(join(temp.dir, 'm11.sqlite3'), { targetVersion: 10 });
    db.exec(`
      INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
        VALUES ('2019-003', '2019年年轻干部培训班', '主体班', 2019, '2019-09-09', '2019-09-20', 'planning', 't', 't');
      INSERT INTO sites (name, kind, created_at, updated_at) VALUES ('安石镇朝阳村', '村', 't', 't');
      INSERT INTO households (site_id, head, beds, created_at, updated_at) VALUES (1, '王大山', 3, 't', 't');
      INSERT INTO stays (class_id, site_id, arrive, depart, created_at, updated_at) VALUES (1, 1, '2019-09-11', '2019-09-13', 't', 't');
      INSERT INTO trainees (name, sex, created_at, updated_at) VALUES ('张三', 'male', 't', 't');
      INSERT INTO enrolments (class_id, trainee_id, created_at, updated_at) VALUES (1, 1, 't', 't');
      INSERT INTO placements (stay_id, enrolment_id, household_id) VALUES (1, 1, 1);
    `);

    expect(migrate(db, migrations, 11)).toBe(11);
    expect(db.prepare('SELECT stay_id, enrolment_id, household_id, locked FROM placements').all()).toEqual([
      { stay_id: 1, enrolment_id: 1, household_id: 1, locked: 0 },
    ]);

    const confirm = db.prepare('INSERT INTO stay_confirmations (stay_id, household_id, confirmed_on) VALUES (?, ?, ?)');
    confirm.run(1, 1, '2019-09-05');
    expect(() => confirm.run(1, 1, '2019-09-06')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => confirm.run(1, 99, '2019-09-06')).toThrow(/FOREIGN KEY/);
    expect(() => confirm.run(99, 1, '2019-09-06')).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT action, after FROM audit_log WHERE entity = 'stay_confirmations'").all()).toEqual([
      { action: 'create', after: JSON.stringify({ stay_id: 1, household_id: 1, confirmed_on: '2019-09-05' }) },
    ]);
    // A household that agreed cannot vanish from the record; the stay takes its confirmations along.
    db.prepare('DELETE FROM placements').run();
    expect(() => db.prepare('DELETE FROM households').run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM stays').run();
    expect(db.prepare('SELECT count(*) FROM stay_confirmations').pluck().get()).toBe(0);
    expect(db.prepare("SELECT action FROM audit_log WHERE entity = 'stay_confirmations' ORDER BY id DESC").pluck().get()).toBe(
      'delete',
    );
    db.close();
  });
});
