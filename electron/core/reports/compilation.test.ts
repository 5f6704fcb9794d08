import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPlatform, findChromium } from '../../cli/chromium-platform';
import { value } from '../testing/expect-result';
import { docxText } from '../testing/read-documents';
import { realDocs } from '../testing/report-files';
import { standardRoster } from '../testing/roster-files';
import { bareSampleClass } from '../testing/sample-class';
import { openTempCore, type TempCore } from '../testing/temp-core';

// The 优秀调研报告汇编 of reports that came as PDFs: what the page carried besides the report (running
// headers and footers, page numbers, a template's [Table_Main], the numbers of charts) stays out of
// it, the report's sentences go in; a report that is mostly such residue is marked for tidying in Word.

const font = `font-family: 'Noto Serif CJK SC', 'WenQuanYi Micro Hei', serif`;

// A broker's research report as such PDFs are made: each page with the house's header and the
// disclaimer and page number in its footer, a template's markers, and charts whose labels and
// axis ticks become lines of their own.
const researchPage = (n: number, of: number, body: string) => `
<section style="height: 250mm; display: flex; flex-direction: column; break-after: page">
  <p>华泰证券 | 农业行业深度报告</p>
  <div style="flex: 1">${body}</div>
  <p>请务必阅读正文之后的免责声明部分</p>
  <p>第 ${n} 页 共 ${of} 页</p>
</section>`;
const chart = `<p>图表1：朝阳村人均收入（元）</p><p>20,000</p><p>15,000</p><p>10,000</p><p>5,000</p><p>0</p>
<p>2016</p><p>2017</p><p>2018</p><p>2019</p><p>人均收入</p><p>同比增速</p><p>资料来源：辽源市统计局</p>`;
const prose = [
  '朝阳村依托辽河源现代生态农业产业园，发展梅花鹿养殖和有机水稻种植，村集体经济收入逐年增长。',
  '村党支部牵头成立合作社，把分散的农户组织起来，统一品牌、统一销售，农民人均收入明显提高。',
  '调研发现，冷链物流和电商渠道仍是短板，需要在人才振兴和基础设施上继续用力。',
  '建议由镇政府统筹，引导返乡青年参与电商平台建设，并完善农产品质量追溯体系。',
];
const researchReport = (pages: readonly string[]) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>body { ${font}; font-size: 12pt } p { margin: 4pt 0 }</style></head><body>
${pages.map((body, i) => researchPage(i + 1, pages.length, body)).join('')}</body></html>`;

const withChromium = findChromium() ? describe : describe.skip;
if (!findChromium()) console.log('compilation of PDF reports not tested: no Chromium, Chrome or Edge on this machine');

withChromium('the 汇编 of reports that came as PDFs', { timeout: 120_000 }, () => {
  let t: TempCore;
  let classId = 0;
  let compiled = '';
  beforeAll(async () => {
    t = openTempCore({ platform: chromiumPlatform() });
    value(await t.router.call('app.loadSample', {}));
    classId = await bareSampleClass(t);
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 6), 'rosterImport') }));
    const people = value(await t.router.call('reports.board', { classId })).rows;
    const dir = join(t.dir, 'reports-in');
    mkdirSync(dir, { recursive: true });
    const name = (i: number) => people[i]?.name ?? '';

    const research = researchReport([
      `<p>[Table_Main]</p><h2>朝阳村生态农业发展调研报告</h2><p>${prose[0]}</p><p>${prose[1]}</p>${chart}`,
      `<p>[Table_Summary]</p><p>${prose[2]}</p>${chart}<p>${prose[3]}</p>`,
      `<p>表1：主要指标</p><p>2016 2017 2018 2019</p><p>收入 12.5 13.8 15.2 16.9</p><p>增速 8.1% 10.4% 10.1% 11.2%</p><p>${prose[3]}</p>`,
    ]);
    writeFileSync(
      join(dir, `${name(1)}-朝阳村生态农业发展调研报告.pdf`),
      await t.core.platform.printToPdf(research, { landscape: false }),
    );
    // Charts and tables and hardly a sentence: not worth printing as it came.
    const charts = researchReport([`<p>[Table_Main]</p><p>数据一览</p>${chart}${chart}`, `${chart}<p>[Table_Chart]</p>${chart}`]);
    writeFileSync(join(dir, `${name(2)}-数据图表汇总.pdf`), await t.core.platform.printToPdf(charts, { landscape: false }));
    if (realDocs) copyFileSync(realDocs.pdf, join(dir, `${name(0)}-民用航空发动机状态监视和故障诊断系统研究.pdf`));

    const staged = value(await t.router.call('reports.stage', { classId, folder: t.grant(dir, 'reportFolder'), grants: [] }));
    value(
      await t.router.call('reports.commit', {
        classId,
        token: staged.token,
        items: staged.files.map((file) => ({
          key: file.key,
          enrolmentIds: file.enrolmentIds,
          groupNo: file.groupNo,
          topicId: file.topicId,
          title: file.title,
        })),
      }),
    );
    for (const row of value(await t.router.call('reports.board', { classId })).rows)
      if (row.reportId !== null)
        value(
          await t.router.call('reports.review', {
            reportId: row.reportId,
            review: { reviewer: '孙海燕', grade: 'excellent', reviewedOn: '2019-10-08' },
          }),
        );
    const path = join(t.dir, '汇编.docx');
    value(await t.router.call('reports.compile', { classId, grant: t.grant(path, 'export') }));
    compiled = docxText(path);
  });
  afterAll(() => t.dispose());

  const chapter = (title: string) => {
    const start = compiled.lastIndexOf(title);
    const next = ['朝阳村生态农业发展调研报告', '数据图表汇总', '民用航空发动机状态监视和故障诊断系统研究']
      .map((other) => (other === title ? -1 : compiled.lastIndexOf(other)))
      .filter((at) => at > start)
      .sort((a, b) => a - b)[0];
    return compiled.slice(start, next ?? compiled.length);
  };

  it('keeps a research report’s sentences, without its headers, footers, page numbers, markers and chart numbers', () => {
    const report = chapter('朝阳村生态农业发展调研报告');
    for (const sentence of prose) expect(report).toContain(sentence);
    for (const residue of ['[Table_Main]', '[Table_Summary]', '华泰证券 | 农业行业深度报告', '请务必阅读正文之后的免责声明部分'])
      expect(report).not.toContain(residue);
    expect(report).not.toMatch(/第\s*\d\s*页\s*共\s*3\s*页/);
    expect(report).not.toMatch(/20,000|15,000|资料来源/);
    expect(report).not.toMatch(/^\s*(2016|2017|人均收入|同比增速)\s*$/m);
    expect(report).not.toMatch(/8\.1%|12\.5/);
    // A sentence broken over the PDF's lines is one paragraph again.
    expect(report.split('\n').some((line) => line.trim() === prose[0])).toBe(true);
  });

  it('marks a report that is mostly charts “来自 PDF，请在 Word 中整理” instead of printing its numbers', () => {
    const report = chapter('数据图表汇总');
    expect(report).toContain('来自 PDF，请在 Word 中整理');
    expect(report).not.toMatch(/20,000|同比增速|\[Table_/);
  });

  it('finds a word the PDF broke over two pages, as one broken over two lines', async () => {
    // Page 1 ends 第 1 页 共 3 页 and page 2 begins 华泰证券: read across the break, 页华泰 is there.
    const { hits } = value(await t.router.call('reports.search', { query: '页华泰' }));
    expect(hits.map((hit) => hit.report.title)).toContain('朝阳村生态农业发展调研报告');
    for (const hit of hits) expect(hit.snippet.map((segment) => segment.text).join('')).not.toContain('\f');
  });

  it.skipIf(!realDocs)('drops a journal’s running headers and its tables’ marks from a real paper, keeping its text', () => {
    const report = chapter('民用航空发动机状态监视和故障诊断系统研究');
    // 043 航 空 动 力 学 报 第 9 卷 and 143第 4 期 民用航空发动机…研究 at the foot of alternate pages.
    expect(report).not.toMatch(/\d{3}\s*航\s*空\s*动\s*力\s*学\s*报/);
    expect(report).not.toMatch(/\d{3}\s*第\s*4\s*期/);
    // Rows of the comparison tables, whose check marks come out as 3s.
    expect(report).not.toMatch(/(\s3){2,}\s*$/m);
    expect(report).toContain('发动机故障在飞行故障中占有相当大的比例');
    expect(report).toContain('民用航空发动机状态监视和故障诊断是保证飞行安全');
    expect(report).not.toContain('来自 PDF，请在 Word 中整理');
  });
});
