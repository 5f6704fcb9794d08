import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readXlsx } from '../electron/core/testing/read-documents';
import { writeBook } from '../electron/core/testing/roster-files';
import { expect, label, test } from './fixtures';

const choose = async (page: Page, within: ReturnType<Page['getByRole']>, field: string, option: RegExp) => {
  await within.getByLabel(field).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
};

test('the school’s dormitory: its rooms imported on the site page, a class placed in them by floor, the 班主任 room kept, the 房间安排表 exported', async ({
  app,
}) => {
  const { page } = app;
  await app.loadSample();

  // A new point of kind 宿舍: its page keeps rooms, not households.
  await page.getByRole('menuitem', { name: '教学点' }).click();
  await page.getByRole('button', { name: label('新建教学点') }).click();
  const pointForm = page.getByRole('dialog', { name: '新建现场教学点' });
  await pointForm.getByLabel('教学点名称').fill('辽源市委党校学员宿舍');
  await choose(page, pointForm, '类型', /^宿舍$/);
  await pointForm.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByTestId('point-name')).toHaveText('辽源市委党校学员宿舍');
  await expect(page.getByTestId('rooms-card')).toContainText('还没有房间');

  // The front desk's list: 序号 and a column of its own, floors and beds with units.
  const rows: (string | number)[][] = [];
  for (const [floor, sex, count] of [
    [2, '男', 8],
    [3, '女', 8],
    [4, '均可', 10],
  ] as const)
    for (let n = 1; n <= count; n += 1)
      rows.push([rows.length + 1, `${floor}${String(n).padStart(2, '0')}`, `${floor}楼`, '2床', sex, '标间']);
  app.nextChosenFile(
    writeBook(join(app.dataDir, '..', `rooms-${Date.now()}.xlsx`), [
      ['学员宿舍房间表'],
      ['序号', '房间号', '楼层', '床位', '性别', '房型'],
      ...rows,
    ]),
  );
  await page.getByRole('button', { name: label('导入房间表') }).click();
  const importer = page.getByRole('dialog', { name: '导入“辽源市委党校学员宿舍”的房间表' });
  await expect(importer.getByTestId('count-added')).toContainText('26');
  await expect(importer.getByTestId('ignored-columns')).toHaveText('未导入的列：房型');
  await importer.getByRole('button', { name: label('确认导入') }).click();
  await expect(importer.getByTestId('import-done')).toContainText('新增 26 间');
  await importer.getByRole('button', { name: label('完成') }).click();
  await expect(page.getByTestId('rooms-table').locator('.ant-table-row')).toHaveCount(26);
  await expect(page.getByTestId('point-detail')).toContainText('共 26 间在用，52 张床位');

  // One more by hand: a single room on the fifth floor; its number asked for in the room's words.
  await page.getByRole('button', { name: label('添加房间') }).click();
  const roomForm = page.getByRole('dialog', { name: '添加房间' });
  await roomForm.getByRole('button', { name: label('保存') }).click();
  await expect(roomForm.getByText('请填写“房间号”')).toBeVisible();
  await roomForm.getByLabel('房间号').fill('501');
  await roomForm.getByLabel('楼层').fill('5');
  await roomForm.getByLabel('床位').fill('1');
  await choose(page, roomForm, '性别', /^女$/);
  await app.screenshot('rooms-add');
  await roomForm.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByTestId('rooms-table').locator('.ant-table-row')).toHaveCount(27);
  await expect(page.getByTestId('point-detail')).toContainText('共 27 间在用，53 张床位');
  await app.screenshot('rooms-site');

  // The class's stay moves from the village to the dormitory: a new stay there, on the same days.
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  const young = page.getByRole('link', { name: '2019年年轻干部培训班' });
  await expect(young).toHaveCount(1);
  await young.click();
  await page.getByRole('tab', { name: '四同' }).click();
  await page
    .getByTestId('lodging-tab')
    .getByRole('button', { name: label('删除') })
    .click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: label('确定') })
    .click();
  await page.getByRole('button', { name: label('新建住宿安排') }).click();
  const stayForm = page.getByRole('dialog', { name: '新建住宿安排' });
  await choose(page, stayForm, '住宿地点（村、宿舍或宾馆）', /^辽源市委党校学员宿舍（宿舍）$/);
  await stayForm.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByTestId('stay-label')).toContainText('辽源市委党校学员宿舍');

  // 401 kept for the 班主任 before anyone is placed.
  const board = page.getByTestId('lodging-board');
  await board.getByTestId('keep-401').click();
  const keep = page.getByRole('dialog', { name: '把 401 房间留给工作人员' });
  await keep.getByTestId('keep-for').fill('班主任 王老师');
  await keep.getByRole('button', { name: label('保存') }).click();
  await expect(board.getByTestId('household-401').getByTestId('kept-for')).toHaveText('留给：班主任 王老师');

  await page.getByRole('button', { name: label('自动安排') }).click();
  await expect(page.getByText('已安排全部 40 人')).toBeVisible();
  await expect(page.getByTestId('unplaced')).toContainText('未安排（0）');
  // The rooms under their floors, by number; the kept room empty; one sex a room.
  await expect(board.getByTestId('floor-2')).toContainText('2 楼');
  await expect(board.getByTestId('floor-4').locator('[data-testid^="household-"]').first()).toHaveAttribute(
    'data-testid',
    'household-401',
  );
  await expect(board.getByTestId('household-401').locator('.lodger')).toHaveCount(0);
  for (const card of await board.locator('[data-testid^="household-"]').all()) {
    const men = await card.locator('.anticon-man').count();
    const women = await card.locator('.anticon-woman').count();
    expect(men === 0 || women === 0).toBe(true);
  }
  await expect(page.getByTestId('board-figures')).toContainText('间');
  await app.screenshot('rooms-board');

  // A move by hand: a man dragged into an empty room of his floor, locked there.
  const floor2 = board.getByTestId('floor-2');
  const empty = floor2
    .locator('[data-testid^="household-"]')
    .filter({ hasText: '0/2 床' })
    .filter({ hasNot: page.getByTestId('kept-for') })
    .first();
  const target = (await empty.getAttribute('data-testid'))?.replace('household-', '') ?? '';
  const man = floor2.locator('.lodger').first();
  const name = (await man.getAttribute('data-testid'))?.replace('lodger-', '') ?? '';
  await floor2.scrollIntoViewIfNeeded();
  await man.dragTo(empty);
  await expect(page.getByText(`已把“${name}”安排到 ${target} 房间（已锁定）`)).toBeVisible();
  await expect(board.getByTestId(`household-${target}`).getByTestId(`lodger-${name}`).getByLabel('已锁定')).toBeVisible();
  // Nobody into the kept room: refused with why.
  const floor4 = board.getByTestId('floor-4');
  await floor4.scrollIntoViewIfNeeded();
  await floor4.locator('.lodger').first().dragTo(board.getByTestId('household-401'));
  await expect(page.getByText('401 房间这次留给班主任 王老师，不安排学员')).toBeVisible();
  await expect(board.getByTestId('household-401').locator('.lodger')).toHaveCount(0);
  await app.screenshot('rooms-board-moved');

  // The costs of the stay: rooms by their numbers, not as a village's 户主.
  await page.getByRole('tab', { name: '住宿费用' }).click();
  const payments = page.getByTestId('payments-table');
  await expect(payments.getByRole('columnheader', { name: '农户或房间' })).toBeVisible();
  await expect(payments.getByRole('columnheader', { name: '户主' })).toHaveCount(0);
  await expect(payments.getByRole('cell', { name: '辽源市委党校学员宿舍' }).first()).toBeVisible();
  await app.screenshot('rooms-payments');
  await page.getByRole('tab', { name: '入住安排' }).click();

  // The 房间安排表 for the front desk, read back.
  await page.getByRole('button', { name: label('导出') }).click();
  const dialog = page.getByRole('dialog', { name: '导出住宿文件' });
  await expect(dialog.getByRole('radio', { name: /^接待农户入住名单/ })).toHaveCount(0);
  await dialog.getByRole('radio', { name: /^房间安排表/ }).check();
  await dialog.getByRole('radio', { name: 'Excel（.xlsx）' }).check();
  const path = join(app.dataDir, '房间安排表.xlsx');
  app.nextChosenFile(path);
  await dialog.getByRole('button', { name: label('选择保存位置并导出') }).click();
  await expect(dialog.getByTestId('export-done')).toBeVisible();
  await app.screenshot('rooms-export');
  await dialog.getByRole('button', { name: label('完成') }).click();
  const sheet = await readXlsx(path);
  expect(sheet.rows[0]?.[0]).toBe('2019年年轻干部培训班房间安排表');
  const cells = sheet.rows.flat();
  expect(cells).toContain('工作人员：班主任 王老师');
  expect(cells).toContain(name);
  expect(sheet.rows.find((row) => row.includes(name))?.[0]).toBe(target);
});
