import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getDocumentProxy, extractText } from 'unpdf';
import { chromiumPlatform, findChromium } from './chromium-platform';

// The browsers this process started (Playwright launches Chromium as a direct child).
const browsers = (): string[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /--remote-debugging-pipe/.test(line))
      .map((line) => line.trim().split(/\s+/)[0] ?? '');
  } catch {
    // ps exits 1 when there is no child at all.
    return [];
  }
};

const textOf = async (pdf: Uint8Array) =>
  (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;

const page = (words: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body><p>${words}</p></body></html>`;

const withChromium = findChromium() && process.platform === 'linux' ? describe : describe.skip;

withChromium('the command line’s Chromium printer', { timeout: 60_000 }, () => {
  it('stays warm between documents, keeps concurrent documents apart, and goes when disposed or idle', async () => {
    const before = browsers();
    const platform = chromiumPlatform({ idleMs: 1_500 });
    const first = await platform.printToPdf(page('第一份签到表'), { landscape: false });
    expect(await textOf(first)).toContain('第一份签到表');
    const started = browsers().filter((pid) => !before.includes(pid));
    expect(started).toHaveLength(1);

    // Two at once, in the same warm browser: each PDF holds its own page and nothing of the other's.
    const [a, b] = await Promise.all([
      platform.printToPdf(page('甲班名册'), { landscape: false }),
      platform.printToPdf(page('乙班名册'), { landscape: true }),
    ]);
    expect(await textOf(a)).toContain('甲班名册');
    expect(await textOf(a)).not.toContain('乙班名册');
    expect(await textOf(b)).toContain('乙班名册');
    expect(browsers().filter((pid) => !before.includes(pid))).toEqual(started);

    await platform.dispose();
    expect(browsers().filter((pid) => !before.includes(pid))).toEqual([]);

    // Started again by the next document, and closed by itself once left idle.
    await platform.printToPdf(page('第二份签到表'), { landscape: false });
    expect(browsers().filter((pid) => !before.includes(pid))).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(browsers().filter((pid) => !before.includes(pid))).toEqual([]);
  });
});
