import type { Locator, Page } from '@playwright/test';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { standardRoster } from '../electron/core/testing/roster-files';
import config from '../playwright.config';
import { expect, label, screenshotDir, test } from './fixtures';

// What the screens look like on the office PCs the app meets most: 1280×720 and 1366×768 (laptops,
// old projectors). Every page and every main dialog, with the sample data loaded, is measured in the
// page for what a person would see as broken: a page that scrolls sideways, a column squeezed to one
// character a line or to "辽…", a button cut off by a table or below the bottom of the window, a
// page that jumps sideways when a dialog opens.

// Runs in the page: what does not fit, described in words (empty when all is well). `scope` says
// what to measure: the page, or the dialog or drawer open over it.
const measure = (scope: 'page' | 'dialog' | 'drawer'): string[] => {
  const problems: string[] = [];
  const width = window.innerWidth;
  const height = window.innerHeight;
  const shown = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const words = (element: Element) =>
    (element.textContent ?? '').replace(/\s+/g, '').slice(0, 24) || element.getAttribute('aria-label') || element.tagName;
  // Which part of the screen, for the message: the nearest card's title or test id.
  const where = (element: Element) => {
    const card = element.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent;
    const id = element.closest('[data-testid]')?.getAttribute('data-testid');
    return card ? ` (in "${card}")` : id ? ` (in ${id})` : '';
  };
  const overlays = {
    page: [document.querySelector('.ant-layout-content')],
    dialog: [...document.querySelectorAll('.ant-modal-wrap')].filter((wrap) => shown(wrap) && wrap.querySelector('.ant-modal')),
    drawer: [...document.querySelectorAll('.ant-drawer-content-wrapper')].filter(shown),
  }[scope];
  const root = overlays.at(-1);
  if (!root) return [`no ${scope} is open`];

  // The document itself never scrolls sideways.
  for (const [name, element] of [
    ['html', document.documentElement],
    ['body', document.body],
    ['main content', document.querySelector('.ant-layout-content')],
  ] as const)
    if (element && element.scrollWidth > element.clientWidth + 1)
      problems.push(`${name} scrolls sideways (${element.scrollWidth} > ${element.clientWidth} px)`);

  // Text squeezed into a column too narrow for it: a header written one character a line
  // (培/训/计/划), or cut to a character or two and "…".
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const stacked = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const parent = node.parentElement;
    if (text.length < 2 || !parent || !shown(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top))).size;
    if (lines >= 2 && text.length / lines <= 1.5 && !stacked.has(parent)) {
      stacked.add(parent);
      problems.push(`"${text.slice(0, 16)}" is written one character a line (${lines} lines)`);
    }
  }
  // A column header narrower than three characters of its own words.
  for (const header of root.querySelectorAll('th')) {
    const text = (header.textContent ?? '').trim();
    const em = parseFloat(getComputedStyle(header).fontSize);
    if (/\p{Script=Han}.*\p{Script=Han}/u.test(text) && shown(header) && header.clientWidth < 3 * em)
      problems.push(`the column "${text.slice(0, 16)}" is ${header.clientWidth} px wide${where(header)}`);
  }
  // A figure broken from its unit ("276" over "小时"): taller than one line of it.
  for (const figure of root.querySelectorAll('.ant-statistic-content')) {
    const style = getComputedStyle(figure);
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
    if (shown(figure) && figure.getBoundingClientRect().height > 1.5 * line)
      problems.push(`the figure "${words(figure)}" is broken over two lines${where(figure)}`);
  }
  for (const element of root.querySelectorAll('*')) {
    const style = getComputedStyle(element);
    const clampedLines = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '';
    const ellipsis = style.textOverflow === 'ellipsis' && style.overflowX !== 'visible';
    if (!ellipsis && !clampedLines) continue;
    const cut =
      element.scrollWidth > element.clientWidth + 1 || (clampedLines && element.scrollHeight > element.clientHeight + 1);
    if (!cut || !shown(element)) continue;
    const em = parseFloat(style.fontSize);
    // A teaching point cut on a week-grid card loses what the card is for (a long title may be
    // cut to two lines: the card's tooltip and dialog hold it whole).
    const card = element.closest('[data-testid="session-card"]');
    if (card && card.getAttribute('aria-label')?.endsWith(element.textContent ?? '')) continue;
    if (card) problems.push(`a schedule card cuts "${words(element)}" (${element.clientWidth} px wide)`);
    else if (element.clientWidth < 4 * em)
      problems.push(`"${words(element)}" is cut to ${element.clientWidth} px${where(element)}`);
  }

  // Every button and field in reach: not cut off by a table or a grid that scrolls sideways, nor
  // outside the window.
  const clips = new Map<Element, boolean>();
  const clipsSideways = (element: Element) => {
    let known = clips.get(element);
    if (known === undefined) {
      const style = getComputedStyle(element);
      known = style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1;
      clips.set(element, known);
    }
    return known;
  };
  const controls = root.querySelectorAll(
    'button, input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"]), textarea, a[href]',
  );
  for (const control of controls) {
    if (!shown(control) || control.closest('.ant-select, .ant-picker, .ant-tabs-nav')) continue;
    const box = control.getBoundingClientRect();
    if (box.right > width + 1 || box.left < -1) {
      problems.push(`"${words(control)}" is outside the window sideways (${Math.round(box.left)}–${Math.round(box.right)} px)`);
      continue;
    }
    for (let up = control.parentElement; up && up !== root.parentElement; up = up.parentElement) {
      if (!clipsSideways(up)) continue;
      const frame = up.getBoundingClientRect();
      if (box.right > frame.right + 1 || box.left < frame.left - 1) {
        problems.push(`"${words(control)}" is hidden to the side of a scrolling area (needs sideways scrolling)`);
        break;
      }
    }
  }

  if (scope !== 'page') {
    const box = (root.querySelector('.ant-modal') ?? root).getBoundingClientRect();
    if (box.right > width + 1 || box.left < -1) problems.push(`the ${scope} is wider than the window`);
    if (scope === 'dialog' && root.scrollHeight > root.clientHeight + 1)
      problems.push(`the dialog is taller than the window (${root.scrollHeight} > ${root.clientHeight} px): its page scrolls`);
    // Save and Cancel stay on screen, whatever the dialog's body holds.
    for (const button of root.querySelectorAll(
      '.ant-modal-footer button, .ant-modal-close, .ant-drawer-header button, .ant-drawer-footer button',
    )) {
      const at = button.getBoundingClientRect();
      if (shown(button) && (at.bottom > height + 1 || at.top < -1))
        problems.push(`"${words(button)}" is below the window (${Math.round(at.top)}–${Math.round(at.bottom)} px of ${height})`);
    }
    // Any other button is either on screen or in a part of the dialog that scrolls to it.
    for (const button of root.querySelectorAll('.ant-modal-body button, .ant-drawer-body button')) {
      if (!shown(button)) continue;
      const at = button.getBoundingClientRect();
      if (at.bottom <= height + 1 && at.top >= -1) continue;
      let scrolled = false;
      for (let up = button.parentElement; up && up !== root; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (/(auto|scroll)/.test(style.overflowY) && up.scrollHeight > up.clientHeight + 1) scrolled = true;
      }
      if (!scrolled) problems.push(`"${words(button)}" is below the window and nothing but the page scrolls to it`);
    }
  }
  return [...new Set(problems)];
};

