import { existsSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { message } from '../../shared/i18n/translate';
import type { Browser } from 'playwright-core';
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

// The platform of the command line and of the tests: no dialogs (paths are arguments), PDFs printed
// by a headless Chromium exactly as Electron prints them in the app. The browser stays warm between
// documents (see warm-printer.ts); each document gets a context of its own, with JavaScript off and
// the network unreachable: the HTML is ours and self-contained.
export const chromiumPlatform = (options: { idleMs?: number } = {}): WarmPlatform => {
  const printer = warmPrinter<Browser>({
    start: async () => {
      const executablePath = findChromium();
      if (!executablePath) throw new AppError('INVALID_STATE', message('platform.noPrinter'));
      const { chromium } = await import('playwright-core');
      return chromium.launch({ executablePath, args: flags });
    },
    close: (browser) => browser.close(),
    alive: (browser) => browser.isConnected(),
    idleMs: options.idleMs ?? printerIdleMs,
  });
  return {
    ...noDialogs,
    // No printer dialog on a command line (nor in a headless test): export a PDF and print that.
    printDocument: noPrinting.printDocument,
    printToPdf: (html, { landscape }) =>
      printer.use(async (browser) => {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await context.newPage();
          await page.setContent(html, { waitUntil: 'load' });
          return await page.pdf({ format: 'A4', landscape, preferCSSPageSize: true, printBackground: true });
        } finally {
          await context.close();
        }
      }),
    dispose: printer.dispose,
  };
};
