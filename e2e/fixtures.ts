import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { chromiumPlatform } from '../electron/cli/chromium-platform';
import type { CoreHost } from '../electron/core/host/host';
import { standardRoster } from '../electron/core/testing/roster-files';
import { startAppCore } from '../electron/main/core-host';
import { bindRouter, emitTo } from './bridge';
import { startStaticServer } from './static-server';

const rendererDir = resolve(import.meta.dirname, '../out/renderer');
// The core's worker as the app runs it: the build's core-worker.js, beside main's index.js.
export const builtWorker = resolve(import.meta.dirname, '../out/main/core-worker.js');
export const builtParser = resolve(import.meta.dirname, '../out/main/parse-worker.js');
export const screenshotDir = resolve(import.meta.dirname, '../test-results/screens');

// An accessible name as antd renders it: two-character button labels get a space between them (取 消).
export const label = (text: string) => new RegExp(`${[...text].join('\\s?')}$`);

type AppFixture = {
  page: Page;
  host: CoreHost;
  dataDir: string;
  // What the user will pick in the next open or save dialog (the system dialog's stand-in).
  nextChosenFile: (path: string) => void;
  // The next open dialog stays open until the test answers it with the returned function: what the
  // person does on the page meanwhile (a page awaiting the dialog) can be tested.
  nextChosenFileLater: () => (path: string) => void;
  shownInFolder: string[];
  // Files the app asked the system to open with their viewer.
  opened: string[];
  // Documents sent to the print dialog (as the HTML of their pages).
  printed: string[];
  // Data folders chosen for the next start.
  dataFolders: string[];
  // Saves a full-page screenshot under test-results/screens for people to look at.
  screenshot: (name: string) => Promise<void>;
  // An error the test provokes on purpose: page errors matching it do not fail the test (and one
  // must have been seen, or the test did not provoke what it meant to).
  expectPageError: (pattern: RegExp) => void;
  // Answers the first-run dialog with the sample data, and waits for its three classes.
  loadSample: () => Promise<void>;
  // Until every finite animation has run its course (a dialog opening, a drawer sliding in).
  settle: () => Promise<void>;
  // Closes a drawer once the toasts have gone: a toast over its close button, hovered by the
  // pointer on its way there, stays (antd pauses a hovered message) and takes the click.
  closeDrawer: (drawer: Locator) => Promise<void>;
  // Set-up, through the page's api as the roster screens would do it (they have their own test):
  // `count` generated trainees enrolled in the class found by `search`, split into `groups`; the
  // roster as the reports board lists it.
  enrol: (search: string, count: number, groups: number) => Promise<{ name: string; group: number | null }[]>;
};

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
    const chosen: (string | Promise<string>)[] = [];
    const shownInFolder: string[] = [];
    const opened: string[] = [];
    const printed: string[] = [];
    const dataFolders: string[] = [];
    const printer = chromiumPlatform();
    // The core in its worker thread, as in the app. Its platform calls come back here: the system's
    // dialogs answered by the test, PDFs printed by headless Chromium (as Electron prints them).
    const host = startAppCore({
      workerFile: builtWorker,
      setup: { dataDir, parserEntry: builtParser },
      platform: {
        ...printer,
        chooseOpenFile: async () => chosen.shift(),
        chooseSaveFile: async () => chosen.shift(),
        chooseOpenFiles: async () => Promise.all(chosen.splice(0)),
        chooseFolder: async () => chosen.shift(),
        showInFolder: async (path) => {
          shownInFolder.push(path);
        },
        openFile: async (path) => {
          opened.push(path);
        },
        printDocument: async (html) => {
          printed.push(html);
          return true;
        },
        useDataFolder: async (path) => {
          dataFolders.push(path);
        },
      },
      emit: emitTo(page),
      log: (line) => console.error(line),
    });
    const ready = await host.ready();
    if (!ready.ok) throw new Error(`the core host did not start: ${ready.error.message}`);
    await bindRouter(page, host);
    const errors: string[] = [];
    const expected: RegExp[] = [];
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
    // Screens from an earlier run of this test would sit beside the new ones and mislead.
    for (const file of readdirSync(screenshotDir)) if (file.startsWith(`${prefix}-`)) rmSync(join(screenshotDir, file));
    let shot = 0;
    const settle = async () => {
      await page.waitForFunction(() =>
        document
          .getAnimations()
          .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
      );
    };
    await use({
      page,
      host,
      dataDir,
      nextChosenFile: (path) => chosen.push(path),
      nextChosenFileLater: () => {
        let answer: (path: string) => void = () => undefined;
        chosen.push(
          new Promise<string>((resolve) => {
            answer = resolve;
          }),
        );
        return answer;
      },
      shownInFolder,
      opened,
      printed,
      dataFolders,
      expectPageError: (pattern) => expected.push(pattern),
      loadSample: async () => {
        // The welcome has finished opening (a click on a dialog still zooming in can miss its button).
        await expect(page.getByRole('dialog', { name: '欢迎使用党校培训班管理' })).toBeVisible();
        await settle();
        await page
          .getByRole('dialog', { name: '欢迎使用党校培训班管理' })
          .getByRole('button', { name: label('载入示例数据') })
          .click();
        // The workbench comes first, showing the sample's year; then the list of its three classes.
        await expect(page.getByTestId('figure-classes')).toContainText('3');
        await page.getByRole('menuitem', { name: '培训班次' }).click();
        await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(3);
      },
      closeDrawer: async (drawer) => {
        await expect(page.locator('.ant-message-notice')).toHaveCount(0);
        await drawer.locator('.ant-drawer-close').click();
        await expect(drawer).toBeHidden();
      },
      enrol: async (search, count, groups) => {
        chosen.push(standardRoster(dataDir, count));
        return page.evaluate(
          async ({ search, groups }) => {
            const call = (channel: string, input: unknown) =>
              window.api.invoke(channel as never, input) as Promise<{ ok: boolean; value: never }>;
            const found = (await call('classes.list', { search })).value as { items: { id: number }[] };
            const classId = found.items[0]?.id ?? 0;
            const picked = (await call('files.chooseOpen', { purpose: 'rosterImport' })).value as { grant: string };
            await call('roster.importCommit', { classId, grant: picked.grant });
            await call('roster.splitGroups', { classId, groups });
            const board = (await call('reports.board', { classId })).value as { rows: { name: string; group: number | null }[] };
            return board.rows.map(({ name, group }) => ({ name, group }));
          },
          { search, groups },
        );
      },
      settle,
      screenshot: async (name) => {
        shot += 1;
        // Dialogs opening, tables appearing.
        await settle();
        await page.screenshot({
          animations: 'disabled',
          path: join(screenshotDir, `${prefix}-${String(shot).padStart(2, '0')}-${name}.png`),
          fullPage: true,
        });
      },
    });
    await host.close();
    // The warm browser that printed this test's PDFs goes with it, as main's print window goes with the app.
    await printer.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    // A page error or a console error fails the test that caused it, unless the test provoked it.
    const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
    if (unexpected.length > 0) throw new Error(`the page reported errors:\n${unexpected.join('\n')}`);
    const unseen = expected.filter((pattern) => !errors.some((error) => pattern.test(error)));
    if (unseen.length > 0) throw new Error(`expected page errors never came: ${unseen.join(', ')}`);
  },
});

export { expect };
