import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 9: research reports, their versions, text, index, reviews and publication', () => {
  it('keeps version 8 data; a report keeps its author’s name when the enrolment goes; text and index are not logged', () => {
    const db = openDatabase(join(temp.dir, 'm9.sqlite3'), { targetVersion: 8 });
    db.prepare(
      `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
       VALUES ('2019-003', '2019年年轻干部培训班', '主体班', 2019, '2019-09-09', '2019-09-20', 'planning', 't', 't')`,
    ).run();
    db.prepare(`INSERT INTO staff (name, created_at, updated_at) VALUES ('王建国', 't', 't')`).run();
    db.prepare(`INSERT INTO trainees (name, created_at, updated_at) VALUES ('张三', 't', 't')`).run();
    db.prepare(`INSERT INTO enrolments (class_id, trainee_id, created_at, updated_at) VALUES (1, 1, 't', 't')`).run();
    db.prepare(`INSERT INTO stored_files (sha256, size, name, created_at) VALUES (?, 2048, '张三-调研报告.docx', 't')`).run(
      'c'.repeat(64),
    );

    expect(migrate(db, migrations, 9)).toBe(9);
    expect(db.prepare('SELECT name FROM enrolments JOIN trainees t ON t.id = trainee_id').pluck().all()).toEqual(['张三']);
    expect(db.prepare('SELECT name FROM stored_files').pluck().all()).toEqual(['张三-调研报告.docx']);

    const topic = db.prepare(
      `INSERT INTO report_topics (class_id, title, adviser_staff_id, max_authors, created_at, updated_at) VALUES (1, ?, 1, ?, 't', 't')`,
    );
    topic.run('生态农业与乡村振兴', 3);
    expect(() => topic.run('生态农业与乡村振兴', 3)).toThrow(/UNIQUE/);
    expect(() => topic.run('党建引领', 0)).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO reports (class_id, topic_id, title, created_at, updated_at) VALUES (1, 1, '朝阳村调研', 't', 't')`,
    ).run();
    db.prepare(`INSERT INTO report_authors (report_id, position, enrolment_id, name) VALUES (1, 0, 1, '张三')`).run();
    const version = db.prepare(
      `INSERT INTO report_versions (report_id, version, sha256, file_name, format, size, text_status, chars, submitted_at)
       VALUES (1, ?, ?, '张三-调研报告.docx', ?, 2048, 'text', 12, 't')`,
    );
    version.run(1, 'c'.repeat(64), 'docx');
    // A version points at a stored file, in a format the app reads, numbered once.
    expect(() => version.run(2, 'd'.repeat(64), 'docx')).toThrow(/FOREIGN KEY/);
    expect(() => version.run(2, 'c'.repeat(64), 'exe')).toThrow(/CHECK/);
    expect(() => version.run(1, 'c'.repeat(64), 'docx')).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM stored_files').run()).toThrow(/FOREIGN KEY/);

    // The derived text and its index: searchable, and not copied into the log.
    db.prepare(`INSERT INTO report_texts (version_id, text) VALUES (1, '朝阳村的生态农业')`).run();
    db.prepare(
      `INSERT INTO report_index (rowid, title, people, context, body) VALUES (1, '朝阳 阳村', '张三 zs', '', '生态 态农 农业')`,
    ).run();
    expect(db.prepare(`SELECT rowid FROM report_index WHERE report_index MATCH '"态农 农业"'`).pluck().all()).toEqual([1]);
    db.prepare('DELETE FROM report_index WHERE rowid = 1').run();
    expect(db.prepare(`SELECT count(*) FROM report_index WHERE report_index MATCH '农业'`).pluck().get()).toBe(0);
    const entities = db.prepare('SELECT DISTINCT entity FROM audit_log').pluck().all() as string[];
    expect(entities).toEqual(expect.arrayContaining(['report_topics', 'reports', 'report_authors', 'report_versions']));
    expect(entities).not.toContain('report_texts');

    const review = db.prepare(`INSERT INTO report_reviews (report_id, score, grade, reviewed_on) VALUES (1, ?, ?, '2019-09-25')`);
    expect(() => review.run(101, 'excellent')).toThrow(/CHECK/);
    expect(() => review.run(95, '优秀')).toThrow(/CHECK/);
    review.run(95, 'excellent');
    db.prepare(`INSERT INTO report_publications (report_id, journal, year, issue) VALUES (1, '辽源论丛', 2019, '第2期')`).run();
    db.prepare(`INSERT INTO report_forwardings (report_id, department, sent_on) VALUES (1, '市委办公室', '2019-10-08')`).run();

    // The roster may change after the reports are in: the author's name stays with the report.
    db.prepare('DELETE FROM enrolments').run();
    expect(db.prepare('SELECT enrolment_id, name FROM report_authors').all()).toEqual([{ enrolment_id: null, name: '张三' }]);
    // The class goes, and its reports with it, down to the forwardings; the stored file stays (the store prunes).
    db.prepare('DELETE FROM classes').run();
    for (const table of ['report_topics', 'reports', 'report_authors', 'report_versions', 'report_texts', 'report_reviews'])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    expect(db.prepare('SELECT count(*) FROM report_forwardings').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM stored_files').pluck().get()).toBe(1);
    db.close();
  });
});
