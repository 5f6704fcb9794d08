import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { openCore, type OpenedCore } from '../electron/core/open';
import { startStaticServer } from './static-server';

const rendererDir = resolve(import.meta.dirname, '../out/renderer');
export const screenshotDir = resolve(import.meta.dirname, '../test-results/screens');

type AppFixture = {
  page: Page;
  opened: OpenedCore;
  dataDir: string;
  // Saves a full-page screenshot under test-results/screens for people to look at.
  screenshot: (name: string) => Promise<void>;
};

declare global {
  // Only an interface can extend the DOM's Window.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    __cadreInvoke: (channel: string, input: unknown) => Promise<unknown>;
  }
}

// The built renderer in real Chromium, with window.api bound to the real router of a fresh data
// folder: the path a click takes in the app, minus the Electron window.
export const test = base.extend<{ app: AppFixture }, { server: { url: string } }>({
  server: [
    // Playwright reads a fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer(rendererDir);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, server }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cadre-e2e-'));
    const opened = openCore({ dataDir });
    await page.exposeBinding('__cadreInvoke', (_source, channel: unknown, input: unknown) =>
      opened.router.handle(channel, input),
    );
    await page.addInitScript(() => {
      Object.defineProperty(window, 'api', {
        value: Object.freeze({ invoke: (channel: string, input: unknown) => window.__cadreInvoke(channel, input) }),
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.url}/index.html`);
    mkdirSync(screenshotDir, { recursive: true });
    const prefix = testInfo.titlePath
      .slice(1)
      .join(' ')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .slice(0, 60);
    let shot = 0;
    await use({
      page,
      opened,
      dataDir,
      screenshot: async (name) => {
        shot += 1;
        // Dialogs opening, tables appearing: wait until every finite animation has run its course.
        await page.waitForFunction(() =>
          document
            .getAnimations()
            .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
        );
        await page.screenshot({
          animations: 'disabled',
          path: join(screenshotDir, `${prefix}-${String(shot).padStart(2, '0')}-${name}.png`),
          fullPage: true,
        });
      },
    });
    opened.close();
    rmSync(dataDir, { recursive: true, force: true });
    // A page error or a console error fails the test that caused it.
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  },
});

export { expect } from '@playwright/test';
