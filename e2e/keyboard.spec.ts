import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { reportText } from '../electron/core/testing/report-files';
import type { MenuCommand } from '../shared/menu';
import { readingsOf } from '../shared/text/pinyin';
import { expect, test } from './fixtures';

// Tab until the element that has the focus is the one named (as a screen reader would name it),
// then leave it focused: the keyboard's way of getting somewhere.
const tabTo = async (page: Page, name: RegExp) => {
  for (let step = 0; step < 40; step += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      // Something one acts on (a dialog's frame takes the focus too, and holds all its text).
      if (!element?.matches('button, a[href], input, textarea, [role="button"], [role="checkbox"], [role="option"]')) return '';
      return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, '');
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
};

test('a class created from the keyboard alone, and found again with Ctrl+K', async ({ app }) => {
  const { page } = app;
  const welcome = page.getByRole('dialog', { name: '欢迎使用党校培训班管理' });
  await expect(welcome).toBeVisible();
  await expect(page.getByTestId('first-run-data-dir')).toContainText(app.dataDir);
  await app.screenshot('first-run');
  // The school's name, then 从空白开始.
  await tabTo(page, /^学校名称$/);
  await page.keyboard.type('中共白山市委党校');
  await tabTo(page, /从空白开始/);
  await page.keyboard.press('Enter');
  await expect(welcome).toBeHidden();
  await expect(page.getByTestId('school-name')).toHaveText('中共白山市委党校');

  // The empty workbench's button, then the form: typed, Tab from field to field, Ctrl+Enter saves.
  await expect(page.getByTestId('workbench-empty')).toBeVisible();
  await tabTo(page, /新建班次/);
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: '新建培训班次' });
  await expect(form).toBeVisible();
  await app.settle();
  await expect(form.getByRole('textbox').first()).toBeFocused();
  await page.keyboard.type('2027年春季中青年干部培训班');
  await page.keyboard.press('Tab'); // 班次类别: no default, chosen by typing its name
  await page.keyboard.type('主体班');
  await page.keyboard.press('Enter');
  // The category taken and its list closed before Tab moves on, and the start date focused before it is
  // typed (on a busy machine the Tabs went to the open list and the date into the category's search).
  await expect(form.getByTitle('主体班')).toBeVisible();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await page.keyboard.press('Tab'); // 年度 (from the start date)
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('开始日期')).toBeFocused();
  await page.keyboard.type('2027-03-01');
  await page.keyboard.press('Enter');
  // The picker takes the date before the focus moves on (on a busy machine a Tab pressed at once landed
  // in the start date again).
  await expect(form.getByLabel('开始日期')).toHaveValue('2027-03-01');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('结束日期')).toBeFocused();
  await page.keyboard.type('2027-03-12');
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('结束日期')).toHaveValue('2027-03-12');
  await app.screenshot('keyboard-form');
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(page.getByText('已创建班次“2027年春季中青年干部培训班”')).toBeVisible();
  // The first class: its roster import follows (the roster screens have their own test); Esc for later.
  const first = page.getByRole('dialog', { name: '导入学员名册' });
  await expect(first).toBeVisible();
  await app.screenshot('first-roster');
  await page.keyboard.press('Escape');
  await expect(first).toBeHidden();

  // Ctrl+K, its initials, Enter: the class opens.
  await page.keyboard.press('Control+k');
  const box = page.getByRole('textbox', { name: '搜索' });
  await expect(box).toBeFocused();
  await page.keyboard.type('zqn');
  await expect(page.getByTestId('palette-group-class')).toContainText('2027年春季中青年干部培训班');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('class-title')).toHaveText('2027年春季中青年干部培训班');

  // The native menu's commands, as main sends them: 导入名册 on the open class, then 快捷键.
  const menu = (command: MenuCommand) =>
    page.evaluate((sent) => window.__cadreEmit({ type: 'menu.command', command: sent }), command);
  await menu('importRoster');
  const wizard = page.getByRole('dialog', { name: '导入学员名册' });
  await expect(wizard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();
  await menu('shortcuts');
  const keys = page.getByTestId('shortcuts');
  await expect(keys).toContainText('Ctrl+K');
  await expect(keys).toContainText('保存正在填写的表单');
  await app.screenshot('shortcuts');
});

