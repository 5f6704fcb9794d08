import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { docxText, readXlsx } from '../electron/core/testing/read-documents';
import { standardRoster } from '../electron/core/testing/roster-files';
import { writeOfficeTable } from '../electron/core/testing/office-table';
import { expect, label, test } from './fixtures';

// Picks an option of an antd Select by typing part of it, as someone with a keyboard would.
const choose = async (page: Page, field: Locator, typed: string, option: string) => {
  await field.click();
  await field.pressSequentially(typed);
  // The option the keyboard is on, as the field announces it to screen readers.
  await expect
    .poll(async () => {
      const active = await field.getAttribute('aria-activedescendant');
      return active ? page.locator(`[id="${active}"]`).getAttribute('aria-label') : null;
    })
    .toBe(option);
  await field.press('Enter');
  await expect(field.locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]')).toContainText(option);
};

type Invoked = { ok: boolean; value: { id: number } };

// A class's 课程安排 tab, its import dialog, and a file chosen in it: the dialog, reading the file.
const chooseScheduleFile = async (
  app: { page: Page; nextChosenFile: (path: string) => void },
  className: string,
  file: string,
): Promise<Locator> => {
  const { page } = app;
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page.getByRole('link', { name: className }).click();
  await page.getByRole('tab', { name: '课程安排' }).click();
  await page.getByRole('button', { name: label('导入课程表') }).click();
  const importer = page.getByRole('dialog', { name: '从课程安排表导入' });
  app.nextChosenFile(file);
  await importer.getByRole('button', { name: label('选择文件') }).click();
  return importer;
};

