import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, label, test } from './fixtures';

const classRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

test('backup, a mistake, restore; the data check; and the audit log shows it all', async ({ app }) => {
  const { page } = app;
  await app.loadSample();

  // The renderer is a web page and nothing more: no Node, no Electron.
  const globals = await page.evaluate(() =>
    ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].map((name) => typeof Reflect.get(globalThis, name)),
  );
  expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined']);

  await page.getByRole('menuitem', { name: '数据与备份' }).click();
  await page.getByRole('button', { name: label('立即备份') }).click();
  await expect(page.getByTestId('backup-list').locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-list')).toContainText('3 个班次，40 名学员，5 个文件');
  // Which rule keeps each backup; the rules' figures, changed here, stay changed.
  await expect(page.getByTestId('backup-list')).toContainText('最近');
  await expect(page.getByTestId('backup-list')).toContainText('每日');
  const daily = page.getByLabel('每天保留一份的天数');
  await expect(daily).toHaveValue('14');
  await daily.fill('30');
  await daily.blur();
  await app.screenshot('backups');
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page.getByRole('menuitem', { name: '数据与备份' }).click();
  await expect(page.getByLabel('每天保留一份的天数')).toHaveValue('30');
  await expect(page.getByLabel('每月保留一份的月数')).toHaveValue('12');

  // A mistake: a class deleted.
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await classRows(page).filter({ hasText: '2019年青年干部培训班' }).getByRole('button', { name: '删除' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '确定删除班次' })
    .getByRole('button', { name: label('删除') })
    .click();
  await expect(classRows(page)).toHaveCount(2);

  // Restore, after seeing what the backup holds.
  await page.getByRole('menuitem', { name: '数据与备份' }).click();
  await page
    .getByTestId('backup-list')
    .getByRole('button', { name: label('恢复') })
    .click();
  const confirm = page.getByRole('dialog').filter({ hasText: '从备份恢复' });
  await expect(confirm.getByTestId('restore-contents')).toContainText('3 个班次');
  await app.screenshot('restore-confirm');
  await confirm.getByRole('button', { name: label('恢复这个备份') }).click();
  await expect(page.getByText(/已恢复 .* 的备份/)).toBeVisible();
  // The data as it was before, and a backup of the state just replaced.
  await expect(page.getByTestId('backup-list')).toContainText('恢复前');
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await expect(classRows(page)).toHaveCount(3);

  await page.getByRole('menuitem', { name: '数据与备份' }).click();
  await page.getByRole('button', { name: label('开始检查') }).click();
  await expect(page.getByTestId('check-report')).toContainText('数据完好');
  await app.screenshot('data-check');

  // The backup folder on a USB disk, which is then taken out: the page says the folder is away (its
  // backups are not lost), and a backup is refused in words; the default folder brings them back.
  const usb = join(app.dataDir, '..', `KINGSTON-${Date.now()}`);
  mkdirSync(join(usb, '党校备份'), { recursive: true });
  app.nextChosenFile(join(usb, '党校备份'));
  await page.getByRole('button', { name: label('更改…') }).click();
  await expect(page.getByTestId('backup-list').locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(0);
  await page.getByRole('button', { name: label('立即备份') }).click();
  await expect(page.getByTestId('backup-list').locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
  rmSync(usb, { recursive: true, force: true });
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page.getByRole('menuitem', { name: '数据与备份' }).click();
  await expect(page.getByTestId('backup-folder-missing')).toContainText('现在不可用');
  await page.getByRole('button', { name: label('立即备份') }).click();
  await expect(page.getByText(/U 盘或移动硬盘没有插上/).first()).toBeVisible();
  await app.screenshot('backup-folder-away');
  await page.getByRole('button', { name: label('恢复默认') }).click();
  await expect(page.getByTestId('backup-folder-missing')).toHaveCount(0);
  await expect(page.getByTestId('backup-list')).toContainText('恢复前');

  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('恢复数据');
  await expect(table).toContainText('备份数据');
  await page.getByLabel('搜索内容').fill('青年干部');
  await expect(table.locator('.ant-table-tbody tr.ant-table-row').first()).toContainText('青年干部培训班');
  // The deletion, from the window, named by the class, never by the call behind it.
  const deletion = table.locator('.ant-table-tbody tr.ant-table-row').first();
  await expect(deletion).toContainText('删除班次“2019年青年干部培训班”');
  await expect(deletion).toContainText('界面');
  await expect(deletion).not.toContainText('classes.remove');
  await deletion.locator('.ant-table-row-expand-icon').click();
  await expect(table.locator('.ant-table-expanded-row')).toContainText('变更前');
  // The sample's thousand lines are one entry, that opens to its parts, each to its changes.
  await page.getByLabel('搜索内容').fill('');
  const sample = table.locator('.ant-table-tbody tr.ant-table-row', { hasText: '载入示例数据' });
  await expect(sample).toHaveCount(1);
  await sample.locator('.ant-table-row-expand-icon').click();
  const parts = page.getByTestId('audit-parts');
  await expect(parts).toContainText('新建教学基地');
  await parts.locator('.ant-table-row-expand-icon').first().click();
  await expect(parts.locator('.ant-table-expanded-row').first()).toContainText('变更后');
  await app.screenshot('audit-log');
});

test('a page that fails to load shows a message in its place; the rest of the app keeps working', async ({ app }) => {
  const { page } = app;
  await app.loadSample();

  // The staff page's code cannot be read (a damaged install, a disk error).
  const staffChunk = '**/assets/StaffListPage-*.js';
  await page.route(staffChunk, (route) => route.abort('failed'));
  app.expectPageError(/Failed to load resource: net::ERR_FAILED/);
  app.expectPageError(/Failed to fetch dynamically imported module/);
  await page.getByRole('menuitem', { name: '师资' }).click();
  await expect(page.getByText('这个页面出错了')).toBeVisible();
  await expect(page.getByTestId('page-error')).not.toBeEmpty();
  await app.screenshot('page-error');

  // The navigation still works, and so does every other page.
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await expect(classRows(page)).toHaveCount(3);

  // Once the file can be read again, reloading the window brings the page back.
  await page.unroute(staffChunk);
  await page.getByRole('menuitem', { name: '师资' }).click();
  await page.getByRole('button', { name: label('重新载入窗口') }).click();
  await expect(page.getByTestId('staff-table').locator('.ant-table-row')).toHaveCount(4);
});
