import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { pdfText, readXlsx } from '../electron/core/testing/read-documents';
import { messyRoster, standardRoster, writeBook } from '../electron/core/testing/roster-files';
import { expect, label, test } from './fixtures';

// The roster table is virtual: rows and cells are divs, not tr and td.
const rosterNames = (page: Page) =>
  page.getByTestId('roster-table').locator('.ant-table-row .ant-table-cell:nth-child(2)').allInnerTexts();

test('an administrator imports a roster, splits it into groups, sorts by strokes and exports it', async ({ app }) => {
  const { page } = app;
  await app.loadSample();
  await page.getByRole('link', { name: '2019年市管干部培训班' }).click();
  await page.getByRole('tab', { name: '学员名册' }).click();
  await expect(page.getByText('名册中还没有学员')).toBeVisible();
  await app.screenshot('roster-empty');

  // The list as the organisation department sent it: title rows, merged cells, a damaged ID number.
  app.nextChosenFile(messyRoster(app.dataDir));
  await page.getByRole('button', { name: label('导入名册') }).click();
  const wizard = page.getByRole('dialog', { name: '导入学员名册' });
  await wizard.getByRole('button', { name: label('选择文件…') }).click();
  await expect(wizard.getByTestId('import-preview')).toBeVisible();
  await expect(wizard.getByTestId('count-added')).toContainText('5');
  await expect(wizard.getByTestId('count-rejected')).toContainText('1');
  await expect(wizard.getByTestId('import-problems')).toContainText('身份证号已被 Excel 转成数字');
  // Its 年龄 column is no field of a roster: said, not refused; its 序号 is not mentioned.
  await expect(wizard.getByTestId('ignored-columns')).toHaveText('未导入的列：年龄');
  await app.screenshot('import-preview');
  await wizard.getByRole('button', { name: label('确认导入') }).click();
  await expect(wizard.getByText('导入完成')).toBeVisible();
  // The refused row says whose it is, in a list that can be copied or sent back.
  await expect(wizard.getByTestId('import-rejected').locator('.ant-table-row')).toHaveCount(1);
  await expect(wizard.getByTestId('import-rejected')).toContainText('陈红梅');
  await expect(wizard.getByTestId('import-rejected').getByRole('button', { name: label('导出问题清单') })).toBeVisible();
  await app.screenshot('import-done');
  await wizard.getByRole('button', { name: label('再导入一个文件') }).click();

  // A list far longer than expected (the whole city's cadres): the check is stopped half-way.
  app.nextChosenFile(standardRoster(app.dataDir, 20_000, 'whole-city.xlsx'));
  await wizard.getByRole('button', { name: label('选择文件…') }).click();
  const progress = wizard.getByTestId('job-progress');
  await expect(progress).toBeVisible();
  // Cancelled at once: the check of 20,000 rows takes a second or two, and a screenshot taken first
  // on a busy machine could outlast it.
  await progress.getByRole('button', { name: label('取消') }).click();
  await expect(wizard.getByTestId('import-error')).toContainText('已取消，数据和文件都保持原样');
  await app.screenshot('import-cancelled');
  await expect(wizard.getByTestId('import-preview')).toHaveCount(0);

  // Then the full list of forty.
  app.nextChosenFile(standardRoster(app.dataDir, 40));
  await wizard.getByRole('button', { name: label('选择文件…') }).click();
  await expect(wizard.getByTestId('count-added')).toContainText('40');
  await wizard.getByRole('button', { name: label('确认导入') }).click();
  await wizard.getByRole('button', { name: label('完成') }).click();
  await expect(page.getByTestId('roster-summary')).toContainText('共 45 人');

  // Stroke order is the default, and it is the core's order.
  const expected = await page.evaluate(async () => {
    const result = (await window.api.invoke('roster.list', { classId: 2, sort: 'stroke' })) as {
      ok: true;
      value: { items: { name: string }[] };
    };
    return result.value.items.map((entry) => entry.name);
  });
  await expect.poll(async () => (await rosterNames(page)).slice(0, 10)).toEqual(expected.slice(0, 10));
  await app.screenshot('roster-strokes');
  await page.getByTestId('roster-sort').getByText('拼音').click();
  await expect.poll(async () => (await rosterNames(page)).slice(0, 10)).not.toEqual(expected.slice(0, 10));
  await page.getByTestId('roster-sort').getByText('姓氏笔画').click();
  await expect.poll(async () => (await rosterNames(page)).slice(0, 10)).toEqual(expected.slice(0, 10));

  // Pinyin initials find 单田芳 (shan, not dan).
  await page.getByLabel('搜索内容').fill('stf');
  await expect.poll(() => rosterNames(page)).toEqual(['单田芳']);
  await page.getByLabel('搜索内容').fill('');
  await expect(page.getByTestId('roster-summary')).toContainText('共 45 人');

  // A masked ID number, revealed on request.
  const firstId = page.getByTestId('id-number').first();
  await expect(firstId).toContainText('********');
  await page.getByRole('button', { name: '显示完整身份证号和电话' }).first().click();
  await expect(firstId).toHaveText(/^220402\d{11}[\dX]$/);

  // Split into five groups.
  await page.getByRole('button', { name: label('自动分组') }).click();
  const split = page.getByRole('dialog', { name: '自动分组' });
  await split.getByLabel('分成几个组').fill('5');
  await split.getByRole('button', { name: label('开始分组') }).click();
  await expect(split.getByTestId('split-result').locator('.ant-table-tbody tr')).toHaveCount(5);
  await app.screenshot('split-groups');
  await split.getByRole('button', { name: label('完成') }).click();
  await expect(page.getByTestId('roster-summary')).toContainText('5 个小组');
  await app.screenshot('roster-grouped');

  // Export the roster as .xlsx and the group list as PDF.
  const xlsx = join(app.dataDir, '学员名册.xlsx');
  app.nextChosenFile(xlsx);
  await page.getByRole('button', { name: label('导出') }).click();
  const exporter = page.getByRole('dialog', { name: '导出' });
  await app.screenshot('export-dialog');
  await exporter.getByRole('button', { name: label('选择保存位置并导出') }).click();
  await expect(exporter.getByTestId('export-done')).toContainText(xlsx);
  await exporter.getByRole('button', { name: label('打开所在文件夹') }).click();
  // The request travels from the page through the core's worker to the platform: wait for it.
  await expect.poll(() => app.shownInFolder).toEqual([xlsx]);
  await exporter.getByRole('button', { name: label('完成') }).click();
  const { rows } = await readXlsx(xlsx);
  expect(rows[0]?.[0]).toBe('2019年市管干部培训班学员名册');
  expect(rows.slice(3).map((row) => row[1])).toEqual(expected);

  const pdf = join(app.dataDir, '分组名单.pdf');
  app.nextChosenFile(pdf);
  await page.getByRole('button', { name: label('导出') }).click();
  // On the way: the sign-in sheet's per-session layout waits for a schedule this class lacks.
  await exporter.getByText('签到表', { exact: true }).click();
  await expect(exporter.getByRole('radio', { name: /每节课一页/ })).toBeDisabled();
  await expect(exporter.getByText('本班次还没有课程安排')).toBeVisible();
  await exporter.getByText('分组名单').click();
  await exporter.getByText('PDF').click();
  await exporter.getByRole('button', { name: label('选择保存位置并导出') }).click();
  // While Chromium lays the pages out, the dialog says so (not "写入 0/1 0%"), with one 取消 only.
  const working = exporter.getByTestId('job-progress');
  await expect(working).toContainText('正在生成 PDF…');
  await expect(working).not.toContainText('0/1');
  // Never two 取消 (the dialog's and the job's); none once a quick print has already finished.
  expect(await exporter.getByRole('button', { name: label('取消') }).count()).toBeLessThanOrEqual(1);
  await app.screenshot('export-printing');
  await expect(exporter.getByTestId('export-done')).toBeVisible();
  await exporter.getByRole('button', { name: label('完成') }).click();
  expect(existsSync(pdf)).toBe(true);
  const printed = await pdfText(pdf);
  expect(printed.text).toContain('2019年市管干部培训班分组名单');
  expect(printed.text).toContain('第五组');

  // The same group list on paper: the preview and the system's print dialog (here, recorded).
  await page.getByRole('button', { name: label('导出') }).click();
  await exporter.getByText('分组名单').click();
  await exporter.getByRole('button', { name: label('打印…') }).click();
  await expect(page.getByText('已送往打印机')).toBeVisible();
  await expect(exporter).toBeHidden();
  expect(app.printed).toHaveLength(1);
  expect(app.printed[0]).toContain('<h1>2019年市管干部培训班分组名单</h1>');

  // The 座次表 for a room of 5 rows (saved as the default room), and 桌签 two to a sheet.
  const seating = join(app.dataDir, '座次表.pdf');
  app.nextChosenFile(seating);
  await page.getByRole('button', { name: label('导出') }).click();
  await exporter.getByText('座次表', { exact: true }).click();
  await exporter.getByTestId('classroom-rows').fill('5');
  await exporter.getByText('PDF').click();
  await expect(exporter.getByRole('checkbox', { name: '班委坐在前排' })).toBeChecked();
  await app.screenshot('export-seating');
  await exporter.getByRole('button', { name: label('选择保存位置并导出') }).click();
  await expect(exporter.getByTestId('export-done')).toBeVisible();
  await exporter.getByRole('button', { name: label('完成') }).click();
  const chart = await pdfText(seating);
  expect(chart.pages).toBe(1);
  expect(chart.text).toContain('2019年市管干部培训班座次表');
  expect(chart.text).toContain('5 排 × 8 座');
  const cards = join(app.dataDir, '桌签.pdf');
  app.nextChosenFile(cards);
  await page.getByRole('button', { name: label('导出') }).click();
  await exporter.getByText('桌签', { exact: true }).click();
  await exporter.getByRole('radio', { name: /2 个/ }).check();
  await app.screenshot('export-tentcards');
  await exporter.getByRole('button', { name: label('选择保存位置并导出') }).click();
  await expect(exporter.getByTestId('export-done')).toBeVisible();
  await exporter.getByRole('button', { name: label('完成') }).click();
  expect((await pdfText(cards)).pages).toBe(Math.ceil(expected.length / 2));

  // Every class a person attended, on their own page.
  await page.getByLabel('搜索内容').fill('单田芳');
  await page.getByRole('link', { name: '单田芳' }).click();
  await expect(page.getByTestId('trainee-name')).toHaveText('单田芳');
  await expect(page.getByTestId('trainee-classes')).toContainText('2019年市管干部培训班');
  await app.screenshot('trainee-page');
});

