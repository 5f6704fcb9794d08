import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { writeBook } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { bareSampleClass } from '../testing/sample-class';

let t: TempCore;
let classId = 0;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
  classId = await bareSampleClass(t);
});
afterEach(() => t.dispose());

describe('satisfaction surveys', () => {
  it('starts from the four questionnaires, which can be edited and reset, without changing surveys already made', async () => {
    const templates = value(await t.router.call('surveys.templates', {}));
    expect(templates.map((template) => [template.satisfaction, template.subject, template.edited])).toEqual([
      ['organisation', 'class', false],
      ['trainees', 'session', false],
      ['base', 'site', false],
      ['teachers', 'teacher', false],
    ]);
    const made = value(await t.router.call('surveys.create', { classId, satisfaction: 'organisation', subject: 'class' }));
    value(
      await t.router.call('surveys.saveTemplate', {
        satisfaction: 'organisation',
        name: '组织工作测评',
        items: ['组织', '服务'],
      }),
    );
    expect(value(await t.router.call('surveys.templates', {}))[0]).toMatchObject({
      name: '组织工作测评',
      items: ['组织', '服务'],
      edited: true,
    });
    expect(value(await t.router.call('surveys.list', { classId }))[0]?.items).toEqual(made.items);
    expect(value(await t.router.call('surveys.resetTemplate', { satisfaction: 'organisation' })).edited).toBe(false);
  });

  it('computes the mean, the spread and the share of 满意 and 非常满意 from the questionnaires entered', async () => {
    const survey = value(await t.router.call('surveys.create', { classId, satisfaction: 'organisation', subject: 'class' }));
    expect(survey.items).toHaveLength(5);
    // Asked again: the same survey.
    expect(value(await t.router.call('surveys.create', { classId, satisfaction: 'organisation', subject: 'class' })).id).toBe(
      survey.id,
    );
    const entered = value(
      await t.router.call('surveys.saveResponses', {
        surveyId: survey.id,
        responses: [
          { scores: [5, 5, 4, 5, 5], comment: '现场教学安排得很好' },
          { scores: [4, 3, 4, null, 4] },
          { scores: [5, 4, 2, 5, 5], comment: '住宿条件有待改善' },
          { scores: [null, null, null, null, null] },
        ],
      }),
    );
    // The fourteen scores given, counted by hand.
    const all = [5, 5, 4, 5, 5, 4, 3, 4, 4, 5, 4, 2, 5, 5];
    const mean = Math.round((all.reduce((a, b) => a + b, 0) / all.length) * 100) / 100;
    const rate = Math.round((all.filter((score) => score >= 4).length / all.length) * 1000) / 10;
    expect(entered.survey).toMatchObject({ responses: 3, mean, satisfiedRate: rate });
    expect(entered.items[2]).toEqual({
      item: '食宿与后勤保障',
      answered: 3,
      mean: 3.33,
      distribution: [0, 1, 0, 2, 0],
      satisfiedRate: 66.7,
    });
    expect(entered.items[3]).toMatchObject({ answered: 2, mean: 5 });
    expect(entered.comments).toEqual(['现场教学安排得很好', '住宿条件有待改善']);
    // The grid saved again: one changed, one gone.
    const [first, second] = value(await t.router.call('surveys.responses', { surveyId: survey.id }));
    const again = value(
      await t.router.call('surveys.saveResponses', {
        surveyId: survey.id,
        responses: [
          { id: first?.id, scores: [3, 3, 3, 3, 3], comment: '' },
          { id: second?.id, scores: second?.scores ?? [] },
        ],
      }),
    );
    expect(again.survey.responses).toBe(2);
    expect(again.comments).toEqual([]);
    // A questionnaire of another shape, a score of 6: refused, nothing changed.
    const before = snapshot(t.core.db);
    failure(
      await t.router.call('surveys.saveResponses', { surveyId: survey.id, responses: [{ scores: [5, 5] }] }),
      'INVALID_INPUT',
    );
    failure(
      await t.router.call('surveys.saveResponses', { surveyId: survey.id, responses: [{ scores: [6, 5, 5, 5, 5] }] }),
      'INVALID_INPUT',
    );
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('imports questionnaires typed into Excel, any survey of the class, and refuses a file with a bad row whole', async () => {
    const sessions = value(await t.router.call('schedule.list', { classId }));
    const taught = sessions.find((session) => session.teachers.length > 0 && session.siteId === null);
    const visited = sessions.find((session) => session.siteId !== null);
    const teacher = taught?.teachers[0]?.name ?? '';
    const site = value(await t.router.call('sites.get', { id: visited?.siteId ?? 0 })).name;
    const titled = sessions.filter((session) => session.title === taught?.title);
    expect(titled).toHaveLength(1);
    const header = ['测评类型', '测评对象', '第1题', '第2题', '第3题', '第4题', '第5题', '意见建议'];
    const good = writeBook(join(t.dir, 'good.xlsx'), [
      ['2019年年轻干部培训班满意度测评'],
      header,
      ['组织满意', '', 5, 5, 4, 5, 5, '组织有序'],
      ['组织满意', '', '非常满意', '满意', '基本满意', 5, 4, ''],
      ['学员满意', taught?.title ?? '', 5, 4, 5, 5, 5, '讲得透彻'],
      ['基地满意', site, 4, 4, 5, 5, 4, ''],
      ['教师满意', teacher, 5, 5, 5, 4, null, ''],
    ]);
    const imported = value(await t.router.call('surveys.import', { classId, grant: t.grant(good, 'tableImport') }));
    expect(imported).toEqual({ surveys: 4, responses: 5, ignoredColumns: [] });
    const surveys = value(await t.router.call('surveys.list', { classId }));
    expect(surveys.find((survey) => survey.satisfaction === 'organisation')).toMatchObject({ responses: 2, mean: 4.5 });

    // The words a school's own sheet uses score as the platforms' do: 一般 is 3, not 一 (1).
    const worded = writeBook(join(t.dir, 'worded.xlsx'), [
      header,
      ['基地满意', site, '一般', '比较满意', '很满意', '一般', '一般', ''],
    ]);
    value(await t.router.call('surveys.import', { classId, grant: t.grant(worded, 'tableImport') }));
    const siteSurvey = value(await t.router.call('surveys.list', { classId })).find((s) => s.satisfaction === 'base');
    expect(siteSurvey).toMatchObject({ responses: 2, mean: 4 });
    // The teacher's record across classes: the course they taught, and their own survey.
    const staffId = taught?.teachers[0]?.id ?? 0;
    const history = value(await t.router.call('surveys.history', { subject: 'teacher', id: staffId }));
    expect(history.rows).toEqual([expect.objectContaining({ className: '2019年年轻干部培训班', surveys: 2, responses: 2 })]);
    expect(history.mean).toBe(4.78);
    const bySite = value(await t.router.call('surveys.history', { subject: 'site', id: visited?.siteId ?? 0 }));
    expect(bySite.responses).toBe(2);

    const before = snapshot(t.core.db);
    const bad = writeBook(join(t.dir, 'bad.xlsx'), [
      header,
      ['组织满意', '', 5, 6, 4, 5, 5, ''],
      ['教师满意', '不存在的老师', 5, 5, 5, 5, null, ''],
      ['领导满意', '', 5, 5, 5, 5, 5, ''],
      ['教师满意', teacher, 5, 5, 5, 5, 5, ''],
      ['组织满意', '', 5, 5, 5, 5, 5, '好'.repeat(2001)],
    ]);
    const refused = failure(
      await t.router.call('surveys.import', { classId, grant: t.grant(bad, 'tableImport') }),
      'INVALID_INPUT',
    );
    expect(refused.message).toContain('第 2 行');
    const rows = (refused.details?.issues ?? []).map((issue) => issue.message).join('\n');
    expect(rows).toContain('“第2题”应为 1 到 5 的分数');
    expect(rows).toContain('找不到测评对象“不存在的老师”（教师）');
    expect(rows).toContain('而不是“领导满意”');
    expect(rows).toContain('第 5 行：“教师满意”的问卷只有 4 题，这一行填到了第5题');
    expect(rows).toContain('第 6 行：意见建议有 2001 字，超过 2000 字的上限');
    expect(snapshot(t.core.db)).toBe(before);

    // A grid from an older questionnaire, its last item's column missing: refused once per kind, saying
    // which column, not read as every sheet leaving 第5题 unanswered.
    const short = writeBook(join(t.dir, 'short.xlsx'), [
      ['测评类型', '测评对象', '第1题', '第2题', '第3题', '第4题'],
      ['组织满意', '', 5, 5, 4, 5],
      ['组织满意', '', 4, 5, 4, 5],
      ['基地满意', site, 4, 4, 5, 5],
    ]);
    const lacking = failure(
      await t.router.call('surveys.import', { classId, grant: t.grant(short, 'tableImport') }),
      'INVALID_INPUT',
    );
    const said = (lacking.details?.issues ?? []).map((issue) => issue.message);
    expect(said.filter((line) => line.includes('缺第5题的列'))).toHaveLength(2);
    expect(said.join('\n')).toContain('第 2 行：“组织满意”的问卷有 5 题，表中缺第5题的列');
    expect(said.join('\n')).not.toContain('第 3 行');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('holds a grid to the items of the survey the class already has, not to a template changed since', async () => {
    // The 组织满意 survey was made when the questionnaire had four items; the template has five again since.
    const four = ['培训组织', '教学安排', '后勤保障', '班风学风'];
    value(await t.router.call('surveys.saveTemplate', { satisfaction: 'organisation', name: '组织满意度测评', items: four }));
    const made = value(await t.router.call('surveys.create', { classId, satisfaction: 'organisation', subject: 'class' }));
    value(await t.router.call('surveys.resetTemplate', { satisfaction: 'organisation' }));
    expect(made.items).toEqual(four);
    // The grid typed from that survey's own sheet, with 序号 and a column nobody asked for.
    const older = writeBook(join(t.dir, 'older.xlsx'), [
      ['序号', '测评类型', '测评对象', '第1题', '第2题', '第3题', '第4题', '备注2'],
      [1, '组织满意', '', 5, 5, 4, 5, ''],
      [2, '组织满意', '', 4, 5, 4, 5, '补录'],
    ]);
    const imported = value(await t.router.call('surveys.import', { classId, grant: t.grant(older, 'tableImport') }));
    expect(imported).toEqual({ surveys: 1, responses: 2, ignoredColumns: ['备注2'] });
    const saved = value(await t.router.call('surveys.responses', { surveyId: made.id }));
    expect(saved.map((response) => response.scores)).toEqual([
      [5, 5, 4, 5],
      [4, 5, 4, 5],
    ]);
    // A fifth score has no item of that survey to go to: refused, naming the count the survey has.
    const before = snapshot(t.core.db);
    const five = writeBook(join(t.dir, 'five.xlsx'), [
      ['测评类型', '测评对象', '第1题', '第2题', '第3题', '第4题', '第5题'],
      ['组织满意', '', 5, 5, 4, 5, 5],
    ]);
    const refused = failure(
      await t.router.call('surveys.import', { classId, grant: t.grant(five, 'tableImport') }),
      'INVALID_INPUT',
    );
    // Said as the row it is, not as a questionnaire's number (row 2 holds the first).
    expect((refused.details?.issues ?? []).map((issue) => issue.message)).toEqual([
      '第 2 行：“组织满意”的问卷只有 4 题，这一行填到了第5题：请核对测评类型，或用这项测评的模板录入',
    ]);
    expect(snapshot(t.core.db)).toBe(before);
  });
  // 第6题 on a five-item questionnaire is refused; 第31题, 第0题 or 第999题 were set aside as columns
  // nobody asked for, and the scores under them dropped with only 未导入的列 to say so.
  it('refuses an item column no questionnaire can have, naming it, and saves nothing', async () => {
    const h5 = ['第1题', '第2题', '第3题', '第4题', '第5题'];
    const before = snapshot(t.core.db);
    for (const [extra, n] of [
      ['第31题', 31],
      ['第 0 题', 0],
      ['题999', 999],
    ] as const) {
      const path = writeBook(join(t.dir, `beyond-${n}.xlsx`), [
        ['测评类型', ...h5, extra],
        ['组织满意', 5, 5, 5, 5, 5, 3],
      ]);
      const refused = failure(
        await t.router.call('surveys.import', { classId, grant: t.grant(path, 'tableImport') }),
        'INVALID_INPUT',
      );
      expect(refused.message, extra).toContain(`“${extra}”`);
      expect(refused.message, extra).toContain('30');
      expect(snapshot(t.core.db)).toBe(before);
    }
  });
});