test('an administrator builds a week of sessions, resolves a teacher conflict, takes attendance and exports', async ({ app }) => {
  // A long story told through the UI: on a busy two-core machine it takes a few minutes.
  test.setTimeout(360_000);
  const { page } = app;
  await app.loadSample();

  // The teachers, added on the 师资 page.
  await page.getByRole('menuitem', { name: '师资' }).click();
  // The sample's project team (four people) is there already.
  await expect(page.getByTestId('staff-table').locator('.ant-table-row')).toHaveCount(4);
  for (const [name, organisation, title, role] of [
    ['王建国', '辽源市委党校', '教授', '授课教师'],
    ['李秀兰', '辽源市农业农村局', '高级农艺师', '项目顾问'],
  ] as const) {
    await page.getByRole('button', { name: label('添加人员') }).click();
    const form = page.getByRole('dialog', { name: '添加人员' });
    await form.getByLabel('姓名').fill(name);
    await form.getByLabel('单位').fill(organisation);
    await form.getByLabel('职务/职称').fill(title);
    await choose(page, form.getByRole('combobox', { name: '角色' }), role, role);
    await form.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByTestId('staff-name')).toHaveText(name);
    await page.getByRole('menuitem', { name: '师资' }).click();
  }
  // Pinyin initials find a teacher.
  await page.getByLabel('搜索内容').fill('lxl');
  await expect(page.getByTestId('staff-table').locator('.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('staff-table')).toContainText('李秀兰');
  await page.getByLabel('搜索内容').fill('');
  await expect(page.getByTestId('staff-table').locator('.ant-table-row')).toHaveCount(6);
  await app.screenshot('staff-list');

  // Another class, arranged by a colleague, already has 王建国 on Wednesday morning.
  const other = await page.evaluate(async () => {
    const created = (await window.api.invoke('classes.create', {
      category: '主体班',
      name: '2019年市直机关党务干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-07',
    })) as Invoked;
    const staff = (await window.api.invoke('staff.list', { search: '王建国' })) as { value: { items: { id: number }[] } };
    await window.api.invoke('schedule.save', {
      classId: created.value.id,
      session: {
        date: '2019-06-05',
        start: '09:00',
        end: '11:00',
        title: '党章党规专题辅导',
        teacherIds: [staff.value.items[0]?.id],
        place: '党校201教室',
        format: '专题讲座',
      },
    });
    return created.value.id;
  });
  expect(other).toBeGreaterThan(0);

  // The class: its roster (for attendance), then an empty week.
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page.getByRole('link', { name: '2019年市管干部培训班' }).click();
  await page.getByRole('tab', { name: '学员名册' }).click();
  app.nextChosenFile(standardRoster(app.dataDir, 12));
  await page.getByRole('button', { name: label('导入名册') }).click();
  const wizard = page.getByRole('dialog', { name: '导入学员名册' });
  await wizard.getByRole('button', { name: label('选择文件…') }).click();
  await wizard.getByRole('button', { name: label('确认导入') }).click();
  await wizard.getByRole('button', { name: label('完成') }).click();

  await page.getByRole('tab', { name: '课程安排' }).click();
  const grid = page.getByTestId('week-grid');
  await expect(grid).toBeVisible();
  await expect(page.getByTestId('week-label')).toContainText('第 1 / 2 周');
  await expect(grid).toContainText('星期一');
  await app.screenshot('schedule-empty');

  const form = page.getByRole('dialog', { name: /课程/ });
  const addSession = async (
    date: string,
    slot: 'morning' | 'afternoon' | 'evening',
    fields: { title: string; module?: string; format?: string; teacher?: [string, string]; place?: string; start?: string },
  ) => {
    await page.getByTestId(`slot-${date}-${slot}`).getByRole('button').last().click();
    await expect(form.getByTestId('session-form')).toBeVisible();
    if (fields.start) await form.getByRole('combobox', { name: '开始时间' }).fill(fields.start);
    await form.getByRole('textbox', { name: '课程内容' }).fill(fields.title);
    if (fields.module)
      await choose(page, form.getByRole('combobox', { name: '教学模块' }), fields.module.slice(0, 4), fields.module);
    if (fields.format)
      await choose(page, form.getByRole('combobox', { name: '教学形式' }), fields.format.slice(0, 2), fields.format);
    if (fields.teacher) await choose(page, form.getByRole('combobox', { name: '授课人' }), fields.teacher[0], fields.teacher[1]);
    if (fields.place) await form.getByRole('combobox', { name: '地点' }).fill(fields.place);
  };
  const save = async () => {
    await form.getByRole('button', { name: label('保存') }).click();
    await expect(form).toBeHidden();
  };

  await addSession('2019-06-03', 'morning', {
    title: '开班式暨新时代党的建设总要求专题讲座',
    module: '政策法规及实践运用',
    format: '专题讲座',
    teacher: ['wjg', '王建国'],
    place: '党校301教室',
  });
  await expect(form.getByTestId('session-check')).toContainText('没有冲突');
  await app.screenshot('session-form');
  await save();
  await addSession('2019-06-03', 'afternoon', {
    title: '秋硕合作社现场教学：土地流转与合作经营',
    module: '典型实践与实践典型',
    format: '现场教学',
    teacher: ['lxl', '李秀兰'],
    place: '东辽县秋硕合作社',
  });
  await save();
  await addSession('2019-06-04', 'morning', {
    title: '乡村振兴政策解读',
    module: '政策法规及实践运用',
    format: '专题讲座',
    teacher: ['wjg', '王建国'],
    place: '党校301教室',
  });
  await save();
  await addSession('2019-06-04', 'afternoon', {
    title: '农村集体经济发展路径结构化研讨',
    module: '工作对策与思路研究',
    format: '结构化研讨',
    teacher: ['lxl', '李秀兰'],
    place: '党校研讨室',
  });
  await save();

  // Wednesday morning: 王建国 is teaching the other class then. The form says so, with both sessions,
  // and will not save.
  await addSession('2019-06-05', 'morning', {
    title: '基层党组织建设实务',
    module: '业务知识与操作实务',
    format: '专题讲座',
    teacher: ['wjg', '王建国'],
    place: '党校301教室',
  });
  const check = form.getByTestId('session-check');
  await expect(check.locator('[data-kind="teacher_busy"]')).toContainText(
    '王建国在 2019-06-05 09:00–11:00 已安排“党章党规专题辅导”',
  );
  await expect(check).toContainText('2019年市直机关党务干部培训班');
  await app.screenshot('teacher-conflict');
  await form.getByRole('button', { name: label('保存') }).click();
  await expect(page.locator('.ant-message')).toContainText('不能保存');
  await expect(form).toBeVisible();
  // Resolved: the session moves to the afternoon, when 王建国 is free.
  await form.getByRole('combobox', { name: '开始时间' }).fill('14:00');
  await form.getByRole('combobox', { name: '结束时间' }).fill('17:00');
  await expect(check).toContainText('没有冲突');
  await save();
  await expect(page.getByTestId('slot-2019-06-05-afternoon')).toContainText('基层党组织建设实务');

  // A trainees' forum with no teacher: a warning, accepted with a reason.
  await addSession('2019-06-06', 'evening', { title: '学员论坛：我身边的基层治理', format: '学员论坛', place: '党校报告厅' });
  await expect(check.locator('[data-kind="no_teacher"]')).toBeVisible();
  await check.getByLabel(/确认：还没有安排授课人/).fill('学员自主组织，班主任主持');
  await save();

  // Thursday: 四同 practice; Friday: the research report session, dragged from Thursday morning.
  await addSession('2019-06-06', 'morning', {
    title: '四同实践：与农户同吃同住同学习同劳动',
    module: '典型实践与实践典型',
    format: '四同实践',
    teacher: ['lxl', '李秀兰'],
    place: '东辽县安石镇朝阳村',
  });
  await save();
  await addSession('2019-06-06', 'afternoon', {
    title: '调研报告撰写与交流',
    module: '工作推进方法与策略',
    format: '调研',
    teacher: ['wjg', '王建国'],
    place: '党校研讨室',
  });
  await save();
  const card = page.getByTestId('slot-2019-06-06-afternoon').getByTestId('session-card');
  await card.dragTo(page.getByTestId('slot-2019-06-07-afternoon'));
  await expect(page.getByTestId('slot-2019-06-07-afternoon')).toContainText('调研报告撰写与交流');
  await expect(page.getByTestId('slot-2019-06-06-afternoon')).not.toContainText('调研报告撰写与交流');

  await expect(page.getByTestId('schedule-total')).toContainText('共 8 节课');
  await expect(grid.getByTestId('session-card')).toHaveCount(8);
  await app.screenshot('week-grid');

  // The class's own list of problems: the accepted warning, with its reason.
  await page.getByRole('button', { name: label('冲突检查') }).click();
  const drawer = page.getByRole('dialog', { name: '冲突与提示' });
  await expect(drawer).toContainText('已确认：学员自主组织，班主任主持');
  await expect(drawer.locator('[data-kind="teacher_busy"]')).toHaveCount(0);
  await app.closeDrawer(drawer);

  // Hours by module.
  await page.getByRole('button', { name: label('课时统计') }).click();
  const balance = page.getByRole('dialog', { name: '课时统计' });
  await expect(balance.getByTestId('balance')).toContainText('政策法规及实践运用');
  await expect(balance.getByTestId('balance')).toContainText('共 8 节课');
  await app.screenshot('balance');
  await balance.locator('.ant-modal-close').click();

  // The list view.
  await page.getByText('列表', { exact: true }).click();
  await expect(page.getByTestId('session-list').locator('.ant-table-row')).toHaveCount(8);
  await app.screenshot('session-list');

  // Attendance of the first session: all present, then one on leave.
  await page
    .getByTestId('session-list')
    .locator('.ant-table-row')
    .first()
    .getByRole('button', { name: label('考勤') })
    .click();
  const sheet = page.getByRole('dialog', { name: /考勤：开班式/ });
  await sheet.getByRole('button', { name: label('全部出勤') }).click();
  await expect(sheet.getByTestId('attendance-counts')).toContainText('出勤 12');
  const firstRow = sheet.locator('.ant-table-row').first();
  await firstRow.getByText('请假', { exact: true }).click();
  await firstRow.getByRole('textbox').fill('参加市委全会');
  await expect(sheet.getByTestId('attendance-counts')).toContainText('出勤 11 · 迟到 0 · 请假 1');
  await app.screenshot('attendance');
  await sheet.getByRole('button', { name: label('保存') }).click();
  await expect(page.locator('.ant-message')).toContainText('考勤已保存');
  await app.closeDrawer(sheet);

  await page.getByRole('tab', { name: '考勤' }).click();
  await expect(page.getByText('1 / 8 节')).toBeVisible();
  await expect(page.getByTestId('attendance-summary').locator('.ant-table-row')).toHaveCount(12);
  await app.screenshot('attendance-summary');

  // The 课程安排表 as .xlsx and .docx, read back.
  await page.getByRole('tab', { name: '课程安排' }).click();
  const xlsx = join(app.dataDir, '课程安排表.xlsx');
  app.nextChosenFile(xlsx);
  await page.getByRole('button', { name: label('导出') }).click();
  const exporter = page.getByRole('dialog', { name: '导出课程安排' });
  await exporter.getByRole('button', { name: label('选择保存位置并导出') }).click();
  await expect(exporter.getByTestId('export-done')).toContainText(xlsx);
  await exporter.getByRole('button', { name: label('完成') }).click();
  const { rows } = await readXlsx(xlsx);
  expect(rows[0]?.[0]).toBe('2019年市管干部培训班课程安排表');
  const body = rows.map((row) => row.join('|')).join('\n');
  expect(body).toContain('开班式暨新时代党的建设总要求专题讲座');
  expect(body).toContain('星期五');
  expect(body).toContain('调研报告撰写与交流');

  const docx = join(app.dataDir, '课程安排表.docx');
  app.nextChosenFile(docx);
  await page.getByRole('button', { name: label('导出') }).click();
  await exporter.getByText('Word（.docx）').click();
  await exporter.getByRole('button', { name: label('选择保存位置并导出') }).click();
  await expect(exporter.getByTestId('export-done')).toContainText(docx);
  await exporter.getByRole('button', { name: label('完成') }).click();
  const text = docxText(docx);
  expect(text).toContain('2019年市管干部培训班课程安排表');
  expect(text).toContain('四同实践：与农户同吃同住同学习同劳动');
  expect(text).toContain('王建国');

  // Next week's opening lecture: the same session, duplicated from its card's menu to Monday 10 June.
  await page.getByText('周视图', { exact: true }).click();
  await page
    .getByTestId('slot-2019-06-03-morning')
    .getByRole('button', { name: '“开班式暨新时代党的建设总要求专题讲座”的更多操作', exact: true })
    .click();
  await page.getByRole('menuitem', { name: '复制' }).click();
  const duplicate = page.getByRole('dialog', { name: '复制课程' });
  await duplicate.getByRole('textbox', { name: '日期' }).fill('2019-06-10');
  await duplicate.getByRole('textbox', { name: '日期' }).press('Enter');
  await expect(duplicate.getByTestId('session-check')).toContainText('没有冲突');
  await duplicate.getByRole('button', { name: label('保存') }).click();
  await expect(duplicate).toBeHidden();
  await page.getByRole('button', { name: '下一周' }).click();
  await expect(page.getByTestId('week-label')).toContainText('第 2 / 2 周');
  await expect(page.getByTestId('slot-2019-06-10-morning')).toContainText('开班式暨新时代党的建设总要求专题讲座');

  // That session's sign-in sheet, from the same menu: one page, every trainee, an empty cell to sign.
  await page
    .getByTestId('slot-2019-06-10-morning')
    .getByRole('button', { name: '“开班式暨新时代党的建设总要求专题讲座”的更多操作', exact: true })
    .click();
  await page.getByRole('menuitem', { name: '签到表' }).click();
  const signin = page.getByRole('dialog', { name: '导出“开班式暨新时代党的建设总要求专题讲座”签到表' });
  await signin.getByText('Word（.docx）').click();
  await app.screenshot('session-signin');
  const signinFile = join(app.dataDir, '签到表.docx');
  app.nextChosenFile(signinFile);
  await signin.getByRole('button', { name: label('选择保存位置并导出') }).click();
  await expect(signin.getByTestId('export-done')).toContainText(signinFile);
  await signin.getByRole('button', { name: label('完成') }).click();
  const signinText = docxText(signinFile);
  expect(signinText).toContain('2019年6月10日（星期一）上午');
  expect(signinText).toContain('应到 12 人');

  // The project team, on the class's overview.
  await page.getByRole('tab', { name: '概况' }).click();
  await page.getByRole('button', { name: label('编辑项目组') }).click();
  const team = page.getByRole('dialog', { name: '编辑项目组' });
  await team.getByRole('button', { name: label('添加成员') }).click();
  await choose(page, team.getByRole('combobox', { name: '人员' }), 'wjg', '王建国');
  await team.getByRole('combobox', { name: '在本班的角色' }).fill('总协调人');
  await team.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByTestId('team-table')).toContainText('总协调人');
  await app.screenshot('class-team');

  // 王建国's own page: the team he is on and every session he teaches, in both classes.
  await page.getByTestId('team-table').getByRole('link', { name: '王建国' }).click();
  await expect(page.getByTestId('staff-name')).toHaveText('王建国');
  await expect(page.getByText('2019年市管干部培训班 · 总协调人')).toBeVisible();
  await expect(page.getByTestId('staff-teaching').locator('.ant-table-row')).toHaveCount(6);
  await app.screenshot('teacher-page');

  // Next year's class, set up by a colleague, takes the exported 课程安排表 as it is: same days, same
  // sessions, teachers found among the staff.
  await page.evaluate(async () =>
    window.api.invoke('classes.create', {
      category: '主体班',
      name: '2020年市管干部培训班',
      startDate: '2020-06-03',
      endDate: '2020-06-14',
    }),
  );
  const importer = await chooseScheduleFile(app, '2020年市管干部培训班', xlsx);
  await expect(importer.getByTestId('schedule-import-file')).toContainText('表头在第 3 行，8 节课');
  await expect(importer.getByTestId('schedule-import-rows').locator('.ant-table-row')).toHaveCount(8);
  await app.screenshot('schedule-import');
  await importer.getByRole('button', { name: '导入 8 节课' }).click();
  await expect(importer).toBeHidden();
  await expect(page.getByTestId('slot-2020-06-03-morning')).toContainText('开班式暨新时代党的建设总要求专题讲座');
});