test('a 组织部 list with 工作单位及职务 in one column is split for the person to check, or kept whole', async ({ app }) => {
  const { page } = app;
  await app.loadSample();
  await page.getByRole('link', { name: '2019年市管干部培训班' }).click();
  await page.getByRole('tab', { name: '学员名册' }).click();
  const file = writeBook(join(app.dataDir, '组织部名单.xlsx'), [
    ['2019年市管干部培训班学员名单'],
    ['序号', '姓名', '性别', '工作单位及职务', '联系电话'],
    [1, '张伟', '男', '东丰县委组织部副部长', '13943100001'],
    [2, '郭亮', '男', '辽源市龙山区东盛街道联络员', '13943100006'],
    [3, '王芳', '女', '龙山区人民政府办公室主任', '13943100002'],
    [4, '刘静', '女', '辽源市财政局预算科科长', '13943100003'],
    [5, '杨洋', '男', '西安区灯塔镇党委副书记、镇长', '13943100004'],
    [6, '赵敏', '女', '东辽县安石镇人民政府四级主任科员', '13943100005'],
  ]);
  app.nextChosenFile(file);
  await page.getByRole('button', { name: label('导入名册') }).click();
  const wizard = page.getByRole('dialog', { name: '导入学员名册' });
  await wizard.getByRole('button', { name: label('选择文件…') }).click();
  const split = wizard.getByTestId('unit-position-split');
  await expect(split).toContainText('已把“工作单位及职务”（D 列）分为工作单位和职务');
  await expect(split).toContainText('其中 1 行分不清');
  const sample = wizard.getByTestId('import-sample');
  await expect(sample).toContainText('西安区灯塔镇');
  await expect(sample).toContainText('党委副书记、镇长');
  await expect(sample.getByTestId('split-unsure')).toHaveCount(1);
  await expect(wizard.getByTestId('import-problems')).toContainText('辽源市龙山区东盛街道联络员');
  await sample.scrollIntoViewIfNeeded();
  await app.screenshot('import-split');

  // Only the rows to check, then the split turned off: the text as written is the unit.
  await split.getByRole('switch', { name: '只看待核对的行' }).click();
  await expect(sample.getByTestId('sample-unit')).toHaveCount(1);
  await split.getByRole('switch', { name: '分开工作单位和职务' }).click();
  await expect(split).toContainText('不分开，整段作为工作单位导入');
  await expect(sample.getByTestId('split-unsure')).toHaveCount(0);
  await expect(sample).toContainText('西安区灯塔镇党委副书记、镇长');
  await sample.scrollIntoViewIfNeeded();
  await app.screenshot('import-split-off');
  await split.getByRole('switch', { name: '分开工作单位和职务' }).click();
  await expect(split).toContainText('分为工作单位和职务');
  await wizard.getByRole('button', { name: label('确认导入') }).click();
  await expect(wizard.getByText('导入完成')).toBeVisible();
  await wizard.getByRole('button', { name: label('完成') }).click();
  await expect(page.getByTestId('roster-summary')).toContainText('共 6 人');
  await expect(page.getByTestId('roster-table')).toContainText('辽源市财政局');
  await expect(page.getByTestId('roster-table')).toContainText('预算科科长');
});
