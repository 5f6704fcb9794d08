// The daily 签到表 as PDF, as the issue measured it in the app: a class of 38 trainees with sessions on
// 15 of its 24 days, exported through the router twice in one session (the first starts the printer,
// the second finds it warm, with the page for the next document opened in the meantime), beside the
// raw floor — the same warm Chromium printing a blank page.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays } from '../shared/dates';
import { chromiumPlatform, findChromium } from '../electron/cli/chromium-platform';
import { renderHtml } from '../electron/core/documents/html-writer';
import { rosterDoc } from '../electron/core/roster/table-documents';
import { value } from '../electron/core/testing/expect-result';
import { pdfText } from '../electron/core/testing/read-documents';
import { standardRoster } from '../electron/core/testing/roster-files';
import { openTempCore } from '../electron/core/testing/temp-core';

export type SigninFigure = { what: string; ms: number; target?: number; unit?: 'ms' | '×' | 'n' };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const signinPdfFigures = async (): Promise<SigninFigure[] | string> => {
  if (!findChromium()) return 'no Chromium, Chrome or Edge on this machine';
  const platform = chromiumPlatform();
  const t = openTempCore({ platform });
  try {
    // 2019-06-03 is a Monday: 24 days to 06-26, sessions on the 15 weekdays of the first three weeks.
    const classId = value(
      await t.router.call('classes.create', {
        name: '2019年年轻干部培训班',
        category: '主体班',
        startDate: '2019-06-03',
        endDate: '2019-06-26',
      }),
    ).id;
    const taught = Array.from({ length: 21 }, (_, day) => addDays('2019-06-03', day)).filter((_, day) => day % 7 < 5);
    for (const date of taught)
      value(
        await t.router.call('schedule.save', {
          classId,
          session: { date, start: '08:30', end: '11:30', title: '专题讲座', place: '第一教室' },
          accept: [{ kind: 'no_teacher', reason: '待定' }],
        }),
      );
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 38), 'rosterImport') }));

    // A person takes a moment between two exports (choosing where to save): a second here.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1000));
    let n = 0;
    const exportOnce = async () => {
      if (n > 0) await pause();
      n += 1;
      const path = join(t.dir, `签到表-${n}.pdf`);
      const start = performance.now();
      value(
        await t.router.call('roster.export', {
          classId,
          document: 'signin',
          format: 'pdf',
          grant: t.grant(path, 'export'),
        }),
      );
      return { ms: performance.now() - start, path };
    };
    const first = await exportOnce();
    const second = await exportOnce();
    const more = [await exportOnce(), await exportOnce(), await exportOnce()];
    const { pages } = await pdfText(second.path);

    // The floor: the warm browser printing an empty page (a context, a page, a PDF), median of 5.
    const blank = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';
    const floors: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await pause();
      const start = performance.now();
      await platform.printToPdf(blank, { landscape: false });
      floors.push(performance.now() - start);
    }
    const floor = median(floors);
    // And the same document's HTML printed straight by the warm Chromium: what the export adds to it
    // (building the document, the audit entry, the synced write) is the rest.
    const { doc } = rosterDoc(t.core, {
      classId,
      document: 'signin',
      reveal: { idNumber: false, phone: false },
      sort: 'stroke',
      signinBy: 'day',
    });
    const html = renderHtml(doc);
    const bare: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await pause();
      const start = performance.now();
      await platform.printToPdf(html, { landscape: false });
      bare.push(performance.now() - start);
    }
    const same = median(bare);
    const warm = median([second.ms, ...more.map((run) => run.ms)]);
    return [
      { what: `签到表 PDF (38 trainees, ${pages} pages for ${taught.length} session days of 24): first export`, ms: first.ms },
      { what: '签到表 PDF: second export in the same session, 1 s later (printer warm)', ms: second.ms, target: 1000 },
      { what: '签到表 PDF: warm exports 1 s apart, median of 4', ms: warm, target: 1000 },
      { what: 'raw floor: the warm Chromium printing a blank page (1 s apart), median of 5', ms: floor },
      { what: 'warm 签到表 export ÷ raw floor', ms: warm / floor, unit: '×' },
      { what: 'the same 签到表 HTML printed straight by the warm Chromium, median of 5', ms: same },
      { what: 'warm 签到表 export ÷ printing its HTML straight', ms: warm / same, unit: '×' },
    ];
  } finally {
    t.dispose();
    await platform.dispose();
  }
};
