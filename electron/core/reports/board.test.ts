import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { docxText, readXlsx } from '../testing/read-documents';
import { reportText, writeReportDocx } from '../testing/report-files';
import { eachReportClass, type ReportPerson } from '../testing/report-class';
import type { TempCore } from '../testing/temp-core';

// The class's board (board.ts) through its whole course: topics taken and spread, the deadline, the
// reviews and the outcome it shows, and the list and compilation made from it.

let t: TempCore;
let classId = 0;
let people: ReportPerson[] = [];
const { folder, stage, commit } = eachReportClass((opened) => {
  ({ t, classId, people } = opened);
});

describe('topics, the board, review and publication', () => {
  it('spreads topics, shows who is late, reviews, publishes, lists and exports', async () => {
    const topics = [];
    for (const title of ['乡村治理', '生态农业', '人才振兴'])
      topics.push(value(await t.router.call('reports.saveTopic', { classId, fields: { title, maxAuthors: 10 } })));
    failure(await t.router.call('reports.saveTopic', { classId, fields: { title: '乡村治理' } }), 'INVALID_INPUT');
    const [first, second] = people;
    value(
      await t.router.call('reports.choose', {
        classId,
        topicId: topics[0]?.id ?? 0,
        enrolmentIds: [first?.enrolmentId ?? 0, second?.enrolmentId ?? 0],
      }),
    );
    expect(value(await t.router.call('reports.assignRest', { classId })).assigned).toBe(people.length - 2);
    const spread = value(await t.router.call('reports.board', { classId })).topics.map((topic) => topic.reports);
    expect(Math.max(...spread) - Math.min(...spread)).toBeLessThanOrEqual(1);
    value(await t.router.call('reports.setDeadline', { classId, deadline: '2019-09-30' }));
    const dir = folder('topic');
    const path = await writeReportDocx(
      join(dir, `${first?.name}-${second?.name}-乡村治理.docx`),
      reportText('乡村治理中的党建引领'),
    );
    const staged = await stage({ files: [path] });
    expect(staged.files[0]).toMatchObject({ matchedBy: 'name', topicId: topics[0]?.id, version: 1 });
    await commit(staged.token, staged.files);
    const board = value(await t.router.call('reports.board', { classId }));
    // Handed in after the deadline (the test runs in 2026): late; the others overdue.
    expect(board.counts.late).toBe(2);
    expect(board.counts.overdue).toBe(people.length - 2);
    const reportId = board.rows.find((row) => row.enrolmentId === first?.enrolmentId)?.reportId ?? 0;
    failure(
      await t.router.call('reports.review', { reportId, review: { grade: '特优', reviewedOn: '2019-10-08' } }),
      'INVALID_INPUT',
    );
    value(
      await t.router.call('reports.review', {
        reportId,
        review: { reviewer: '孙海燕', score: 92, grade: 'excellent', comments: '调研扎实，对策可行。', reviewedOn: '2019-10-08' },
      }),
    );
    value(
      await t.router.call('reports.saveOutcome', {
        reportId,
        publication: { journal: '辽源论丛', year: 2019, issue: '第4期' },
        forwardings: [{ department: '市委组织部', sentOn: '2019-10-15', instruction: '请农业农村局研究落实。' }],
      }),
    );
    expect(value(await t.router.call('reports.list', { outcome: 'excellent' })).rows.map((row) => row.id)).toEqual([reportId]);
    expect(value(await t.router.call('reports.list', { outcome: 'forwarded', year: 2019 })).rows).toHaveLength(1);
    expect(value(await t.router.call('reports.search', { query: '党建引领', filter: { grade: 'good' } })).total).toBe(0);
    const list = join(t.dir, 'reports.xlsx');
    value(await t.router.call('reports.export', { filter: {}, grant: t.grant(list, 'export') }));
    const sheet = (await readXlsx(list)).rows;
    const header = sheet.find((row) => row.includes('报告标题')) ?? [];
    const row = sheet.find((cells) => cells.includes('乡村治理中的党建引领')) ?? [];
    expect(row[header.indexOf('评审等次')]).toBe('优秀');
    expect(row[header.indexOf('发表')]).toBe('《辽源论丛》2019年第4期');
    // The compilation: cover, contents, the report's text.
    const compiled = join(t.dir, 'compiled.docx');
    value(await t.router.call('reports.compile', { classId, grant: t.grant(compiled, 'export') }));
    const text = docxText(compiled);
    expect(text).toContain('优秀调研报告汇编');
    expect(text).toContain('目　录');
    expect(text).toContain('1. 乡村治理中的党建引领');
    expect(text).toContain('村党支部带领合作社发展梅花鹿养殖和有机水稻种植');
  }, 60_000);
});