test('a 课程安排表 with 序号, 学时 written with its unit and a column of its own is read, and the preview says what it left out', async ({
  app,
}) => {
  const { page } = app;
  await app.loadSample();
  // The class made by a colleague meanwhile (through the api), seen when the list is opened again.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.evaluate(async () =>
    window.api.invoke('classes.create', {
      category: '主体班',
      name: '2020年乡村振兴专题班',
      startDate: '2020-10-12',
      endDate: '2020-10-16',
    }),
  );
  // As a school office writes it: a title, 序号 first, the date merged over its day, 学时 and 联系人.
  const file = await writeOfficeTable(join(app.dataDir, '专题班课程安排.xlsx'), {
    title: '课程安排表',
    labels: ['序号', '日期', '时间', '课程内容', '学时', '地点', '联系人'],
    rows: [
      ['1', '10月12日', '上午 8:30-11:30', '乡村振兴战略解读', '3学时', '党校报告厅', '王老师'],
      ['2', '10月12日', '下午2:00-5:00', '现场教学：朝阳村', '３学时', '安石镇朝阳村', ''],
      ['3', '10月13日', '上午', '学员论坛', '约3学时', '党校第一教室', '李老师'],
    ],
    mergeColumns: [1],
  });
  const importer = await chooseScheduleFile(app, '2020年乡村振兴专题班', file);
  await expect(importer.getByTestId('schedule-import-file')).toContainText('表头在第 3 行，3 节课');
  await expect(importer.getByTestId('ignored-columns')).toHaveText('未导入的列：学时、联系人');
  await expect(importer.getByTestId('schedule-import-rows').locator('.ant-table-row')).toHaveCount(3);
  await app.screenshot('schedule-import-ignored');
  await importer.getByRole('button', { name: '导入 3 节课' }).click();
  await expect(importer).toBeHidden();
  await expect(page.getByTestId('slot-2020-10-12-afternoon')).toContainText('现场教学：朝阳村');
});
