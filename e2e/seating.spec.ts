import { join } from 'node:path';
import { readXlsx } from '../electron/core/testing/read-documents';
import { expect, label, screenshotDir, test } from './fixtures';

// The 座次 tab of the sample's young cadres class: two people swapped by dragging, one moved by
// keyboard; both kept after a reload and printed so in the .xlsx 座次表.
test('the seat view swaps two people by dragging and by keyboard, keeps it, and exports it', async ({ app }) => {
  const { page } = app;
  await app.loadSample();
  await page.getByTestId('filter-category').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^年轻干部培训班$/ })
    .click();
  await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link').click();
  await expect(page.getByTestId('class-title')).toHaveText('2019年年轻干部培训班');
  await page.getByRole('tab', { name: '座次', exact: true }).click();
  const seat = (row: number, place: number) => page.locator(`[data-testid="seat"][data-row="${row}"][data-seat="${place}"]`);
  await expect(page.getByTestId('podium')).toBeVisible();
  await expect(page.getByTestId('seating-status')).toContainText('尚未保存座次');
  await app.screenshot('seating-view');

  // Drag the first seat's person onto the one in row 3, seat 6.
  const a = await seat(1, 1).getAttribute('data-name');
  const b = await seat(3, 6).getAttribute('data-name');
  expect(a).toBeTruthy();
  expect(b).toBeTruthy();
  await seat(1, 1).dragTo(seat(3, 6));
  await expect(page.getByText(`“${a}”与“${b}”互换座位`).first()).toBeVisible();
  await expect(seat(1, 1)).toHaveAttribute('data-name', b ?? '');
  await expect(seat(3, 6)).toHaveAttribute('data-name', a ?? '');

  // By keyboard: pick up row 2 seat 2, walk to the empty seat at the back, put down.
  const mover = await seat(2, 2).getAttribute('data-name');
  await seat(2, 2).click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('seating-said')).toContainText(`已选中“${mover}”`);
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowRight');
  await expect(seat(6, 8)).toBeFocused();
  await expect(seat(6, 8)).toHaveAttribute('data-name', '');
  await page.keyboard.press('Enter');
  await expect(seat(6, 8)).toHaveAttribute('data-name', mover ?? '');
  await expect(seat(2, 2)).toHaveAttribute('data-name', '');
  await expect(page.getByTestId('seating-status')).toContainText('已手动调整');
  await app.screenshot('seating-swapped');

  // Kept: after a reload the seats are where they were left.
  await page.reload();
  await page.getByRole('tab', { name: '座次', exact: true }).click();
  await expect(seat(1, 1)).toHaveAttribute('data-name', b ?? '');
  await expect(seat(3, 6)).toHaveAttribute('data-name', a ?? '');
  await expect(seat(6, 8)).toHaveAttribute('data-name', mover ?? '');

  // 结构化研讨: a table per group.
  await page.getByTestId('seating-layout-switch').getByText('结构化研讨').click();
  await expect(page.getByTestId('group-table').first()).toContainText('第一组');
  await app.screenshot('seating-tables');
  await page.getByTestId('seating-layout-switch').getByText('教室座位').click();

  // The .xlsx 座次表 shows the swap (a name of two characters is printed spaced: 王　芳).
  const xlsx = join(app.dataDir, '座次表.xlsx');
  app.nextChosenFile(xlsx);
  await page.getByTestId('seating-export').click();
  const exporter = page.getByRole('dialog', { name: '导出' });
  await exporter.getByText('Excel').click();
  // Seated by hand: the chart prints as it sits, so there is no order to choose.
  await expect(exporter.getByText('教室座位按保存的座次导出')).toBeVisible();
  await expect(exporter.getByTestId('committee-front')).toHaveCount(0);
  await app.screenshot('seating-export');
  await exporter.getByRole('button', { name: label('选择保存位置并导出') }).click();
  await expect(exporter.getByTestId('export-done')).toContainText(xlsx);
  await exporter.getByRole('button', { name: label('完成') }).click();
  const { rows } = await readXlsx(xlsx);
  const line = (row: number) =>
    rows.find((r) => r[0] === ['第一排', '第二排', '第三排', '第四排', '第五排', '第六排'][row - 1]) ?? [];
  // Column 0 holds the row's name; an aisle column after seat 4.
  const cell = (row: number, place: number) => (line(row)[place + (place > 4 ? 1 : 0)] ?? '').replace(/\u3000/g, '');
  expect(cell(1, 1)).toBe(b);
  expect(cell(3, 6)).toBe(a);
  expect(cell(6, 8)).toBe(mover);
  expect(cell(2, 2)).toBe('');

  // 重新排座 asks first, since seats were moved by hand.
  await page.getByTestId('seating-arrange').click();
  const confirm = page.getByRole('dialog').filter({ hasText: '重新排座？' });
  await expect(confirm).toContainText('放弃这些调整');
  await confirm.getByRole('button', { name: label('取消') }).click();
  await expect(seat(1, 1)).toHaveAttribute('data-name', b ?? '');

  // The classroom in the settings: seven rows, the 主席台 drawn at the bottom; the preview follows,
  // and so does the seat view (its first row now just above the 主席台).
  const classUrl = page.url();
  await page.getByRole('menuitem', { name: '设置' }).click();
  const room = page.getByTestId('classroom-settings');
  await room.getByTestId('classroom-rows').fill('7');
  await room.getByText('画在下方').click();
  const preview = room.getByTestId('classroom-preview');
  await expect(preview).toContainText('7 排 × 8 座，共 56 个座位');
  await room.scrollIntoViewIfNeeded();
  await app.screenshot('seating-settings');
  await room.screenshot({ path: join(screenshotDir, 'seating-classroom-card.png') });
  await room.getByTestId('classroom-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.goto(classUrl);
  await page.getByRole('tab', { name: '座次', exact: true }).click();
  await expect(seat(7, 1)).toBeVisible();
  const podiumBox = await page.getByTestId('podium').boundingBox();
  const frontBox = await seat(1, 1).boundingBox();
  expect(podiumBox && frontBox && podiumBox.y > frontBox.y).toBe(true);
  await expect(seat(1, 1)).toHaveAttribute('data-name', b ?? '');
  await app.screenshot('seating-podium-bottom');
});
