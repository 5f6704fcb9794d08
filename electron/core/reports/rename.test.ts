import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
let reportId = 0;
let oldTitle = '';
beforeAll(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
  const row = value(await t.router.call('reports.list', {})).rows.find((report) => report.title !== '');
  reportId = row?.id ?? 0;
  oldTitle = row?.title ?? '';
});
afterAll(() => t.dispose());

const found = async (query: string) =>
  value(await t.router.call('reports.search', { query, limit: 20 })).hits.map((hit) => hit.report.id);

describe("editing a report's title", () => {
  it('keeps the title trimmed and on one line, logs the old and the new, and finds it by the new title', async () => {
    expect(oldTitle).not.toBe('');
    const renamed = value(await t.router.call('reports.rename', { reportId, title: '  关于朝阳村\n发展庭院经济的   调研报告 ' }));
    expect(renamed.title).toBe('关于朝阳村 发展庭院经济的 调研报告');
    expect(value(await t.router.call('reports.get', { id: reportId })).title).toBe(renamed.title);
    expect(await found('庭院经济')).toContain(reportId);
    const entry = value(await t.router.call('audit.list', { limit: 1 })).items[0];
    expect(entry?.summary).toBe(`修改调研报告标题：《${oldTitle}》→《关于朝阳村 发展庭院经济的 调研报告》`);
    // The same title again changes nothing and logs nothing.
    const lines = value(await t.router.call('audit.list', {})).total;
    value(await t.router.call('reports.rename', { reportId, title: '关于朝阳村 发展庭院经济的 调研报告' }));
    expect(value(await t.router.call('audit.list', {})).total).toBe(lines);
  });

  it('refuses an empty, blank, too long or unknown title or report, and changes nothing', async () => {
    const before = snapshot(t.core.db);
    for (const title of ['', '   ', '\n\t', '报'.repeat(201)]) {
      const error = failure(await t.router.call('reports.rename', { reportId, title }), 'INVALID_INPUT');
      expect(error.details?.issues?.[0]?.field).toBe('title');
      expect(error.message).toContain('报告标题');
    }
    for (const input of [{ reportId: 999_999, title: '新标题' }, { reportId: -1, title: '新标题' }, { reportId, title: 42 }, {}])
      expect((await t.router.call('reports.rename', input)).ok).toBe(false);
    failure(await t.router.call('reports.rename', { reportId: 999_999, title: '新标题' }), 'NOT_FOUND');
    expect(snapshot(t.core.db)).toBe(before);
  });
  // Bidi overrides and zero-width marks make a title read otherwise than it is written: in the 汇编,
  // the search results and the audit line ("报告\u202E..." reads backwards). They are dropped, as
  // line breaks become spaces; markup is kept as the words it is (the page and the docx escape it).
  it('drops bidi overrides and zero-width marks from a title, and keeps markup as text', async () => {
    const renamed = value(
      await t.router.call('reports.rename', { reportId, title: '\u202E<b>关于\u200B朝阳村</b>\u2066调研\u2069报告\uFEFF' }),
    );
    expect(renamed.title).toBe('<b>关于朝阳村</b>调研报告');
    const entry = value(await t.router.call('audit.list', { limit: 1 })).items[0];
    expect(entry?.summary).toContain('《<b>关于朝阳村</b>调研报告》');
    const before = snapshot(t.core.db);
    failure(await t.router.call('reports.rename', { reportId, title: '\u202E\u200B\u2066' }), 'INVALID_INPUT');
    expect(snapshot(t.core.db)).toBe(before);
  });
});
