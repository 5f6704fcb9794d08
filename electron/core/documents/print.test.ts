import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, chineseDate, daysBetween } from '../../../shared/dates';
import { chromiumPlatform, findChromium } from '../../cli/chromium-platform';
import { pdfText } from '../testing/read-documents';
import { failure, value } from '../testing/expect-result';
import { standardRoster } from '../testing/roster-files';
import { bareSampleClass } from '../testing/sample-class';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
let classId = 0;
const printed: { html: string; landscape: boolean; title: string }[] = [];
let answer = true;
beforeEach(async () => {
  printed.length = 0;
  answer = true;
  // The system's print dialog, as main opens it: here it records the page and says printed or not.
  t = openTempCore({
    platform: {
      ...chromiumPlatform(),
      printDocument: async (html, options) => {
        printed.push({ html, ...options });
        return answer;
      },
    },
  });
  value(await t.router.call('app.loadSample', {}));
  classId = await bareSampleClass(t);
  value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 12), 'rosterImport') }));
});
afterEach(() => t.dispose());

const logged = () =>
  t.core.db.prepare(`SELECT summary FROM audit_log WHERE action = 'print' ORDER BY id`).pluck().all() as string[];

describe('printing', () => {
  it('sends 桌签, 胸牌 and the 座次表 to the print dialog, the same pages as their PDFs, and logs them', async () => {
    const roster = value(await t.router.call('roster.list', { classId })).items;
    for (const [document, landscape] of [
      ['tentcards', true],
      ['badges', false],
      ['seating', true],
    ] as const) {
      const result = value(await t.router.call('roster.print', { classId, document, tentcardsPerPage: 1 }));
      expect(result).toEqual({ printed: true, rows: roster.length });
      expect(printed.at(-1)?.landscape).toBe(landscape);
      for (const person of roster)
        expect(printed.at(-1)?.html).toContain(person.name.length === 2 ? [...person.name].join('\u3000') : person.name);
    }
    expect(logged().slice(-3)).toEqual([
      expect.stringContaining('打印桌签'),
      expect.stringContaining('打印胸牌'),
      expect.stringContaining('打印座次表'),
    ]);
  });

  it('sends the roster and the sign-in sheet to the print dialog, masked, and the log says who printed what', async () => {
    const roster = value(await t.router.call('roster.list', { classId })).items;
    const result = value(await t.router.call('roster.print', { classId, document: 'roster' }));
    expect(result).toEqual({ printed: true, rows: 12 });
    const [page] = printed;
    expect(page?.title).toBe('2019年年轻干部培训班学员名册');
    for (const person of roster) expect(page?.html).toContain(person.name);
    // Masked, as every printed sheet is: no full phone or ID number anywhere on the page.
    expect(page?.html).toContain(roster[0]?.phoneMasked);
    expect(page?.html).not.toMatch(/1\d{10}|\d{17}[\dX]/);
    const withIds = value(await t.router.call('roster.print', { classId, document: 'roster', columns: ['name', 'idNumber'] }));
    expect(withIds.rows).toBe(12);
    expect(printed[1]?.html).toContain(roster[0]?.idNumberMasked);
    expect(printed[1]?.html).not.toMatch(/\d{17}[\dX]/);
    printed.splice(1);

    // A page per session of the sign-in sheet, cancelled in the dialog: logged all the same.
    answer = false;
    const sessions = value(await t.router.call('schedule.list', { classId }));
    const signin = value(await t.router.call('roster.print', { classId, document: 'signin', sessionId: sessions[0]?.id ?? 0 }));
    expect(signin.printed).toBe(false);
    expect(printed[1]?.html).toContain(sessions[0]?.title);
    expect(logged()).toEqual([
      '2019年年轻干部培训班：打印学员名册（12 人）',
      '2019年年轻干部培训班：打印学员名册（12 人）',
      '2019年年轻干部培训班：打印签到表（12 人）',
    ]);
  });

  it('prints the schedule landscape', async () => {
    const sessions = value(await t.router.call('schedule.list', { classId }));
    const result = value(await t.router.call('schedule.print', { classId }));
    expect(result.printed).toBe(true);
    expect(result.rows).toBe(sessions.length);
    expect(printed[0]).toMatchObject({ landscape: true });
    expect(printed[0]?.html).toContain(sessions[0]?.title);
    expect(logged()).toEqual(['2019年年轻干部培训班：打印课程表']);
  });

  it('refuses what cannot be printed before anything is logged or shown', async () => {
    const before = snapshot(t.core.db);
    failure(await t.router.call('roster.print', { classId: 999_999, document: 'roster' }), 'NOT_FOUND');
    failure(await t.router.call('roster.print', { classId, document: 'roster', format: 'pdf' } as never), 'INVALID_INPUT');
    failure(await t.router.call('roster.print', { classId, document: 'roster', sessionId: 999_999 }), 'INVALID_INPUT');
    failure(await t.router.call('schedule.print', { classId: 0 }), 'INVALID_INPUT');
    expect(printed).toEqual([]);
    expect(snapshot(t.core.db)).toBe(before);
  });

  const pdf = findChromium() ? it : it.skip;
  pdf(
    'the daily sign-in sheet as PDF: a page per day with sessions (every day when asked), 小组 when sorted by group',
    async () => {
      const target = value(await t.router.call('classes.get', { ref: classId }));
      value(await t.router.call('roster.splitGroups', { classId, groups: 3 }));
      const taught = [...new Set(value(await t.router.call('schedule.list', { classId })).map((s) => s.date))].sort();
      const calendar = Array.from({ length: daysBetween(target.startDate, target.endDate) + 1 }, (_, i) =>
        addDays(target.startDate, i),
      );
      const idle = calendar.filter((date) => !taught.includes(date));
      // The sample's two weeks have a weekend (and more) without sessions: the sheet must leave those out.
      expect(idle.length).toBeGreaterThan(0);
      const exportPdf = async (name: string, input: Record<string, unknown>) => {
        const path = join(t.dir, name);
        value(
          await t.router.call('roster.export', {
            classId,
            document: 'signin',
            format: 'pdf',
            grant: t.grant(path, 'export'),
            ...input,
          }),
        );
        return pdfText(path);
      };
      const byDay = await exportPdf('签到表.pdf', { sort: 'group' });
      expect(byDay.pages).toBe(taught.length);
      for (const date of taught) expect(byDay.text).toContain(chineseDate(date));
      for (const date of idle) expect(byDay.text).not.toContain(chineseDate(date));
      // Sorted by group: each row says its group.
      expect(byDay.text).toContain('小组');
      expect(byDay.text).toMatch(/第一组/);

      const every = await exportPdf('签到表-每天.pdf', { allDays: true, sort: 'stroke' });
      expect(every.pages).toBe(calendar.length);
      for (const date of idle) expect(every.text).toContain(chineseDate(date));
      expect(every.text).not.toMatch(/小组|第一组/);
    },
  );

  it('says plainly that the command line has no print dialog', async () => {
    const cli = openTempCore({ platform: chromiumPlatform() });
    try {
      value(await cli.router.call('app.loadSample', {}));
      const id = value(await cli.router.call('classes.list', {})).items[0]?.id ?? 0;
      expect(failure(await cli.router.call('schedule.print', { classId: id }), 'INVALID_STATE').message).toMatch(/打印|PDF/);
    } finally {
      cli.dispose();
    }
  });
});