test('Ctrl+K finds classes, trainees, staff, teaching points, households and reports, and remembers', async ({ app }) => {
  const { page } = app;
  await app.loadSample();
  // A class of the sample without a roster (the 年轻干部 class has its own forty and five reports).
  const names = (await app.enrol('市管干部', 12, 2)).map((row) => row.name);
  // Each trainee's report, handed in as a folder of files (the reports screens have their own test).
  const folder = join(app.dataDir, '..', `reports-${Date.now()}`);
  mkdirSync(folder);
  names.forEach((name, index) =>
    writeFileSync(join(folder, `${name}-调研报告.txt`), reportText(`乡村振兴调研之${index + 1}`).join('\n')),
  );
  app.nextChosenFile(folder);
  await page.evaluate(async () => {
    const call = (channel: string, input: unknown) =>
      window.api.invoke(channel as never, input) as Promise<{ ok: boolean; value: never }>;
    const classId = ((await call('classes.list', { search: '市管干部' })).value as { items: { id: number }[] }).items[0]?.id ?? 0;
    const folder = ((await call('files.chooseFolder', { purpose: 'reportFolder' })).value as { grant: string }).grant;
    const staged = (await call('reports.stage', { classId, folder })).value as {
      token: string;
      files: { key: string; enrolmentIds: number[]; title: string }[];
    };
    await call('reports.commit', {
      classId,
      token: staged.token,
      items: staged.files.map(({ key, enrolmentIds, title }) => ({ key, enrolmentIds, title })),
    });
  });

  const box = page.getByRole('textbox', { name: '搜索' });
  const search = async (query: string) => {
    await page.keyboard.press('Control+k');
    await expect(box).toBeFocused();
    await page.keyboard.type(query);
  };

  // A village: its teaching point, its households and the reports that name it, grouped.
  await search('朝阳村');
  await expect(page.getByTestId('palette-group-site')).toContainText('安石镇朝阳村');
  await expect(page.getByTestId('palette-group-household')).toContainText(/前 5 个，共 \d+ 个/);
  await expect(page.getByTestId('palette-group-report')).toContainText('乡村振兴调研之');
  await app.screenshot('palette');
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();

  // ↓ until the hit named is chosen (the groups come in a fixed order: classes, trainees, staff …).
  const options = page.getByRole('option');
  const choose = async (name: string) => {
    await expect(options.filter({ hasText: name }).first()).toBeVisible();
    const position = (await options.allInnerTexts()).findIndex((text) => text.startsWith(name));
    expect(position, name).toBeGreaterThanOrEqual(0);
    for (let step = 0; step < position; step += 1) await page.keyboard.press('ArrowDown');
    await expect(options.nth(position)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
  };

  // A teacher by pinyin initials; Enter opens her page.
  await search('hl');
  await expect(page.getByTestId('palette-group-staff')).toContainText('韩丽');
  await choose('韩丽');
  await expect(page.getByTestId('staff-name')).toHaveText('韩丽');

  // A trainee by the initials of the name, chosen with ↓.
  const someone = names[4] ?? '';
  const initials = readingsOf(someone)
    .map((options) => options[0]?.[0] ?? '')
    .join('');
  await search(initials);
  await expect(page.getByTestId('palette-group-trainee')).toContainText(someone);
  await choose(someone);
  await expect(page.getByTestId('trainee-name')).toContainText(someone);

  // A phrase from inside the reports: the report opens over the page.
  await search('梅花鹿养殖');
  await expect(page.getByTestId('palette-group-report')).toContainText('共 12 个');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-drawer-open')).toContainText('乡村振兴调研之');
  await page.keyboard.press('Escape');

  // A class opened from its list, not from the palette, counts as opened too.
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page
    .getByRole('link', { name: /市管干部/ })
    .first()
    .click();
  await expect(page.getByTestId('class-title')).toContainText('市管干部');

  // Nothing typed: what was opened lately, newest first, wherever it was opened.
  await page.keyboard.press('Control+k');
  const recent = page.getByTestId('palette-group-recent');
  await expect(recent.getByRole('option').first()).toContainText('市管干部');
  await expect(recent.getByRole('option').nth(1)).toContainText('乡村振兴调研之');
  await expect(recent.getByRole('option').nth(2)).toContainText(someone);
  await expect(recent.getByRole('option').nth(3)).toContainText('韩丽');
  await app.screenshot('palette-recent');
});
