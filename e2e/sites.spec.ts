import { join } from 'node:path';
import { pdfText, readXlsx } from '../electron/core/testing/read-documents';
import { idOf, person, writeBook } from '../electron/core/testing/roster-files';
import { expect, label, test } from './fixtures';

test('the Liaoyuan sites, a village’s households, and a class placed with them for the four togethers', async ({ app }) => {
  const { page } = app;
  await app.loadSample();

  // The bases and their points, found by pinyin initials.
  await page.getByRole('menuitem', { name: '教学点' }).click();
  const tree = page.getByTestId('sites-tree');
  await expect(tree).toContainText('辽河源现代生态农业产业园');
  await expect(tree).toContainText('安石镇朝阳村');
  await expect(tree).toContainText('秋硕合作社');
  await tree.getByText('秋硕合作社').click();
  await expect(page.getByTestId('point-name')).toHaveText('秋硕合作社');
  await expect(page.getByTestId('point-detail')).toContainText('秋硕合作社现场教学');
  await app.screenshot('sites-tree');

  // A review of the point, as the school grades its sites over the years.
  await page.getByRole('button', { name: label('添加评价') }).click();
  const review = page.getByRole('dialog', { name: '评价“秋硕合作社”' });
  await review.getByLabel('评价人').fill('孙海燕');
  await review.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByTestId('point-detail')).toContainText('孙海燕');

  await page.getByLabel('搜索内容').fill('cyc');
  await expect(tree).not.toContainText('秋硕合作社');
  await tree.getByText('安石镇朝阳村', { exact: true }).last().click();
  await expect(page.getByTestId('households-table').locator('.ant-table-row')).toHaveCount(16);
  await expect(page.getByTestId('point-detail')).toContainText('共 16 户在用，52 张床位');
  await app.screenshot('village-households');

  // The village's own list: 序号, a column of its own, beds with units, and a household not hosting
  // this year. Imported; the column left out is named; the household is listed, not hosting.
  app.nextChosenFile(
    writeBook(join(app.dataDir, '..', `households-${Date.now()}.xlsx`), [
      ['朝阳村接待农户表'],
      ['序号', '户主姓名', '可住人数', '接待性别', '联系人微信', '备注'],
      [1, '钱有田', '3张床', '均可', 'qyt-1', ''],
      [2, '孙秀英', '今年暂停接待', '女', '', ''],
    ]),
  );
  await page.getByRole('button', { name: label('导入农户') }).click();
  // Previewed first, with nothing written: the counts and the column left out, until it is committed.
  const importer = page.getByRole('dialog', { name: '导入“安石镇朝阳村”的接待农户' });
  await expect(importer.getByTestId('count-added')).toContainText('2');
  await expect(importer.getByTestId('ignored-columns')).toHaveText('未导入的列：联系人微信');
  await expect(page.getByTestId('households-table').locator('.ant-table-row')).toHaveCount(16);
  await app.screenshot('village-households-preview');
  await importer.getByRole('button', { name: label('确认导入') }).click();
  await expect(importer.getByTestId('import-done')).toContainText('新增 2 户');
  await expect(importer.getByTestId('ignored-columns')).toHaveText('未导入的列：联系人微信');
  await importer.getByRole('button', { name: label('完成') }).click();
  const listed = page.getByTestId('households-table');
  await expect(listed.locator('.ant-table-row')).toHaveCount(18);
  await expect(listed.locator('.ant-table-row', { hasText: '孙秀英' })).toContainText('暂停接待');
  await expect(listed.locator('.ant-table-row', { hasText: '孙秀英' })).toContainText('今年暂停接待');
  await expect(page.getByTestId('point-detail')).toContainText('共 17 户在用，55 张床位');
  await app.screenshot('village-households-imported');

  await page.getByRole('menuitem', { name: '培训班次' }).click();
  // The point's visit history names the class too (twice): wait until the list of classes has
  // replaced it — the page behind the new address is loaded before it is shown.
  const young = page.getByRole('link', { name: '2019年年轻干部培训班' });
  await expect(young).toHaveCount(1);
  await young.click();
  await page.getByRole('tab', { name: '四同' }).click();
  // The sample's stay: its forty trainees (five groups) already placed by the engine.
  await expect(page.getByTestId('stay-label')).toContainText('安石镇朝阳村');
  await expect(page.getByTestId('unplaced')).toContainText('未安排（0）');

  // Placed again by the machine: everyone, groups together, leaders apart.
  await page.getByRole('button', { name: label('自动安排') }).click();
  await expect(page.getByText('已安排全部 40 人')).toBeVisible();
  await expect(page.getByTestId('unplaced')).toContainText('未安排（0）');
  await expect(page.getByTestId('household-孙秀英').getByTestId('not-hosting')).toHaveText('暂停接待');
  await expect(page.getByTestId('household-孙秀英').locator('.lodger')).toHaveCount(0);
  // The small number on each person is their group: the legend says so.
  await expect(page.getByTestId('group-legend')).toContainText('1 = 第1组（8 人）');
  await app.screenshot('lodging-board');

  // One trainee moved by hand into a household with a free bed that takes them: locked there.
  const board = page.getByTestId('lodging-board');
  const moving = board
    .locator('[data-testid^="household-"]')
    .filter({ hasNotText: '男女均可' })
    .first()
    .locator('.lodger')
    .first();
  // A 男女均可 household hosts one sex a stay: the target holds no one of the other sex.
  const otherSex = (await moving.locator('.anticon-man').count()) > 0 ? '.anticon-woman' : '.anticon-man';
  const mixed = board.locator('[data-testid^="household-"]').filter({ hasText: '男女均可' });
  const counts = await mixed.evaluateAll(
    (cards, other) =>
      cards.map((card) => ({
        id: card.getAttribute('data-testid') ?? '',
        text: card.textContent ?? '',
        otherSex: card.querySelector(other) !== null,
      })),
    otherSex,
  );
  const roomy = counts.find((card) => {
    const match = /(\d+)\/(\d+) 床/.exec(card.text);
    // Not yet confirmed (the sample's hosts have agreed already): it is confirmed below.
    return match !== null && Number(match[1]) < Number(match[2]) && !card.text.includes('已确认接待（') && !card.otherSex;
  });
  expect(roomy, 'a household that takes them with a free bed, not yet confirmed').toBeDefined();
  const target = page.getByTestId(roomy?.id ?? '');
  const name = (await moving.innerText()).replace(/\s+/g, '').replace(/\d.*$/, '');
  // Both in view: a drag that has to scroll the page on its way loses its drop.
  await target.scrollIntoViewIfNeeded();
  await moving.dragTo(target);
  await expect(page.getByText(new RegExp(`已把“${name}”安排到“.+”家（已锁定）`))).toBeVisible();
  await expect(target.getByTestId(`lodger-${name}`).getByLabel('已锁定')).toBeVisible();

  // Someone else taken out, by dragging them to the list of the unplaced.
  const other = board.locator('[data-testid^="household-"]').filter({ hasNotText: name }).first().locator('.lodger').first();
  await other.dragTo(page.getByTestId('unplaced'));
  await expect(page.getByTestId('unplaced')).toContainText('未安排（1）');

  // Placed again: the one taken out gets a bed, the locked one stays where they were put.
  await page.getByRole('button', { name: label('自动安排') }).click();
  await expect(page.getByTestId('unplaced')).toContainText('未安排（0）');
  await expect(target.getByTestId(`lodger-${name}`)).toBeVisible();
  await expect(target.getByTestId(`lodger-${name}`).getByLabel('已锁定')).toBeVisible();

  // The household phoned and agreed: confirmed, by keyboard.
  const head = (await target.getAttribute('data-testid'))?.replace('household-', '') ?? '';
  const agreed = target.getByRole('checkbox', { name: `${head}家已确认接待` });
  await agreed.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(`${head}家已确认接待`, { exact: true }).first()).toBeVisible();
  await expect(target).toContainText('已确认接待（');
  await expect(agreed).toBeChecked();

  // The locked one unlocked from the keyboard: Tab to the name, Enter, ↓ to 取消锁定, Enter.
  const locked = target.getByTestId(`lodger-${name}`);
  await locked.focus();
  await page.keyboard.press('Enter');
  const unlock = page.getByRole('menuitem', { name: '取消锁定' });
  await expect(unlock).toBeVisible();
  for (
    let step = 0;
    step < 5 && !(await unlock.evaluate((item) => item.classList.contains('ant-dropdown-menu-item-active')));
    step += 1
  )
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // Still in that household, no longer locked.
  await expect(locked).toBeVisible();
  await expect(locked.getByLabel('已锁定')).toHaveCount(0);
  await expect(locked).toBeFocused();
  await app.screenshot('lodging-board-locked');

  // The plan for the first day.
  await page.getByRole('tab', { name: '日程' }).click();
  await page
    .getByTestId('plan-table')
    .getByRole('button', { name: label('编辑') })
    .first()
    .click();
  const day = page.getByRole('dialog', { name: /“四同”安排/ });
  await day.getByLabel('午饭').check();
  await day.getByLabel('晚饭').check();
  await day.getByLabel('同学习').fill('村党支部主题党日');
  await day.getByLabel('劳动任务').fill('秋收');
  await day.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByTestId('plan-table')).toContainText('村党支部主题党日');
  await app.screenshot('lodging-plan');

  // The lists, for the village and for the class.
  const exported = async (document: string, format: string, file: string) => {
    await page.getByRole('button', { name: label('导出') }).click();
    const dialog = page.getByRole('dialog', { name: '导出“四同”文件' });
    await dialog.getByRole('radio', { name: new RegExp(`^${document}`) }).check();
    await dialog.getByRole('radio', { name: format }).check();
    const path = join(app.dataDir, file);
    app.nextChosenFile(path);
    await dialog.getByRole('button', { name: label('选择保存位置并导出') }).click();
    await expect(dialog.getByTestId('export-done')).toBeVisible();
    await app.screenshot(`export-${document}`);
    await dialog.getByRole('button', { name: label('完成') }).click();
    return path;
  };
  const households = await readXlsx(await exported('接待农户入住名单', 'Excel（.xlsx）', '农户入住名单.xlsx'));
  const cells = households.rows.flat().map(String);
  expect(cells.some((cell) => cell.startsWith('户主：'))).toBe(true);
  const ids = Array.from({ length: 40 }, (_, n) => idOf(person(n), n));
  expect(cells.some((cell) => ids.some((id) => cell.includes(id)))).toBe(false);
  const pdf = await pdfText(await exported('学员住宿安排表', 'PDF', '学员住宿安排表.pdf'));
  expect(pdf.text).toContain(name);
  expect(pdf.text).toContain('0437-555');

  // The plan beside the class's own schedule for those days, its 四同 sessions among them.
  await page.getByRole('tab', { name: '日程' }).click();
  await expect(page.getByTestId('plan-sessions-2019-09-12')).toContainText('上午 “四同”实践：下田同劳动');

  // 每户至少安排 2 人 set on the settings page: taking someone out of a household of two asks first,
  // naming who would be left alone.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByTestId('setting-lodging-together').click();
  await expect(page.getByTestId('setting-lodging-together')).toBeChecked();
  await app.screenshot('settings-lodging');
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page.getByRole('link', { name: '2019年年轻干部培训班' }).click();
  await page.getByRole('tab', { name: '四同' }).click();
  const cards = page.getByTestId('lodging-board').locator('[data-testid^="household-"]');
  await expect(cards.locator('.lodger').first()).toBeVisible();
  const shared = await cards.evaluateAll((all) =>
    all.find((card) => card.querySelectorAll('.lodger').length >= 2)?.getAttribute('data-testid'),
  );
  const home = page.getByTestId(shared ?? 'none');
  // Down to two by hand (no one left alone yet), then one more: asked.
  for (let n = await home.locator('.lodger').count(); n > 2; n -= 1) {
    await home.locator('.lodger').first().dragTo(page.getByTestId('unplaced'));
    await expect(home.locator('.lodger')).toHaveCount(n - 1);
  }
  const staying = (await home.locator('.lodger').nth(1).innerText()).replace(/\s+/g, '').replace(/\d.*$/, '');
  await home.locator('.lodger').first().dragTo(page.getByTestId('unplaced'));
  const ask = page.locator('.ant-modal-confirm');
  await expect(ask).toContainText('仍要移动？');
  await expect(ask).toContainText(`“${staying}”将独自住在那里`);
  await app.screenshot('lodging-leaves-alone');
  await ask.getByRole('button', { name: label('取消') }).click();
  await expect(home.locator('.lodger')).toHaveCount(2);

  // A new stay starts from the schedule: with the sample's stay removed, 新建住宿安排 offers its 四同
  // days (11th to 13th) in their village; its forty people wait in rows, not one a line.
  await page
    .getByTestId('lodging-tab')
    .getByRole('button', { name: label('删除') })
    .click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: label('确定') })
    .click();
  await expect(page.getByText('还没有入村住宿安排')).toBeVisible();
  await page.getByRole('button', { name: label('新建住宿安排') }).click();
  const form = page.getByRole('dialog', { name: '新建住宿安排' });
  await expect(form.getByLabel('入住日期')).toHaveValue('2019-09-11');
  await expect(form.getByLabel('离开日期')).toHaveValue('2019-09-13');
  await expect(form.getByTestId('stay-form')).toContainText('安石镇朝阳村');
  await app.screenshot('lodging-new-stay');
  await form.getByRole('button', { name: label('保存') }).click();
  const waiting = page.getByTestId('unplaced');
  await expect(waiting).toContainText('未安排（40）');
  const box = await waiting.boundingBox();
  expect(box?.height ?? 0, 'forty unplaced in rows').toBeLessThan(320);
  await app.screenshot('lodging-unplaced');
});

