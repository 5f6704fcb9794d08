import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPlatform, findChromium } from '../../cli/chromium-platform';
import { value } from '../testing/expect-result';
import { pdfText, readXlsx } from '../testing/read-documents';
import { idNumber } from '../testing/roster-files';
import { openTempCore, type TempCore } from '../testing/temp-core';

const pdf = findChromium() ? describe : describe.skip;
if (!findChromium()) console.log('card PDF tests skipped: no Chromium, Chrome or Edge on this machine');

pdf('座次表, 桌签 and 胸牌 of the sample class, as PDF', () => {
  let t: TempCore;
  let classId: number;
  let names: string[];
  const wang = idNumber('1985-02-03', 456);
  const spacedWang = /王[ \u3000]芳/;
  // A name as the PDF's text layer gives it back: a two-character one with its space.
  const printed = (name: string) => new RegExp([...name].join([...name].length === 2 ? '[ \u3000]' : ''));

  beforeAll(async () => {
    t = openTempCore({ platform: chromiumPlatform() });
    value(await t.router.call('app.loadSample', {}));
    classId = value(await t.router.call('classes.list', { search: '年轻干部' })).items[0]?.id ?? 0;
    // A two-character name and a four-character one beside the sample's three-character names.
    for (const trainee of [
      { name: '王芳', idNumber: wang, unit: '辽源市财政局', position: '科长', phone: '13943100009' },
      { name: '司马云飞', unit: '东丰县人民政府', position: '副县长' },
    ])
      value(await t.router.call('roster.add', { classId, trainee, enrolment: { group: 1 } }));
    names = value(await t.router.call('roster.list', { classId })).items.map((item) => item.name);
  }, 60_000);
  afterAll(() => t.dispose());

  const exportTo = async (name: string, input: Record<string, unknown>) => {
    const path = join(t.dir, name);
    value(await t.router.call('roster.export', { classId, grant: t.grant(path, 'export'), format: 'pdf', ...input }));
    return path;
  };

  it('桌签: one to a page, the name twice (both halves), 王　芳 spaced, never an ID number or a phone', async () => {
    const { pages, text } = await pdfText(
      await exportTo('桌签.pdf', { document: 'tentcards', reveal: { idNumber: true, phone: true } }),
    );
    expect(pages).toBe(names.length);
    // The PDF's text layer gives the full-width space back as a space.
    expect(text).toMatch(spacedWang);
    expect(text).not.toContain('王芳');
    expect(text).toContain('司马云飞');
    expect(text).toMatch(/辽源市财政局[ \u3000]科长/);
    for (const name of names.filter((n) => [...n].length === 3)) expect(text.split(name).length - 1).toBe(2);
    expect(text).not.toContain(wang);
    expect(text).not.toContain('13943100009');
    const log = t.core.db.prepare(`SELECT summary, after FROM audit_log WHERE action = 'export' ORDER BY id DESC`).get() as {
      summary: string;
      after: string;
    };
    expect(log.summary).toMatch(/^导出“2019年年轻干部培训班”桌签（PDF，42 人）到 /);
    expect(JSON.parse(log.after)).toMatchObject({ document: 'tentcards', reveal: { idNumber: false, phone: false } });
  });

  it('桌签 two to a page', async () => {
    const { pages } = await pdfText(
      await exportTo('桌签-2.pdf', { document: 'tentcards', tentcardsPerPage: 2, tentcardFont: 'kai' }),
    );
    expect(pages).toBe(Math.ceil(names.length / 2));
  });

  it('胸牌: eight or ten to a sheet, with class name, unit and group', async () => {
    const eight = await pdfText(await exportTo('胸牌.pdf', { document: 'badges', badgePhoto: true }));
    expect(eight.pages).toBe(Math.ceil(names.length / 8));
    expect(eight.text.split('2019年年轻干部培训班').length - 1).toBe(names.length);
    expect(eight.text).toMatch(spacedWang);
    expect(eight.text).toContain('第一组');
    expect(eight.text).toContain('照片');
    expect(eight.text).toContain('中共辽源市委党校');
    expect(eight.text).not.toContain(wang);
    const ten = await pdfText(await exportTo('胸牌-10.pdf', { document: 'badges', badgesPerPage: 10 }));
    expect(ten.pages).toBe(Math.ceil(names.length / 10));
    expect(ten.text).not.toContain('照片');
  });

  it('座次表: one landscape page with the 主席台, the rows, every trainee, the committee in front when asked', async () => {
    const chart = await pdfText(await exportTo('座次表.pdf', { document: 'seating', sort: 'group', committeeFront: true }));
    expect(chart.pages).toBe(1);
    for (const text of ['2019年年轻干部培训班座次表', '第一排', '第六排', '6 排 × 8 座', '共 42 人', '班长'])
      expect(chart.text).toContain(text);
    // 主席台 is set wide, a letter's width between its characters.
    expect(chart.text).toMatch(/主\s*席\s*台/);
    for (const name of names) expect(chart.text).toMatch(printed(name));
    expect(chart.text).not.toContain(wang);
  });

  it('座次表 for a room set in the settings; a smaller room gets rows added', async () => {
    value(await t.router.call('settings.update', { classroom: { rows: 4, seats: 10, aisles: [3, 7] } }));
    const chart = await pdfText(await exportTo('座次表-小.pdf', { document: 'seating', sort: 'unit' }));
    expect(chart.text).toContain('4 排 × 10 座（座位不足，加排 1 排）');
    expect(chart.text).toContain('第五排');
  });

  it('座次表 as .xlsx: a column per seat, an empty one per aisle, a line per row under the 主席台', async () => {
    value(await t.router.call('settings.update', { classroom: { rows: 6, seats: 8, aisles: [4] } }));
    const { rows } = await readXlsx(await exportTo('座次表.xlsx', { document: 'seating', format: 'xlsx', sort: 'stroke' }));
    expect(rows[0]?.[0]).toBe('2019年年轻干部培训班座次表');
    expect(rows[2]?.[0]).toBe('主席台');
    expect(rows[3]).toEqual(['', '1', '2', '3', '4', '', '5', '6', '7', '8']);
    const seated = rows.slice(4);
    expect(seated.map((row) => row[0])).toEqual(['第一排', '第二排', '第三排', '第四排', '第五排', '第六排']);
    expect(seated.every((row) => (row[5] ?? '') === '')).toBe(true);
    const cells = seated.flatMap((row) => row.slice(1)).filter(Boolean);
    expect(cells).toHaveLength(names.length);
    expect(cells).toContain('王\u3000芳');
  });

  it('refuses cards in another format, and a per-session layout, writing nothing', async () => {
    for (const [input, field] of [
      [{ document: 'badges', format: 'xlsx' }, 'format'],
      [{ document: 'seating', format: 'docx' }, 'format'],
      [{ document: 'tentcards', signinBy: 'session' }, 'signinBy'],
    ] as const) {
      const path = join(t.dir, `拒绝-${field}.xlsx`);
      const result = await t.router.call('roster.export', { classId, grant: t.grant(path, 'export'), format: 'pdf', ...input });
      expect(result.ok || result.error.details).toMatchObject({ issues: [{ field }] });
      expect(existsSync(path)).toBe(false);
    }
  });
});
