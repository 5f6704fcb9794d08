import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPlatform, findChromium } from '../../cli/chromium-platform';
import { value } from '../testing/expect-result';
import { docxText, docxXml, pdfText } from '../testing/read-documents';
import { makeTempDir, openTempCore, type TempCore } from '../testing/temp-core';

// Issue 23, done-when: the sample class (辽源, 年轻干部培训班) gives a 学员手册, a 座次表 and 桌签 a
// 班主任 would print. Each is made through the router as the app makes it, then read back as
// another program reads it: the .docx's text and structure, the PDFs by pdftotext, page by page.

const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
const poppler = has('pdftotext') && has('pdfinfo');
const soffice = ['soffice', 'libreoffice'].find((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0);

// The pages of a PDF and the text of each (pdftotext keeps a page's lines as laid out).
const pdfPages = (file: string): string[] => {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
  );
};
// A name as a PDF's text layer gives it back: a two-character one spaced (王　芳), any spacing.
const printedName = (name: string) => new RegExp([...name].join('\\s*'));
// pdftotext sets a space between digits and characters (2019 年): compared without spaces.
const squash = (text: string) => text.replace(/\s+/g, '');

// The documents are kept where people can open them and look (test-results is not committed).
const keep = resolve(import.meta.dirname, '../../../test-results/sample-documents');

const run = findChromium() ? describe : describe.skip;
if (!findChromium()) console.log('sample class documents skipped: no Chromium, Chrome or Edge to print the PDFs');

