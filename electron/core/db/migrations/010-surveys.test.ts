import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 10: satisfaction surveys', () => {
  it('keeps version 9 data; holds a survey to one of the four satisfactions and subjects; logs responses', () => {
    const db = openDatabase(join(temp.dir, 'm10.sqlite3'), { targetVersion: 9 });
    db.prepare(
      `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
       VALUES ('2019-003', '2019年年轻干部培训班', '主体班', 2019, '2019-09-09', '2019-09-20', 'finished', 't', 't')`,
    ).run();
    db.prepare(`INSERT INTO report_topics (class_id, title, created_at, updated_at) VALUES (1, '乡村治理', 't', 't')`).run();

    expect(migrate(db, migrations, 10)).toBe(10);
    expect(db.prepare('SELECT title FROM report_topics').pluck().all()).toEqual(['乡村治理']);

    const template = db.prepare('INSERT INTO survey_templates (satisfaction, name, items) VALUES (?, ?, ?)');
    template.run('teachers', '教师满意度测评表', '["教学内容","教学方法"]');
    expect(() => template.run('teachers', '又一份', '[]')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => template.run('parents', '家长满意', '[]')).toThrow(/CHECK/);

    const survey = db.prepare(
      `INSERT INTO surveys (class_id, satisfaction, subject, subject_id, items, created_at) VALUES (1, ?, ?, ?, '["教学内容"]', 't')`,
    );
    survey.run('teachers', 'teacher', 7);
    expect(() => survey.run('teachers', 'teacher', 7)).toThrow(/UNIQUE/);
    expect(() => survey.run('teachers', 'canteen', 1)).toThrow(/CHECK/);
    survey.run('organisation', 'class', null);
    db.prepare(`INSERT INTO survey_responses (survey_id, scores, comment, entered_at) VALUES (1, '[5,4]', '讲得好', 't')`).run();
    expect(
      JSON.parse(
        (db.prepare("SELECT after FROM audit_log WHERE entity = 'survey_responses'").pluck().get() as string | undefined) ?? '',
      ),
    ).toMatchObject({ survey_id: 1, scores: '[5,4]', comment: '讲得好' });
    // A class's questionnaires go with it.
    db.prepare('DELETE FROM classes').run();
    expect(db.prepare('SELECT count(*) FROM surveys').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(0);
    // The templates are the school's, not the class's.
    expect(db.prepare('SELECT count(*) FROM survey_templates').pluck().get()).toBe(1);
    db.close();
  });
});
