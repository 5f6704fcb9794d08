import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { readXlsx } from '../testing/read-documents';
import { writeBook } from '../testing/roster-files';
import { openTempCore, type TempCore } from '../testing/temp-core';

let t: TempCore;
let classId = 0;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
  classId = value(await t.router.call('classes.list', { search: '青年' })).items[0]?.id ?? 0;
});
afterEach(() => t.dispose());

describe('the questionnaire table to fill in', () => {
  it('is written through a save grant with the columns the import reads, and imports once filled in', async () => {
    const path = join(t.dir, '满意度测评问卷录入表.xlsx');
    const written = value(await t.router.call('surveys.template', { classId, grant: t.grant(path, 'export') }));
    expect(written.path).toBe(path);
    const { rows } = await readXlsx(path);
    expect(rows[0]?.[0]).toMatch(/满意度测评问卷录入表$/);
    expect(rows[1]?.[0]).toMatch(/^每行一份问卷/);
    const header = rows[2] ?? [];
    expect(header).toEqual(['测评类型', '测评对象', '第1题', '第2题', '第3题', '第4题', '第5题', '意见建议']);
    expect(rows).toHaveLength(3);
    // The office fills it in under the same header and imports it.
    const filled = writeBook(join(t.dir, 'filled.xlsx'), [
      [rows[0]?.[0] ?? ''],
      header,
      ['组织满意', '', 5, 4, 5, 5, 4, '组织有序'],
      ['组织满意', '', '满意', '满意', '非常满意', 5, 5, ''],
    ]);
    expect(value(await t.router.call('surveys.import', { classId, grant: t.grant(filled, 'tableImport') }))).toMatchObject({
      surveys: 1,
      responses: 2,
    });
    const entry = value(await t.router.call('audit.list', { action: 'export', limit: 1 })).items[0];
    expect(entry?.summary).toContain('满意度测评问卷录入表');
  });

  it('has a column for every item of the surveys the class already has, after the questionnaires were shortened', async () => {
    const made = value(await t.router.call('surveys.create', { classId, satisfaction: 'organisation', subject: 'class' }));
    expect(made.items).toHaveLength(5);
    for (const satisfaction of ['organisation', 'trainees', 'base', 'teachers'] as const)
      value(await t.router.call('surveys.saveTemplate', { satisfaction, name: '简化测评', items: ['总体', '组织', '服务'] }));
    const path = join(t.dir, '满意度测评问卷录入表.xlsx');
    value(await t.router.call('surveys.template', { classId, grant: t.grant(path, 'export') }));
    const header = (await readXlsx(path)).rows[2] ?? [];
    expect(header).toEqual(['测评类型', '测评对象', '第1题', '第2题', '第3题', '第4题', '第5题', '意见建议']);
    // Filled in for that survey, the app's own table imports: it lacks none of the survey's items.
    const filled = writeBook(join(t.dir, 'filled.xlsx'), [header, ['组织满意', '', 5, 4, 5, 5, 4, '']]);
    expect(value(await t.router.call('surveys.import', { classId, grant: t.grant(filled, 'tableImport') }))).toMatchObject({
      surveys: 1,
      responses: 1,
    });
    expect(value(await t.router.call('surveys.responses', { surveyId: made.id }))[0]?.scores).toEqual([5, 4, 5, 5, 4]);
  });

  it('is refused for a class that does not exist, writing nothing', async () => {
    const path = join(t.dir, 'none.xlsx');
    failure(await t.router.call('surveys.template', { classId: 999_999, grant: t.grant(path, 'export') }), 'NOT_FOUND');
  });
});
