import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { TrainingClass } from '../shared/classes/schemas';
import { docxText } from '../electron/core/testing/read-documents';
import { expect, label, test } from './fixtures';

const root = resolve(import.meta.dirname, '..');

// The real command line, as a separate process on the same data folder the page is using.
const cli = async (dataDir: string, ...args: string[]) => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/main.ts', ...args, '--data-dir', dataDir],
    { cwd: root },
  );
  return stdout;
};

// antd spaces out two-character button labels ("保 存") and icons add their own name in front.

const pickDate = async (page: Page, field: string, iso: string) => {
  const input = page.locator(`#${field}`);
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
};

const choose = async (page: Page, field: string, option: string) => {
  await page.locator(`#${field}`).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
};

test('an administrator creates, edits, filters, copies and deletes a class', async ({ app }) => {
  const { page } = app;

  // First start: sample data is offered; this administrator starts empty.
  const welcome = page.getByRole('dialog', { name: '欢迎使用党校培训班管理' });
  await expect(welcome).toBeVisible();
  await app.screenshot('first-run');
  // Where the data goes can be chosen here: an empty folder, from the next start on.
  const elsewhere = mkdtempSync(join(tmpdir(), 'cadre-e2e-elsewhere-'));
  app.nextChosenFile(elsewhere);
  await welcome.getByRole('button', { name: label('使用其他数据文件夹…') }).click();
  await page
    .getByRole('dialog', { name: '使用其他数据文件夹' })
    .getByRole('button', { name: label('改用并重新启动') })
    .click();
  await expect(page.getByText(`将在 ${elsewhere} 中从空白开始，程序即将重新启动`)).toBeVisible();
  expect(app.dataFolders).toEqual([elsewhere]);
  rmSync(elsewhere, { recursive: true, force: true });
  await welcome.getByRole('button', { name: label('从空白开始') }).click();
  await expect(welcome).toBeHidden();
  // The workbench comes first; with nothing yet, it says where to begin.
  const empty = page.getByTestId('workbench-empty');
  await expect(empty).toContainText('还没有培训班次');
  await app.screenshot('empty-workbench');

  // Create, first with mistakes the form must catch inline.
  await empty.getByRole('button', { name: label('新建班次') }).click();
  const form = page.getByRole('dialog', { name: '新建培训班次' });
  await pickDate(page, 'startDate', '2019-06-14');
  await pickDate(page, 'endDate', '2019-06-03');
  await form.getByRole('button', { name: label('保存') }).click();
  await expect(form.getByText('请填写“班次名称”')).toBeVisible();
  // No category is chosen for the person: an unchosen one is named like any missing field.
  await expect(form.getByText('请填写“班次类别”')).toBeVisible();
  await expect(form.getByText('结束日期不能早于开始日期')).toBeVisible();
  await app.screenshot('form-errors');

  await form.getByLabel('班次名称').fill('2019年市管干部培训班');
  await choose(page, 'category', '市管干部培训班');
  await pickDate(page, 'startDate', '2019-06-03');
  await pickDate(page, 'endDate', '2019-06-14');
  await expect(form.getByText('结束日期不能早于开始日期')).toBeHidden();
  await form.getByLabel('培训地点').fill('辽源市委党校');
  await form.getByLabel('主办单位').fill('中共辽源市委组织部');
  await form.getByLabel('计划人数').fill('52');
  await form.getByLabel('教学目标').fill('增强党性修养，强化责任担当\n提升推进现代生态农业发展的实践能力');
  await app.screenshot('form-filled');
  await form.getByRole('button', { name: label('保存') }).click();
  await expect(form).toBeHidden();

  // The school's first class: its roster import comes next; this administrator leaves it for later.
  const wizard = page.getByRole('dialog', { name: '导入学员名册' });
  await expect(wizard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();
  await page.getByRole('tab', { name: '概况' }).click();

  // The new class's page.
  await expect(page.getByTestId('class-title')).toHaveText('2019年市管干部培训班');
  await expect(page.getByTestId('class-facts')).toContainText('2019年6月3日（星期一） 至 2019年6月14日（星期五），共 12 天');
  await expect(page.getByTestId('class-goals').locator('li')).toHaveCount(2);
  await app.screenshot('class-detail');

  // Edit.
  await page.getByRole('button', { name: label('编辑') }).click();
  const edit = page.getByRole('dialog', { name: /编辑班次/ });
  await edit.getByLabel('培训地点').fill('辽源市委党校、安石镇朝阳村');
  await edit.getByLabel('班主任').fill('经管教研室');
  await edit.getByRole('button', { name: label('保存') }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('class-facts')).toContainText('辽源市委党校、安石镇朝阳村');

  // A second class, then filters and pinyin search on the list.
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page
    .getByRole('button', { name: label('新建班次') })
    .first()
    .click();
  const second = page.getByRole('dialog', { name: '新建培训班次' });
  await second.getByLabel('班次名称').fill('2020年青年干部培训班');
  await choose(page, 'category', '青年干部培训班');
  await pickDate(page, 'startDate', '2020-04-06');
  await pickDate(page, 'endDate', '2020-04-17');
  await second.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByTestId('class-title')).toHaveText('2020年青年干部培训班');
  await page.getByRole('menuitem', { name: '培训班次' }).click();

  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('搜索内容').fill('sggb');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('2019年市管干部培训班');
  await app.screenshot('search-pinyin');
  await page.getByLabel('搜索内容').fill('');
  await expect(rows).toHaveCount(2);
  await page.getByTestId('filter-year').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^2020$/ })
    .click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('2020年青年干部培训班');
  await app.screenshot('filter-year');
  await page.getByRole('button', { name: label('重置') }).click();
  await expect(rows).toHaveCount(2);

  // Copy the 2019 class as next year's.
  const row2019 = rows.filter({ hasText: '2019年市管干部培训班' });
  await row2019.getByRole('button', { name: label('另存为新班次') }).click();
  const copy = page.getByRole('dialog', { name: '另存为新班次' });
  await expect(copy.getByLabel('新班次名称')).toHaveValue('2020年市管干部培训班');
  await pickDate(page, 'startDate', '2020-06-01');
  await expect(copy.getByText('结束日期将为 2020年6月12日')).toBeVisible();
  await app.screenshot('copy-dialog');
  await copy.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByTestId('class-title')).toHaveText('2020年市管干部培训班');
  await expect(page.getByTestId('class-facts')).toContainText('2020年6月1日（星期一） 至 2020年6月12日（星期五）');

  // Delete the 2020 青年干部 class from the list, after confirming.
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await expect(rows).toHaveCount(3);
  await rows
    .filter({ hasText: '2020年青年干部培训班' })
    .getByRole('button', { name: label('删除') })
    .click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确定删除班次' });
  await app.screenshot('delete-confirm');
  await confirm.getByRole('button', { name: label('删除') }).click();
  await expect(rows).toHaveCount(2);
  await app.screenshot('list-after');

  // Read the result back through the command line.
  const listed = JSON.parse(await cli(app.dataDir, 'class', 'list', '--json')) as TrainingClass[];
  expect(listed.map((c) => [c.code, c.name, c.startDate, c.endDate, c.status])).toEqual([
    ['2020-002', '2020年市管干部培训班', '2020-06-01', '2020-06-12', 'planning'],
    ['2019-001', '2019年市管干部培训班', '2019-06-03', '2019-06-14', 'planning'],
  ]);
  expect(listed[1]).toMatchObject({ location: '辽源市委党校、安石镇朝阳村', headTeacher: '经管教研室', plannedSize: 52 });
  const shown = await cli(app.dataDir, 'class', 'show', '2020-002');
  expect(shown).toContain('2020-06-01 至 2020-06-12');
});