run('the sample class documents a 班主任 prints', () => {
  let t: TempCore;
  let classId: number;
  let names: string[];
  const made = new Map<string, string>();

  beforeAll(async () => {
    t = openTempCore({ platform: chromiumPlatform() });
    value(await t.router.call('app.loadSample', {}));
    classId = value(await t.router.call('classes.list', { search: '年轻干部' })).items[0]?.id ?? 0;
    names = value(await t.router.call('roster.list', { classId }))
      .items.filter((p) => p.status !== 'withdrawn')
      .map((p) => p.name);
    // Seated as a 班主任 seats a new class: by group, the committee in front.
    value(await t.router.call('seating.arrange', { classId, sort: 'group', committeeFront: true }));
    mkdirSync(keep, { recursive: true });
    const out = async (file: string, call: () => Promise<unknown>) => {
      await call();
      made.set(file, join(t.dir, file));
      copyFileSync(join(t.dir, file), join(keep, file));
    };
    const grant = (file: string) => t.grant(join(t.dir, file), 'export');
    await out('学员手册.docx', async () =>
      value(await t.router.call('lifecycle.handbook', { classId, grant: grant('学员手册.docx') })),
    );
    for (const [file, input] of [
      ['座次表.pdf', { document: 'seating' }],
      ['研讨座次表.pdf', { document: 'seating', seatingLayout: 'tables' }],
      ['桌签.pdf', { document: 'tentcards' }],
    ] as const)
      await out(file, async () =>
        value(await t.router.call('roster.export', { classId, grant: grant(file), format: 'pdf', ...input })),
      );
  }, 120_000);
  afterAll(() => t.dispose());
  const file = (name: string) => made.get(name) ?? '';

  it('学员手册: cover, contents, nine numbered sections with the class in them, page numbers, never an ID number', () => {
    const text = docxText(file('学员手册.docx'));
    const xml = docxXml(file('学员手册.docx'));
    for (const part of [
      '中共辽源市委党校',
      '2019年年轻干部培训班',
      '学员手册',
      '目　录',
      '一、开班须知',
      '四、学员名册',
      '九、联系方式',
    ])
      expect(text).toContain(part);
    for (const name of names) expect(text).toContain(name);
    // A page break before each section, a heading style for the contents, a PAGE field in the footer.
    expect(xml.match(/<w:pageBreakBefore\/>/g)?.length ?? 0).toBeGreaterThanOrEqual(9);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/TOC \\h \\o/);
    expect(text).not.toMatch(/\d{17}[\dX]/);
  });

  const pdfs = poppler ? it : it.skip;
  if (!poppler) console.log('sample PDFs read back with unpdf only: pdftotext/pdfinfo (poppler-utils) not installed');

  pdfs('座次表: one A4 landscape page, the 主席台 above the rows, everyone seated once, the 班长 in front', () => {
    const [page, ...more] = pdfPages(file('座次表.pdf'));
    expect(more).toEqual([]);
    expect(execFileSync('pdfinfo', [file('座次表.pdf')], { encoding: 'utf8' })).toMatch(
      /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/,
    );
    const lines = (page ?? '').split('\n');
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    expect(at(/2019\s*年年轻干部培训班座次表/)).toBe(at(/\S/));
    expect(at(/主\s*席\s*台/)).toBeLessThan(at(/第一排/));
    expect(at(/第一排/)).toBeLessThan(at(/第六排/));
    for (const name of names)
      expect(page?.match(new RegExp(printedName(name), 'g'))?.length ?? 0, name).toBeGreaterThanOrEqual(1);
    // The 班长 sits in the front row, first seat (the names are on the line above their notes).
    const front = lines.slice(at(/主\s*席\s*台/) + 1, at(/第二排/)).join('\n');
    expect(front).toContain('班长');
  });

  pdfs('结构化研讨: one page, a table per group with its 组长', async () => {
    const pages = pdfPages(file('研讨座次表.pdf'));
    expect(pages).toHaveLength(1);
    const groups = value(await t.router.call('seating.get', { classId })).tables;
    for (const g of groups)
      expect(pages[0]).toContain(g.group === null ? '未分组' : `第${'一二三四五六七八九十'[g.group - 1]}组`);
    expect(pages[0]?.match(/组长/g)?.length).toBe(groups.filter((g) => g.members.some((m) => m.leader)).length);
    for (const name of names) expect(pages[0]).toMatch(printedName(name));
  });

  pdfs('桌签: a page a trainee, the name on both halves (the upper one turned), unit and position below', async () => {
    const pages = pdfPages(file('桌签.pdf'));
    expect(pages).toHaveLength(names.length);
    const roster = value(await t.router.call('roster.list', { classId })).items;
    const seen = new Set<string>();
    pages.forEach((page, i) => {
      const lines = page.split('\n').map(squash).filter(Boolean);
      // Read upside down, the upper half's characters come back in reverse order.
      const person = roster.find((p) => lines.includes(p.name) && lines.includes([...p.name].reverse().join('')));
      expect(person, `page ${i + 1}: ${lines.join(' / ')}`).toBeDefined();
      if (!person) return;
      seen.add(person.name);
      expect(
        lines.filter((line) => line === squash(`${person.unit}${person.position}`)),
        `page ${i + 1}`,
      ).toHaveLength(2);
    });
    expect(seen.size).toBe(names.length);
  });

  it('the PDFs read the same with a second reader', async () => {
    expect((await pdfText(file('座次表.pdf'))).pages).toBe(1);
    expect((await pdfText(file('桌签.pdf'))).pages).toBe(names.length);
  });

  // LibreOffice opens and converts the handbook as a 班主任's office machine would; each section starts
  // on the page its contents entry says (the contents are page 1, after the cover).
  const office = soffice && poppler ? it : it.skip;
  if (!soffice) console.log('handbook conversion skipped: LibreOffice (soffice) is not installed on this machine');
  office(
    'LibreOffice converts the handbook without error, each section on the page the contents give',
    async () => {
      const temp = makeTempDir('cadre-soffice-');
      try {
        const profile = join(temp.dir, 'profile');
        const result = spawnSync(
          soffice ?? 'soffice',
          [
            `-env:UserInstallation=file://${profile}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            temp.dir,
            file('学员手册.docx'),
          ],
          { encoding: 'utf8', timeout: 120_000 },
        );
        expect(result.status, result.stderr).toBe(0);
        const pdf = readdirSync(temp.dir).find((name) => name.endsWith('.pdf'));
        expect(pdf).toBeDefined();
        copyFileSync(join(temp.dir, pdf ?? ''), join(keep, '学员手册-libreoffice.pdf'));
        const pages = pdfPages(join(temp.dir, pdf ?? ''));
        // Cover, contents, and a page at least for each of the nine sections.
        expect(pages.length).toBeGreaterThanOrEqual(11);
        expect(squash(pages[0] ?? '')).toContain('2019年年轻干部培训班');
        expect(squash(pages[0] ?? '')).toContain('学员手册');
        expect(pages[1]).toMatch(/目\s*录/);
        // The contents list each section with a page number; the section is on that page.
        const entries = [...(pages[1] ?? '').matchAll(/([一二三四五六七八九]、\S+?)[\s.…·]+(\d+)\s*$/gm)];
        expect(entries.length).toBe(9);
        for (const [, heading, number] of entries) {
          const physical = Number(number) + 1;
          expect(squash(pages[physical - 1] ?? ''), `${heading} on page ${number}`).toContain(squash(heading ?? ''));
        }
        // Each group's list stays on one page with its heading, never its last rows alone overleaf.
        const groups = value(await t.router.call('seating.get', { classId })).tables.filter((g) => g.group !== null);
        for (const g of groups) {
          const heading = `第${'一二三四五六七八九十'[(g.group ?? 1) - 1]}组（${g.members.length}人）`;
          const page = pages.map(squash).find((text) => text.includes(heading)) ?? '';
          for (const m of g.members) expect(page, `${heading} ${m.name}`).toContain(m.name);
        }
        expect(existsSync(profile)).toBe(true);
      } finally {
        temp.remove();
      }
    },
    180_000,
  );
});
