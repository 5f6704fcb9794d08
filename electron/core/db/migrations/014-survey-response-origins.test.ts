import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 14: where a questionnaire from a survey platform came from', () => {
  it('keeps version 13 surveys; an origin belongs to a response, once per answer sheet of a survey, and goes with it', () => {
    const db = openDatabase(join(temp.dir, 'm14.sqlite3'), { targetVersion: 13 });
    db.exec(`
      INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
        VALUES ('2019-003', '2019年年轻干部培训班', '主体班', 2019, '2019-09-09', '2019-09-20', 'planning', 't', 't');
      INSERT INTO surveys (class_id, satisfaction, subject, subject_id, items, created_at)
        VALUES (1, 'trainees', 'class', NULL, '["总体评价"]', 't');
      INSERT INTO survey_responses (survey_id, scores, comment, entered_at) VALUES (1, '[5]', '', 't'), (1, '[4]', '', 't');
    `);

    expect(migrate(db, migrations, 14)).toBe(14);
    expect(db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(2);
    const sha = 'a'.repeat(64);
    const origin = db.prepare(
      'INSERT INTO survey_response_origins (response_id, survey_id, platform, answer_key, file_sha256) VALUES (?, ?, ?, ?, ?)',
    );
    origin.run(1, 1, 'wjx', '1|2019/9/20 10:00:00', sha);
    expect(() => origin.run(2, 1, 'wjx', '1|2019/9/20 10:00:00', sha)).toThrow(/UNIQUE/);
    expect(() => origin.run(2, 1, 'surveymonkey', '2|x', sha)).toThrow(/CHECK/);
    expect(() => origin.run(2, 1, 'wjx', '2|x', 'short')).toThrow(/CHECK/);
    expect(() => origin.run(99, 1, 'wjx', '3|x', sha)).toThrow(/FOREIGN KEY/);
    origin.run(2, 1, 'tencent', '1|2019/9/20 10:00:00', sha);
    expect(db.prepare("SELECT action FROM audit_log WHERE entity = 'survey_response_origins'").pluck().all()).toEqual([
      'create',
      'create',
    ]);
    // A questionnaire deleted in the grid takes its origin along (imported again, it comes back).
    db.prepare('DELETE FROM survey_responses WHERE id = 1').run();
    expect(db.prepare('SELECT response_id FROM survey_response_origins').pluck().all()).toEqual([2]);
    db.prepare('DELETE FROM surveys').run();
    expect(db.prepare('SELECT count(*) FROM survey_response_origins').pluck().get()).toBe(0);
    db.close();
  });
});