test('sample data, status flow, archive lock, settings and English', async ({ app }) => {
  const { page } = app;
  await app.loadSample();
  // The sample's workbench: every figure filled and every chart drawn.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const figures = ['classes', 'trainees', 'trainingDays', 'visits', 'labourHours', 'reports', 'excellent', 'satisfiedRate'];
  await expect(page.getByTestId('figure-satisfiedRate')).toContainText(/\d/);
  const shown = await Promise.all(
    figures.map(
      async (key) =>
        [key, (await page.getByTestId(`figure-${key}`).locator('.ant-statistic-content').textContent()) ?? ''] as const,
    ),
  );
  expect(
    shown.filter(([, text]) => !/[1-9]/.test(text)).map(([key, text]) => `${key}: ${text}`),
    'figures empty or zero',
  ).toEqual([]);
  for (const chart of ['学员来源单位（前十）', '各月参训人次', '各教学模块学时', '各班次满意率'])
    await expect(page.getByRole('img', { name: chart }).locator('canvas'), chart).toHaveCount(1);
  await expect(page.getByTestId('workbench')).not.toContainText('本年度还没有数据');
  await app.screenshot('sample-workbench');
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(page.getByTestId('school-name')).toHaveText('中共辽源市委党校');
  await app.screenshot('sample-list');

  await page.getByTestId('filter-category').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^年轻干部培训班$/ })
    .click();
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link').click();
  await expect(page.getByTestId('class-title')).toHaveText('2019年年轻干部培训班');
  // Its sample schedule: the first week's grid, all five modules in the balance.
  await page.getByRole('tab', { name: '课程安排' }).click();
  await expect(page.getByTestId('slot-2019-09-09-morning')).toContainText('开班式暨乡村振兴战略专题讲座');
  await expect(page.getByTestId('slot-2019-09-12-evening')).toContainText('“四同”实践：与农户同学习');
  await app.screenshot('sample-schedule');

  // The 学员手册 from the overview: written where the save dialog says, every section there.
  await page.getByRole('tab', { name: '概况' }).click();
  await page.getByTestId('class-handbook').click();
  const handbookDialog = page.getByRole('dialog', { name: '生成学员手册' });
  await expect(handbookDialog).toContainText('不含身份证号和电话');
  await app.screenshot('handbook-dialog');
  const handbook = join(app.dataDir, '学员手册.docx');
  app.nextChosenFile(handbook);
  await handbookDialog.getByRole('button', { name: label('选择保存位置并导出') }).click();
  await expect(handbookDialog.getByTestId('export-done')).toContainText('学员手册.docx');
  const handbookText = docxText(handbook);
  for (const heading of ['一、开班须知', '四、学员名册', '六、“四同”实践安排', '九、联系方式'])
    expect(handbookText).toContain(heading);
  await handbookDialog.getByRole('button', { name: label('完成') }).click();

  // Archive: read-only until explicitly unarchived.
  await page.getByRole('button', { name: label('归档') }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '归档后班次内容将只读' })
    .getByRole('button', { name: label('归档') })
    .click();
  // The sample's made-up trainees have no 身份证号, and 40 came of the 45 planned: what is missing is
  // shown, and the administrator archives it anyway.
  const missing = page.getByRole('dialog').filter({ hasText: '还不能标记为“已归档”' });
  await expect(missing.getByTestId('missing-to-close')).toContainText(
    '名册完整：名册 40 人，计划 45 人；40 名学员缺少身份证号（',
  );
  await app.screenshot('archive-not-ready');
  await missing.getByRole('button', { name: label('仍然标记为“已归档”') }).click();
  await expect(page.getByText('本班次已归档，内容只读')).toBeVisible();
  await expect(page.getByRole('button', { name: label('编辑') })).toBeDisabled();
  await expect(page.getByRole('button', { name: label('删除') })).toBeDisabled();
  await app.screenshot('archived');
  const forged = await page.evaluate(async () => window.api.invoke('classes.remove', { id: 3 }));
  expect(forged).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
  await page.getByRole('button', { name: label('取消归档') }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '取消归档后可以再次修改' })
    .getByRole('button', { name: label('取消归档') })
    .click();
  await expect(page.getByRole('button', { name: label('编辑') })).toBeEnabled();

  // Next year's class from this one, schedule and project team included: every session moves by
  // the same number of days and keeps its weekday.
  await page.getByRole('button', { name: label('另存为新班次') }).click();
  const copy = page.getByRole('dialog', { name: '另存为新班次' });
  await expect(copy.getByLabel('新班次名称')).toHaveValue('2020年年轻干部培训班');
  await expect(copy.getByRole('checkbox', { name: /同时复制课程安排（21 节课/ })).toBeChecked();
  await expect(copy.getByRole('checkbox', { name: '同时复制项目组（4 人）' })).toBeChecked();
  await app.screenshot('copy-with-schedule');
  await copy.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByTestId('class-title')).toHaveText('2020年年轻干部培训班');
  await expect(page.getByTestId('team-table')).toContainText('总协调人');
  await page.getByRole('tab', { name: '课程安排' }).click();
  await expect(page.getByTestId('slot-2020-09-07-morning')).toContainText('开班式暨乡村振兴战略专题讲座');
  await expect(page.getByText('共 21 节课')).toBeVisible();

  // A forged call straight at the bridge gets a field-named refusal and changes nothing.
  const bad = await page.evaluate(async () =>
    window.api.invoke('classes.create', { name: 42, startDate: '2019-13-01', endDate: '2019-06-01', __proto__: { admin: true } }),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  const unknown = await page.evaluate(async () => window.api.invoke('db.exec', { sql: 'DROP TABLE classes' }));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

  // Settings: school name, a new category, then English.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('添加类别').fill('乡村振兴专题班');
  await page.getByRole('button', { name: label('添加类别') }).click();
  await expect(page.getByTestId('vocab-classCategory')).toContainText('乡村振兴专题班');
  await app.screenshot('settings');
  await page.getByText('English').click();
  await expect(page.getByRole('menuitem', { name: 'Training classes' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Training classes' }).click();
  await expect(page.getByRole('button', { name: label('Newclass') })).toBeVisible();
  await app.screenshot('english-list');
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByText('简体中文').click();
  await expect(page.getByRole('menuitem', { name: '培训班次' })).toBeVisible();
});
