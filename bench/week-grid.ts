// The schedule screen in real Chromium, for `npm run bench`: a 40-day class of 300 sessions (the
// conflicts benchmark's data, denser than any real class), served from the built renderer.
// Prints its figures as JSON lines for bench/run.ts; run on its own it prints them too.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { value } from '../electron/core/testing/expect-result';
import { openTempCore } from '../electron/core/testing/temp-core';
import { bindRouter } from '../e2e/bridge';
import { chromiumPlatform } from '../electron/cli/chromium-platform';
import { spawnDevWorker } from '../electron/core/host/dev-worker';
import { startCoreHost } from '../electron/core/host/host';
import { startStaticServer } from '../e2e/static-server';
import { seedSchedules } from './seed-schedules';

type Figure = { what: string; ms: number; target?: number };

const rendererDir = resolve(import.meta.dirname, '../out/renderer');
const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const print = (line: Figure | { skipped: string }) => console.log(JSON.stringify(line));

if (!existsSync(`${rendererDir}/index.html`)) {
  print({ skipped: 'the renderer is not built (npm run build)' });
  process.exit(0);
}

// The data, seeded in this process; then the core hosted in its worker, as in the app.
const t = openTempCore();
seedSchedules(t.core.db);
value(await t.router.call('settings.update', { firstRunDone: true }));
t.close();
const host = startCoreHost({ spawn: spawnDevWorker({ dataDir: t.dir }), platform: chromiumPlatform(), emit: () => undefined });
const ready = await host.ready();
if (!ready.ok) throw new Error(ready.error.message);
const server = await startStaticServer(rendererDir);
const launched = await chromium.launch({
  ...(browser ? { executablePath: browser } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
// Where a page load's time went: the HTML, the scripts, the first paint, each call through the bridge.
const whereItGoes = (page: Page) =>
  page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => entry.name.endsWith('.js') && 'responseEnd' in entry)
      .map((entry) => entry.responseEnd);
    const calls = (Reflect.get(window, '__benchCalls') ?? []) as [string, number, number][];
    return {
      html: navigation?.responseEnd ?? 0,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0,
      lastScript: Math.max(0, ...scripts),
      firstPaint: paint?.startTime ?? 0,
      // antd's styles written at run time: few, when the prebuilt stylesheet serves (about 60 without it).
      styleTags: document.querySelectorAll('style').length,
      calls: calls.map(([channel, start, end]) => `${channel} ${start.toFixed(0)}–${end.toFixed(0)}`),
    };
  });

try {
  const fresh = async () => {
    // A context of its own: nothing cached from an earlier page load.
    const context = await launched.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
    const opened = await context.newPage();
    await bindRouter(opened, host);
    // Each call through the bridge, timed in the page's own clock.
    await opened.addInitScript({
      content: `(() => {
        const calls = [];
        window.__benchCalls = calls;
        const invoke = window.__cadreInvoke;
        window.__cadreInvoke = async (channel, input) => {
          const start = performance.now();
          try { return await invoke(channel, input); } finally { calls.push([channel, start, performance.now()]); }
        };
        // The moment the first row of a table (or the workbench's first figure) is in the document.
        new MutationObserver((_, observer) => {
          if (document.querySelector('.ant-table-tbody tr.ant-table-row, [data-testid="figure-classes"]')) {
            window.__firstRowAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      })();`,
    });
    return opened;
  };

  // The first screen: boot to the list of classes drawn, with only the list's own code loaded.
  const first = await fresh();
  await first.goto(`${server.url}/index.html#/classes`);
  await first.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  // The first frame painted after the first row arrived.
  const drawn = await first.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => resolve(Number(Reflect.get(window, '__firstRowAt') ?? performance.now()))),
      ),
  );
  const where = await whereItGoes(first);
  print({ what: 'first screen: page load to the list of 51 classes drawn', ms: drawn, target: 1000 });
  print({
    what: `  where it goes: HTML ${where.html.toFixed(0)}, scripts ${where.lastScript.toFixed(0)}, DOMContentLoaded ${where.domContentLoaded.toFixed(0)}, first paint ${where.firstPaint.toFixed(0)}, style tags written ${where.styleTags}, calls ${where.calls.join(', ')}`,
    ms: drawn,
  });
  await first.context().close();

  // The first screen as the app opens: the workbench, its figures drawn (the charts' code follows them).
  const bench = await fresh();
  await bench.goto(`${server.url}/index.html`);
  await bench.getByTestId('figure-classes').waitFor();
  // The moment the figures were in the document (ECharts, loading as they appear, holds the page's
  // thread a while after).
  const figuresAt = await bench.evaluate(() => Number(Reflect.get(window, '__firstRowAt') ?? performance.now()));
  const workbenchWhere = await whereItGoes(bench);
  print({ what: 'first screen: page load to the workbench’s figures drawn', ms: figuresAt, target: 1000 });
  print({
    what: `  where it goes: scripts ${workbenchWhere.lastScript.toFixed(0)}, first paint ${workbenchWhere.firstPaint.toFixed(0)}, style tags written ${workbenchWhere.styleTags}, calls ${workbenchWhere.calls.join(', ')}`,
    ms: figuresAt,
  });
  await bench.context().close();

  const page = await fresh();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));

  // Opening the class on its schedule tab: boot, the calls through the bridge, the first week drawn.
  await page.goto(`${server.url}/index.html#/classes/1?tab=schedule`);
  await page.getByTestId('session-card').first().waitFor();
  const opened = await page.evaluate(() => performance.now());
  print({ what: 'schedule tab of a 40-day, 300-session class: page load to first week drawn', ms: opened });

  // Paging through the weeks: the render after a click, to the next frame painted.
  const flips = await page.evaluate(async () => {
    const next = document.querySelector<HTMLButtonElement>('button[aria-label="下一周"]');
    const times: number[] = [];
    for (let i = 0; i < 5 && next && !next.disabled; i += 1) {
      const start = performance.now();
      next.click();
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      times.push(performance.now() - start);
    }
    return times;
  });
  const cards = await page.getByTestId('session-card').count();
  print({
    what: `week grid: next week, click to painted (${flips.length} weeks, ${cards} cards in the last), median`,
    ms: median(flips),
    target: 100,
  });

  // The list of all 300 at once.
  const list = await page.evaluate(async () => {
    const start = performance.now();
    const tab = [...document.querySelectorAll<HTMLElement>('.ant-segmented-item')].find((item) => item.textContent === '列表');
    tab?.click();
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return {
      ms: performance.now() - start,
      rows: document.querySelectorAll('[data-testid="session-list"] .ant-table-row').length,
    };
  });
  print({
    what: `list view of all 300 sessions (${list.rows} rows drawn, the rest as scrolled), click to painted`,
    ms: list.ms,
    target: 300,
  });
} finally {
  await launched.close();
  await server.close();
  await host.close();
  t.dispose();
}