test('a list with problems names each row’s person, the list is copied and exported; a move shows what changes and offers the emptied base for removal', async ({
  app,
}) => {
  const { page } = app;
  await app.loadSample();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('menuitem', { name: '教学点' }).click();
  const tree = page.getByTestId('sites-tree');
  await tree.getByText('安石镇朝阳村', { exact: true }).last().click();
  await expect(page.getByTestId('households-table').locator('.ant-table-row')).toHaveCount(16);

  // A village's list with two bad rows: the preview stays, naming each household and its column.
  app.nextChosenFile(
    writeBook(join(app.dataDir, '..', `households-bad-${Date.now()}.xlsx`), [
      ['户主', '床位数', '可分男女房间'],
      ['朴成浩', '好几张', '是'],
      ['钱有田', 3, '也许'],
      ['朴成浩', 2, '否'],
    ]),
  );
  await page.getByRole('button', { name: label('导入农户') }).click();
  const importer = page.getByRole('dialog', { name: '导入“安石镇朝阳村”的接待农户' });
  await expect(importer.getByTestId('import-refused')).toContainText('文件中有 3 处问题');
  const problems = importer.getByTestId('import-problems');
  await expect(problems.locator('.ant-table-row')).toHaveCount(3);
  await expect(problems.locator('.ant-table-row').first()).toContainText('朴成浩');
  await expect(problems.locator('.ant-table-row').first()).toContainText('“床位数”应为数字：好几张');
  await expect(importer.getByRole('button', { name: label('确认导入') })).toBeDisabled();
  await app.screenshot('households-problems');

  await importer.getByRole('button', { name: label('复制问题清单') }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')).toEqual([
    expect.stringMatching(/^文件：households-bad-\d+\.xlsx（3 处问题）$/),
    '第 2 行（朴成浩）：“床位数”应为数字：好几张',
    expect.stringMatching(/^第 3 行（钱有田）：“可分男女房间”应为“是”或“否”/),
    '第 4 行（朴成浩）：与第 2 行的“户主”相同：朴成浩',
  ]);
  const exported = join(app.dataDir, '..', `problems-${Date.now()}.xlsx`);
  app.nextChosenFile(exported);
  await importer.getByRole('button', { name: label('导出问题清单') }).click();
  await expect(page.getByText(`问题清单已保存到 ${exported}`)).toBeVisible();
  const sheet = await readXlsx(exported);
  const header = sheet.rows.findIndex((row) => row[0] === '行号');
  expect(sheet.rows[header]).toEqual(['行号', '姓名', '列', '问题']);
  expect(sheet.rows.slice(header + 1).map((row) => row.slice(0, 3))).toEqual([
    ['2', '朴成浩', '床位数'],
    ['3', '钱有田', '可分男女房间'],
    ['4', '朴成浩', '户主'],
  ]);
  await importer.getByRole('button', { name: label('取消') }).click();
  await expect(page.getByTestId('households-table').locator('.ant-table-row')).toHaveCount(16);

  // Both of 朝阳村's points moved to the park: the preview says so, the commit offers the base for removal.
  await tree.getByLabel('查看基地“安石镇朝阳村”').click();
  const drawer = page.getByTestId('base-drawer');
  await expect(drawer).toContainText('现场教学点（2）');
  const points = await drawer.locator('.ant-table-row td:first-child').allTextContents();
  expect(points).toHaveLength(2);
  await app.screenshot('base-drawer');
  await page.locator('.ant-drawer-close').click();
  app.nextChosenFile(
    writeBook(join(app.dataDir, '..', `points-${Date.now()}.xlsx`), [
      ['所属基地', '教学点名称'],
      ...points.map((point) => ['辽河源现代生态农业产业园', point]),
    ]),
  );
  await page.getByRole('button', { name: label('导入表格') }).click();
  const sites = page.getByRole('dialog', { name: '从表格导入现场教学点' });
  await expect(sites.getByTestId('count-updated')).toContainText('2');
  const changes = sites.getByTestId('import-changes');
  await expect(changes.locator('.ant-table-row')).toHaveCount(2);
  await expect(changes).toContainText('所属基地：安石镇朝阳村 → 辽河源现代生态农业产业园');
  await expect(tree.getByLabel('查看基地“安石镇朝阳村”')).toHaveCount(1);
  await app.screenshot('sites-import-changes');
  await sites.getByRole('button', { name: label('确认导入') }).click();
  await expect(sites.getByTestId('import-done')).toContainText('更新 2 个');
  await sites.getByRole('button', { name: label('完成') }).click();
  const confirm = page.getByRole('dialog', { name: '删除已没有教学点的基地？' });
  await expect(confirm).toContainText('“安石镇朝阳村”已没有现场教学点');
  await app.screenshot('sites-emptied-base');
  await confirm.getByRole('button', { name: label('删除') }).click();
  await expect(page.getByText('已删除基地：“安石镇朝阳村”')).toBeVisible();
  // The base is gone; its points (one of them named as the village is) stand under the park.
  await expect(tree.getByLabel('查看基地“安石镇朝阳村”')).toHaveCount(0);
  await expect(tree.getByLabel(/^查看基地/)).toHaveCount(1);
  for (const point of points) await expect(tree.getByText(point, { exact: true })).toHaveCount(1);
  await app.screenshot('sites-base-removed');
});
