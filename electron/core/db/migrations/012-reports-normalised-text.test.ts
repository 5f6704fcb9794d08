import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchExpression } from '../../../../shared/text/search-tokens';
import { makeTempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../connection';
import { readSchema } from '../schema-check';
import { migrations } from './index';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('migration 12: report texts and titles in ordinary characters, indexed again', () => {
  it('rewrites a version 11 report whose PDF named 人 and 手 by their Kangxi radicals, and finds it by ordinary characters', () => {
    const db = openDatabase(join(temp.dir, 'm12.sqlite3'), { targetVersion: 11 });
    // Two reports handed in at version 11, indexed as version 11 indexed them (its tokens are the pairs
    // of the characters as they stood), and one chosen but not handed in.
    db.exec(`
      INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
        VALUES ('2019-003', '2019年年轻干部培训班', '主体班', 2019, '2019-09-09', '2019-09-20', 'planning', 't', 't');
      INSERT INTO trainees (name, created_at, updated_at) VALUES ('张伟', 't', 't'), ('王芳', 't', 't');
      INSERT INTO enrolments (class_id, trainee_id, created_at, updated_at) VALUES (1, 1, 't', 't'), (1, 2, 't', 't');
      INSERT INTO stored_files (sha256, size, name, created_at)
        VALUES ('${'a'.repeat(64)}', 2048, '张伟.pdf', 't'), ('${'b'.repeat(64)}', 1024, '王芳.txt', 't');
      INSERT INTO reports (class_id, title, created_at, updated_at)
        VALUES (1, '个\u2f08知识库助\u2f3f的应\u2f64', 't', 't'), (1, '朝阳村生态农业调研', 't', 't'), (1, '', 't', 't');
      INSERT INTO report_authors (report_id, position, enrolment_id, name) VALUES (1, 0, 1, '张伟'), (2, 0, 2, '王芳');
      INSERT INTO report_versions (report_id, version, sha256, file_name, format, size, text_status, chars, submitted_at)
        VALUES (1, 1, '${'a'.repeat(64)}', '张伟.pdf', 'pdf', 2048, 'text', 33, 't'),
               (2, 1, '${'b'.repeat(64)}', '王芳.txt', 'txt', 1024, 'text', 14, 't');
      INSERT INTO report_texts (version_id, text)
        VALUES (1, '个\u2f08知识库助\u2f3f的应\u2f64\n２０２４年，学员使\u2f64个\u2f08知识库助\u2f3f，知识管\uf9e4更方便。'),
               (2, '朝阳村发展生态农业：梅花鹿养殖！');
      INSERT INTO report_index (rowid, title, people, context, body)
        VALUES (1, '个\u2f08 \u2f08知 知识 识库 库助 助\u2f3f \u2f3f的 的应 应\u2f64', '张伟 zhangwei zw', '2019 年年 年轻',
                '个\u2f08 \u2f08知 知识 识库 库助 助\u2f3f \u2f3f的 的应 应\u2f64 ２０２４ 年 学员 员使 使\u2f64'),
               (2, '朝阳 阳村', '王芳 wangfang wf', '2019 年年', '朝阳 阳村 生态 态农 农业');
    `);
    const schemaBefore = readSchema(db);
    const found = (query: string) =>
      db
        .prepare<[string], number>('SELECT rowid FROM report_index WHERE report_index MATCH ? ORDER BY rowid')
        .pluck()
        .all(matchExpression(query) ?? '');
    // At version 11 a search for what the page shows finds nothing.
    expect(found('个人知识库')).toEqual([]);
    expect(found('助手')).toEqual([]);

    expect(migrate(db, migrations, 12)).toBe(12);
    for (const word of ['个人知识库', '助手', '使用', '知识管理', '2024', '张伟', 'zhangwei'])
      expect(found(word), word).toEqual([1]);
    for (const word of ['生态农业', '梅花鹿', 'wangfang', '年轻干部']) expect(found(word), word).toContain(2);
    // Text and title in ordinary characters; Chinese punctuation as it was written; counts unchanged.
    expect(db.prepare('SELECT text FROM report_texts ORDER BY version_id').pluck().all()).toEqual([
      '个人知识库助手的应用\n2024年，学员使用个人知识库助手，知识管理更方便。',
      '朝阳村发展生态农业：梅花鹿养殖！',
    ]);
    expect(db.prepare('SELECT title FROM reports ORDER BY id').pluck().all()).toEqual([
      '个人知识库助手的应用',
      '朝阳村生态农业调研',
      '',
    ]);
    expect(db.prepare('SELECT chars FROM report_versions ORDER BY id').pluck().all()).toEqual([33, 14]);
    // The changed title is in the log, as any change of a report's title is; the texts are not logged.
    expect(db.prepare("SELECT before, after FROM audit_log WHERE entity = 'reports' AND action = 'update'").all()).toEqual([
      {
        before: expect.stringContaining('个\u2f08知识库助\u2f3f的应\u2f64'),
        after: expect.stringContaining('个人知识库助手的应用'),
      },
    ]);
    // The report not handed in has nothing to find; the schema is what it was.
    expect(db.prepare('SELECT count(*) FROM report_index').pluck().get()).toBe(2);
    expect(readSchema(db)).toEqual(schemaBefore);
    db.close();
  });
});