// Where a fixed part of the window is: it must not move when a dialog opens.
const anchorX = (page: Page) => page.locator('.search-button').evaluate((button) => button.getBoundingClientRect().x);

// With the scrollbars the office PCs draw (headless Chromium hides them): they take their width from
// the page, and a dialog that hides the page's scrollbar must not make the page move.
test.use({ launchOptions: { ...config.use?.launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] } });

// The two sizes side by side, each in a browser of its own.
test.describe.configure({ mode: 'parallel' });

const sizes = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
] as const;

for (const size of sizes) {
  test.describe(`${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test(`every page and main dialog fits at ${size.width}×${size.height}`, async ({ app }) => {
      test.setTimeout(300_000);
      const { page } = app;
      const problems: string[] = [];
      // What a person sees at this size: the window, not the whole length of the page (a full-page
      // picture also resizes the window for a moment, which leaves the page without its scrollbar).
      const prefix = `layout-${size.width}x${size.height}-`;
      mkdirSync(screenshotDir, { recursive: true });
      for (const file of readdirSync(screenshotDir)) if (file.startsWith(prefix)) rmSync(join(screenshotDir, file));
      let shot = 0;
      const screenshot = async (name: string) => {
        shot += 1;
        await app.settle();
        const path = join(screenshotDir, `${prefix}${String(shot).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ animations: 'disabled', path });
      };
      const check = async (where: string, scope: 'page' | 'dialog' | 'drawer' = 'page') => {
        const found = await page.evaluate(measure, scope);
        problems.push(...found.map((problem) => `${where}: ${problem}`));
      };
      // A page, once drawn: measured, and kept as a picture for people to look at.
      const visit = async (where: string, ready: Locator) => {
        await expect(ready.first()).toBeVisible();
        await app.settle();
        await check(where);
        await screenshot(where);
      };
      // A dialog opened from the page: measured, pictured, closed again; the page behind it stays put.
      const dialog = async (where: string, open: () => Promise<unknown>, close?: (dialog: Locator) => Promise<unknown>) => {
        // From the page's top, the way a person meets the button (and the page has its scrollbar, if any).
        const before = await anchorX(page);
        await open();
        const shown = page.locator('.ant-modal-wrap:visible .ant-modal').last();
        await expect(shown).toBeVisible();
        await app.settle();
        const after = await anchorX(page);
        if (Math.abs(after - before) > 0.5)
          problems.push(`${where}: the page moves ${after - before} px sideways as the dialog opens`);
        await check(where, 'dialog');
        await screenshot(where);
        if (close) await close(shown);
        else await page.keyboard.press('Escape');
        await expect(page.locator('.ant-modal-wrap:visible .ant-modal')).toHaveCount(0);
      };
      // A drawer, the same way: measured, pictured, closed by its ✕.
      const drawer = async (where: string, open: () => Promise<unknown>) => {
        await open();
        const shown = page.locator('.ant-drawer-content-wrapper:visible').last();
        await expect(shown).toBeVisible();
        await app.settle();
        await check(where, 'drawer');
        await screenshot(where);
        await app.closeDrawer(shown);
      };
      const menu = (name: string) => page.getByRole('menuitem', { name }).click();
      const button = (name: string) =>
        page
          .getByRole('button', { name: label(name) })
          .first()
          .click();
      const tab = (name: string) => page.getByRole('tab', { name }).click();

      await app.loadSample();
      // What is measured is each screen at rest: dialogs and drawers open and close without their
      // animations (a fraction of a second each, sixty times over on a busy machine).
      await page.addStyleTag({
        content: `*, *::before, *::after { animation-duration: 1ms !important; animation-delay: 0s !important;
          transition-duration: 1ms !important; transition-delay: 0s !important; }`,
      });

      await menu('工作台');
      await visit('workbench', page.getByTestId('figure-classes'));
      await dialog('workbench-export', () => button('导出年度统计'));
      await dialog('search-palette', () => page.keyboard.press('Control+k'));

      await menu('培训班次');
      await visit('classes', page.locator('.ant-table-row'));
      await dialog('class-new', () => button('新建班次'));

      await page.getByRole('link', { name: '2019年年轻干部培训班' }).click();
      await visit('class-overview', page.getByRole('tab', { name: '概况' }));
      await dialog('class-edit', () => button('编辑'));
      await dialog('class-copy', () => button('另存为新班次'));

      await tab('学员名册');
      await visit('class-roster', page.getByTestId('roster-table'));
      await dialog('trainee-new', () => button('添加学员'));
      await dialog('roster-import', () => button('导入名册'));
      // The wizard's second step: a 组织部 list read, its preview on screen (then left without importing).
      await dialog('roster-import-preview', async () => {
        await button('导入名册');
        app.nextChosenFile(standardRoster(app.dataDir, 38));
        await page
          .getByRole('dialog', { name: '导入学员名册' })
          .getByRole('button', { name: label('选择文件…') })
          .click();
        await expect(page.getByTestId('import-preview')).toBeVisible();
      });
      await dialog('roster-split', () => button('自动分组'));
      await dialog('roster-export', () => button('导出'));

      await tab('座次');
      await visit('class-seating', page.getByTestId('seat-grid'));
      await page.getByTestId('seating-layout-switch').getByText('结构化研讨').click();
      await visit('class-seating-tables', page.getByTestId('group-table'));
      await page.getByTestId('seating-layout-switch').getByText('教室座位').click();
      await dialog('seating-export', () => button('导出座次表'));

      await tab('课程安排');
      await visit('class-schedule-week-1', page.getByTestId('session-card'));
      await page.getByRole('button', { name: label('下一周') }).click();
      await visit('class-schedule-week-2', page.getByTestId('session-card'));
      await dialog('session-new', () => button('添加课程'));
      await dialog('session-edit', () => page.getByTestId('session-card').first().click());
      await dialog('schedule-balance', () => button('课时统计'));
      await dialog('schedule-copy', () => button('从往期复制'));
      await dialog('schedule-import', () => button('导入课程表'));
      await dialog('schedule-export', () => button('导出'));
      await drawer('schedule-conflicts', () => button('冲突检查'));
      await page.getByText('列表', { exact: true }).click();
      await visit('class-schedule-list', page.getByTestId('session-list').locator('.ant-table-row'));
      await drawer('session-attendance', () => button('考勤'));

      await tab('考勤');
      await visit('class-attendance', page.getByTestId('attendance-summary'));
      await dialog('attendance-export', () => button('导出考勤表'));

      await tab('四同');
      await visit('class-lodging', page.getByTestId('lodging-tab'));
      await dialog('stay-new', () => button('新建住宿安排'));
      await dialog('stay-edit', () =>
        page
          .getByTestId('lodging-tab')
          .getByRole('button', { name: label('编辑') })
          .first()
          .click(),
      );
      await dialog('lodging-export', () =>
        page
          .getByTestId('lodging-tab')
          .getByRole('button', { name: label('导出') })
          .first()
          .click(),
      );

      await tab('调研报告');
      await visit('class-reports', page.getByTestId('reports-board'));
      await dialog('reports-archive', () => button('导出班级档案包'));
      await dialog('reports-compile', () => button('优秀调研报告汇编'));
      await drawer('report-drawer', () => page.getByTestId('reports-board').locator('.ant-table-row').first().click());

      await tab('满意度测评');
      await visit('class-surveys', page.getByTestId('survey-results'));
      await page.locator('.response-grid').scrollIntoViewIfNeeded();
      await visit('class-surveys-grid', page.locator('.response-grid'));
      await dialog('survey-new', () => button('新建测评'));
      await dialog('survey-platform', () => button('导入问卷星/腾讯问卷'));

      await tab('结业');
      await visit('class-closing', page.getByTestId('closing-checklist'));
      await dialog('closing-summary', () => button('生成培训班总结'));
      await dialog('closing-certificates', () => button('生成结业证书'));
      await dialog('closing-hours', () => button('导出学时统计表'));

      await menu('学员');
      await visit('trainees', page.locator('.ant-table-row'));
      await page.locator('.ant-table-row').first().getByRole('link').first().click();
      await visit('trainee-detail', page.locator('.ant-layout-content .ant-card'));

      await menu('师资');
      await visit('staff', page.locator('.ant-table-row'));
      await dialog('staff-new', () => button('添加人员'));
      await dialog('staff-export', () => button('导出表格'));
      await page.locator('.ant-table-row').first().getByRole('link').first().click();
      await visit('staff-detail', page.getByTestId('staff-name'));

      await menu('教学点');
      await visit('sites', page.getByRole('tree'));
      await dialog('site-base-new', () => button('新建基地'));
      await dialog('site-point-new', () => button('新建教学点'));
      await dialog('sites-export', () => button('导出表格'));
      await page.getByRole('tree').getByText('安石镇朝阳村', { exact: true }).last().click();
      await visit('site-point', page.getByRole('button', { name: label('添加农户') }));
      await dialog('household-new', () => button('添加农户'));
      await dialog('households-export', () => button('导出农户'));

      await menu('调研报告');
      await visit('reports', page.getByTestId('reports-page'));
      await dialog('reports-export', () => button('导出清单'));

      await menu('操作日志');
      await visit('audit', page.locator('.ant-table-row'));

      await menu('数据与备份');
      await visit('data', page.locator('.ant-layout-content .ant-card'));

      await menu('设置');
      await visit('settings', page.locator('.ant-layout-content .ant-card, .ant-layout-content form'));

      expect(problems).toEqual([]);
    });
  });
}
