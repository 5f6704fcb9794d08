import { existsSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { message } from '../../shared/i18n/translate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { warmPrinter } from '../core/documents/warm-printer';
import { noDialogs, noPrinting, printerIdleMs, type WarmPlatform } from '../core/platform';

// Chromium-family browsers a workstation is likely to have: Debian/UOS/Kylin Chromium, Chrome, Edge.
const candidates = [
  process.env['CADRE_CHROMIUM'],
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/microsoft-edge',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

export const findChromium = (): string | undefined =>
  candidates.find((path): path is string => Boolean(path) && existsSync(path ?? ''));

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// A context and page of their own for one document: JavaScript off, the network unreachable.
type Fresh = { context: BrowserContext; page: Page };
const freshPage = async (browser: Browser): Promise<Fresh> => {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  return { context, page: await context.newPage() };
};

// The warm browser, and the page the next document will get: opening a page costs more than laying
// out a 签到表, so it is opened while nobody waits, once the document before has been printed.
type Warm = { browser: Browser; next: Promise<Fresh> | undefined };

// The platform of the command line and of the tests: no dialogs (paths are arguments), PDFs printed
// by a headless Chromium exactly as Electron prints them in the app. The browser stays warm between
// documents (see warm-printer.ts); each document gets a context and page of its own, with JavaScript
// off and the network unreachable: the HTML is ours and self-contained.
export const chromiumPlatform = (options: { idleMs?: number } = {}): WarmPlatform => {
  const printer = warmPrinter<Warm>({
    start: async () => {
      const executablePath = findChromium();
      if (!executablePath) throw new AppError('INVALID_STATE', message('platform.noPrinter'));
      const { chromium } = await import('playwright-core');
      return { browser: await chromium.launch({ executablePath, args: flags }), next: undefined };
    },
    close: (warm) => warm.browser.close(),
    alive: (warm) => warm.browser.isConnected(),
    idleMs: options.idleMs ?? printerIdleMs,
  });
  return {
    ...noDialogs,
    // No printer dialog on a command line (nor in a headless test): export a PDF and print that.
    printDocument: noPrinting.printDocument,
    printToPdf: (html, { landscape }) =>
      printer.use(async (warm) => {
        const ready = await warm.next?.catch(() => undefined);
        warm.next = undefined;
        const { context, page } = ready ?? (await freshPage(warm.browser));
        try {
          await page.setContent(html, { waitUntil: 'load' });
          return await page.pdf({ format: 'A4', landscape, preferCSSPageSize: true, printBackground: true });
        } finally {
          await context.close();
          // Fails only when the browser is closing: the next document then starts one anew.
          const next = freshPage(warm.browser);
          next.catch(() => undefined);
          warm.next = next;
        }
      }),
    dispose: printer.dispose,
  };
};
