import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { expectedRate, madeAnswers, questionTexts, tencentRows, wjxRows, writeExport } from '../testing/survey-exports';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
let classId = 0;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
  classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
});
afterEach(() => t.dispose());

const source = (path: string, extra: Record<string, unknown> = {}) => ({
  classId,
  grant: t.grant(path, 'tableImport'),
  satisfaction: 'trainees' as const,
  ...extra,
});

describe('survey exports from 问卷星 and 腾讯问卷', () => {
  it('imports a 问卷星 export into the survey named, column by column, and adds nothing the second time', async () => {
    const answers = madeAnswers(30, 5);
    const file = writeExport(join(t.dir, '问卷星.xlsx'), wjxRows(answers, questionTexts));
    const preview = value(await t.router.call('surveys.platformPreview', source(file)));
    expect(preview).toMatchObject({ platform: 'wjx', numbers: false, rows: 30, added: 30, already: 0, skipped: 1, comments: 10 });
    expect(preview.survey).toMatchObject({ id: null, title: '学员满意度测评' });
    expect(preview.columns.map((column) => [column.letter, column.use, column.item])).toEqual([
      ['A', 'platform', null],
      ['B', 'platform', null],
      ['C', 'platform', null],
      ['D', 'platform', null],
      ['E', 'platform', null],
      ['F', 'platform', null],
      ['G', 'item', 1],
      ['H', 'item', 2],
      ['I', 'item', 3],
      ['J', 'item', 4],
      ['K', 'item', 5],
      ['L', 'comment', null],
    ]);
    expect(preview.satisfiedRate).toBe(expectedRate(answers));
    const done = value(await t.router.call('surveys.platformCommit', { ...source(file), token: preview.token }));
    expect(done).toMatchObject({ added: 30, already: 0 });
    expect(done.survey).toMatchObject({ subject: 'class', responses: 30, satisfiedRate: expectedRate(answers) });
    const stored = value(await t.router.call('surveys.responses', { surveyId: done.survey.id }));
    expect(stored.map((response) => response.scores)).toEqual(answers.map((answer) => answer.scores));
    expect(stored.map((response) => response.comment)).toEqual(answers.map((answer) => answer.comment));

    // The same file again: nothing new, and said so.
    const before = snapshot(t.core.db);
    const again = value(await t.router.call('surveys.platformPreview', source(file)));
    expect(again).toMatchObject({ added: 0, already: 30, survey: { id: done.survey.id } });
    const twice = value(await t.router.call('surveys.platformCommit', { ...source(file), token: again.token }));
    expect(twice).toMatchObject({ added: 0, already: 30, survey: { responses: 30 } });
    const responses = (db: string) => (JSON.parse(db) as Record<string, unknown[]>)['survey_responses'];
    expect(responses(snapshot(t.core.db))).toEqual(responses(before));

    // A later download holds the earlier answers and two more: only those two are added.
    const more = madeAnswers(32, 5);
    const later = writeExport(join(t.dir, '问卷星-补充.csv'), wjxRows(more, questionTexts), 'gbk-csv');
    const grown = value(await t.router.call('surveys.platformPreview', source(later)));
    expect(grown).toMatchObject({ added: 2, already: 30 });
    const added = value(await t.router.call('surveys.platformCommit', { ...source(later), token: grown.token }));
    expect(added.survey.responses).toBe(32);
  });

  it('tells answer sheets apart without the 序号 column, even when two were handed in within one second', async () => {
    const [header = [], ...rows] = wjxRows(madeAnswers(4, 5), questionTexts);
    const sameSecond = rows.map((row) => [row[1] === undefined ? '' : '2019/9/20 10:00:00', ...row.slice(2)]);
    const file = writeExport(join(t.dir, '问卷星-无序号.xlsx'), [header.slice(1), ...sameSecond]);
    const preview = value(await t.router.call('surveys.platformPreview', source(file)));
    expect(preview).toMatchObject({ rows: 4, added: 4, already: 0 });
    value(await t.router.call('surveys.platformCommit', { ...source(file), token: preview.token }));
    // The same file again adds nothing.
    expect(value(await t.router.call('surveys.platformPreview', source(file)))).toMatchObject({ added: 0, already: 4 });
  });

  it('reads option numbers only once the person has said which end 1 is, both ways', async () => {
    const answers = madeAnswers(12, 5);
    const courses = value(await t.router.call('schedule.list', { classId })).filter(
      (session, _, all) => all.filter((other) => other.title === session.title).length === 1,
    );
    for (const oneMeans of ['best', 'worst'] as const) {
      const file = writeExport(join(t.dir, `腾讯-${oneMeans}.xlsx`), tencentRows(answers, questionTexts, oneMeans));
      // One course by its title (as the command line names it), another by its number (the dialog).
      const course = courses[oneMeans === 'best' ? 0 : 1];
      const subject = oneMeans === 'best' ? { subjectName: course?.title } : { subjectId: course?.id };
      const unsaid = value(await t.router.call('surveys.platformPreview', source(file, subject)));
      expect(unsaid).toMatchObject({ platform: 'tencent', numbers: true, oneMeans: null, satisfiedRate: null });
      const before = snapshot(t.core.db);
      const refused = failure(
        await t.router.call('surveys.platformCommit', { ...source(file, subject), token: unsaid.token }),
        'INVALID_INPUT',
      );
      expect(refused.message).toContain('1 代表“非常满意”');
      expect(snapshot(t.core.db)).toBe(before);
      const said = value(await t.router.call('surveys.platformPreview', source(file, { ...subject, oneMeans })));
      expect(said.satisfiedRate).toBe(expectedRate(answers));
      const done = value(
        await t.router.call('surveys.platformCommit', { ...source(file, { ...subject, oneMeans }), token: said.token }),
      );
      expect(done.survey).toMatchObject({ subject: 'session', subjectId: course?.id });
      expect(done.added).toBe(12);
      const stored = value(await t.router.call('surveys.responses', { surveyId: done.survey.id }));
      expect(stored.map((response) => response.scores)).toEqual(answers.map((answer) => answer.scores));
    }
  });

  it('reads an export as offices keep it: a title above, full-width numbers, a matrix row, a written question before the comment', async () => {
    const answers = madeAnswers(6, 4);
    const [header = [], ...rows] = wjxRows(answers, questionTexts.slice(0, 4));
    // 问卷星 writes a matrix question's rows as "3(…)"; someone typed "４、" in full width; a question
    // asking for the unit is written in, and is not the comment (the last written one is).
    const headed = [...header];
    headed[8] = '3(授课教师的讲授水平)';
    headed[9] = '４、您对课堂互动是否满意';
    const file = writeExport(
      join(t.dir, '问卷星-带标题.csv'),
      [
        ['2019年年轻干部培训班学员满意度调查'],
        [...headed.slice(0, 10), '5、您的工作单位', ...headed.slice(10)],
        ...rows.map((row, n) => [...row.slice(0, 10), `单位${n}`, ...row.slice(10)]),
      ],
      'gbk-csv',
    );
    const preview = value(await t.router.call('surveys.platformPreview', source(file, { satisfaction: 'teachers' })));
    expect(
      preview.columns.filter((column) => column.use !== 'platform').map((column) => [column.header, column.use, column.item]),
    ).toEqual([
      ['1、您对本次培训内容的针对性是否满意', 'item', 1],
      ['2、您对理论联系实际是否满意', 'item', 2],
      ['3(授课教师的讲授水平)', 'item', 3],
      ['４、您对课堂互动是否满意', 'item', 4],
      ['5、您的工作单位', 'unused', null],
      ['5、您对本次培训还有哪些意见和建议？', 'comment', null],
    ]);
    const done = value(
      await t.router.call('surveys.platformCommit', { ...source(file, { satisfaction: 'teachers' }), token: preview.token }),
    );
    const stored = value(await t.router.call('surveys.responses', { surveyId: done.survey.id }));
    expect(stored.map((response) => [response.scores, response.comment])).toEqual(
      answers.map((answer) => [answer.scores, answer.comment]),
    );
  });

  it('refuses a file whose questions do not match the survey, an unknown answer, an over-long comment; nothing written', async () => {
    const before = snapshot(t.core.db);
    const six = writeExport(join(t.dir, 'six.xlsx'), wjxRows(madeAnswers(5, 6), [...questionTexts, '您对食宿安排是否满意']));
    const counted = failure(await t.router.call('surveys.platformPreview', source(six)), 'INVALID_INPUT');
    expect(counted.message).toContain('文件中有 6 道评分题（G、H、I、J、K、L）');
    expect(counted.message).toContain('“学员满意度测评”有 5 项');

    const rows = wjxRows(madeAnswers(5, 5), questionTexts);
    const bad = rows.map((row) => [...row]);
    (bad[3] as (string | number)[])[8] = '还行吧';
    (bad[4] as (string | number)[])[11] = '很好。'.repeat(700);
    const badFile = writeExport(join(t.dir, 'bad.xlsx'), bad);
    const refused = failure(await t.router.call('surveys.platformPreview', source(badFile)), 'INVALID_INPUT');
    const said = (refused.details?.issues ?? []).map((issue) => issue.message).join('\n');
    expect(said).toContain('第 4 行：（答卷序号 3）“3、您对授课教师的讲授水平是否满意”的答案“还行吧”不是可识别的选项');
    expect(said).toContain('第 5 行：（答卷序号 4）意见建议有 2100 字，超过 2000 字的上限');
    // A token for the good file does not carry the bad one in.
    const good = writeExport(join(t.dir, 'good.xlsx'), rows);
    const token = value(await t.router.call('surveys.platformPreview', source(good))).token;
    failure(await t.router.call('surveys.platformCommit', { ...source(badFile), token }), 'INVALID_INPUT');
    // A token from another class's preview, or one made up.
    const other = value(await t.router.call('classes.list', { search: '市管' })).items[0]?.id ?? 0;
    const elsewhere = failure(
      await t.router.call('surveys.platformCommit', {
        ...source(good),
        token: token.replace(/^platform\.\d+\./, `platform.${other}.`),
      }),
      'INVALID_INPUT',
    );
    expect(elsewhere.message).toContain('另一个班次');
    failure(await t.router.call('surveys.platformCommit', { ...source(good), token: `${classId}.forged` }), 'INVALID_INPUT');
    const changed = failure(await t.router.call('surveys.platformCommit', { ...source(six), token }), 'INVALID_INPUT');
    expect(changed.message).toContain('评分题');
    // Not an export at all: the typed grid's file.
    const grid = writeExport(join(t.dir, 'grid.xlsx'), [
      ['测评类型', '第1题'],
      ['组织满意', 5],
    ]);
    expect(failure(await t.router.call('surveys.platformPreview', source(grid)), 'INVALID_INPUT').message).toContain(
      '不像问卷星或腾讯问卷导出的文件',
    );
    // The export given to the typed grid's import: refused with the way to import it.
    const asGrid = failure(
      await t.router.call('surveys.import', { classId, grant: t.grant(good, 'tableImport') }),
      'INVALID_INPUT',
    );
    expect(asGrid.message).toContain('这是问卷星导出的答卷');
    expect(asGrid.message).toContain('--kind');
    // A subject the questionnaire does not ask about, or one that is not there.
    failure(
      await t.router.call('surveys.platformPreview', source(good, { satisfaction: 'organisation', subjectId: 1 })),
      'INVALID_INPUT',
    );
    failure(await t.router.call('surveys.platformPreview', source(good, { subjectName: '没有这节课' })), 'INVALID_INPUT');
    expect(snapshot(t.core.db)).toBe(before);
  });
});
