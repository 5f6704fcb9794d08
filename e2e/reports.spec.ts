import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxText } from '../electron/core/testing/read-documents';
import { reportText, writeReportDocx } from '../electron/core/testing/report-files';
import { expect, label, test } from './fixtures';

test('a folder of reports handed in, one unmatched file given its author, one reviewed as excellent, found, opened, archived and compiled', async ({
  app,
}) => {
  const { page } = app;
  await app.loadSample();
  // Twenty-four trainees in four groups for the 市管干部 class (the roster screens have their own test;
  // the 年轻干部 class has the sample's own reports).
  const names = (await app.enrol('市管干部', 24, 4)).filter((row) => row.group !== 2).map((row) => row.name);
  const [first = '', second = '', third = ''] = names;

  // The folder as a class monitor collects it: named by person or group, one named by neither.
  const folder = join(app.dataDir, '..', `reports-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  await writeReportDocx(join(folder, `${first}-调研报告.docx`), reportText('关于朝阳村发展生态农业的调研报告'));
  await writeReportDocx(join(folder, '第二组_乡村治理.docx'), reportText('党建引领乡村治理的朝阳村实践'));
  await writeReportDocx(join(folder, `${second}-人才振兴.docx`), reportText('县域人才振兴的几点思考'));
  await writeReportDocx(join(folder, '终稿（不知道是谁的）.docx'), reportText('梅花鹿养殖合作社的发展路径'));
  writeFileSync(join(folder, '说明.pdf'), Buffer.from('MZ\u0000\u0000 not a pdf'));

  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page.getByRole('link', { name: '2019年市管干部培训班' }).click();
  await page.getByRole('tab', { name: '调研报告' }).click();
  const tab = page.getByTestId('reports-tab');
  await tab.getByRole('textbox', { name: '调研题目' }).fill('乡村治理');
  await tab.getByRole('textbox', { name: '调研题目' }).press('Enter');
  await expect(tab).toContainText('乡村治理（0 份）');
  // A topic written in full: its adviser, what it asks, how many may take it.
  await tab.getByRole('button', { name: label('添加题目') }).click();
  const topicForm = page.getByRole('dialog', { name: '添加题目' });
  await topicForm.getByLabel('调研题目').fill('生态农业产业发展');
  await topicForm.getByLabel('人数上限').fill('2');
  await topicForm.getByLabel('题目说明').fill('围绕辽河源现代生态农业产业园，调查龙头企业带动农户增收的做法。');
  await topicForm.getByRole('button', { name: label('保存') }).click();
  await expect(tab).toContainText('生态农业产业发展（0/2 份）');
  // The third trainee takes a topic before handing anything in.
  await page.getByTestId('reports-board').locator('.ant-table-row', { hasText: third }).getByRole('checkbox').check();
  await page.getByRole('combobox', { name: '选择调研题目' }).click();
  const pick = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^生态农业产业发展$/ });
  await expect(pick).toBeVisible();
  await pick.click();
  await tab.getByRole('button', { name: '各自选这个题目' }).click();
  await expect(page.getByTestId('reports-board').locator('.ant-table-row', { hasText: third })).toContainText('已选题');
  await expect(tab).toContainText('生态农业产业发展（1/2 份）');

  app.nextChosenFile(folder);
  await page.getByRole('button', { name: label('上传文件夹') }).click();
  const upload = page.getByRole('dialog', { name: /确认上传/ });
  const table = upload.getByTestId('upload-table');
  await expect(table.locator('.ant-table-row')).toHaveCount(5);
  await expect(upload).toContainText('有 1 个文件没有匹配到作者');
  await expect(table.locator('.ant-table-row', { hasText: '说明.pdf' })).toContainText('不是 Word、WPS、PDF 或文本文档');
  await expect(table.locator('.ant-table-row', { hasText: '第二组_乡村治理.docx' })).toContainText('按组别');
  // Each file's title: what its name says beside the author's name, or the document's own first line
  // where the name says only whose it is (or only the topic); the person may change it.
  const titleOf = (name: string) => upload.getByLabel(`“${name}”的报告标题`);
  await expect(titleOf(`${second}-人才振兴.docx`)).toHaveValue('人才振兴');
  await expect(titleOf(`${first}-调研报告.docx`)).toHaveValue('关于朝阳村发展生态农业的调研报告');
  await expect(titleOf('第二组_乡村治理.docx')).toHaveValue('党建引领乡村治理的朝阳村实践');
  await titleOf(`${second}-人才振兴.docx`).fill('县域人才振兴的几点思考');
  await app.screenshot('upload-confirmation');
  // The file that matched nobody is given its author.
  const authors = upload.getByLabel('“终稿（不知道是谁的）.docx”的作者');
  await authors.click();
  await authors.pressSequentially(third);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: third });
  await expect(option).toHaveCount(1);
  await expect(option).toBeVisible();
  // The one option the typed name leaves, taken with Enter as a keyboard user would.
  await authors.press('Enter');
  await authors.press('Escape');
  await expect(upload).not.toContainText('没有匹配到作者');
  await upload.getByRole('button', { name: /保存 4 个文件/ }).click();
  await expect(page.getByText('已保存 4 个文件')).toBeVisible();

  const board = page.getByTestId('reports-board');
  await expect(board.locator('.ant-table-row', { hasText: first })).toContainText('已提交');
  // Handed in on the topic the trainee had chosen.
  await expect(board.locator('.ant-table-row', { hasText: third })).toContainText('梅花鹿养殖合作社的发展路径');
  await expect(board.locator('.ant-table-row', { hasText: third })).toContainText('生态农业产业发展');
  await expect(board.locator('.ant-table-row', { hasText: '已提交' })).toHaveCount(3 + 6);
  await expect(board.locator('.ant-table-row', { hasText: second })).toContainText('县域人才振兴的几点思考');
  await app.screenshot('board');

  // A revised report dragged onto the tab: its second version (the first stays).
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/plain' }));
      return data;
    },
    {
      name: `${second}-人才振兴（修改稿）.txt`,
      text: [...reportText('县域人才振兴的几点思考'), '修改稿补充了返乡创业的案例。'].join('\n'),
    },
  );
  await tab.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-hint')).toHaveText('松开鼠标，上传拖入的调研报告');
  await tab.dispatchEvent('drop', { dataTransfer: transfer });
  const dropped = page.getByRole('dialog', { name: /确认上传（共 1 个文件）/ });
  await expect(dropped).toContainText('将成为第 2 版');
  // A new version keeps the title its report has.
  await expect(dropped.getByLabel(`“${second}-人才振兴（修改稿）.txt”的报告标题`)).toHaveValue('县域人才振兴的几点思考');
  await dropped.getByRole('button', { name: /保存 1 个文件/ }).click();
  await expect(board.locator('.ant-table-row', { hasText: second })).toContainText('已提交');
  await expect(board.locator('.ant-table-row', { hasText: second }).locator('.board-versions')).toHaveText('2');

  // Reviewed as excellent.
  await board.locator('.ant-table-row', { hasText: first }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer).toContainText('关于朝阳村发展生态农业的调研报告');
  // The title corrected here, after the upload.
  await drawer.getByTestId('report-title').locator('.ant-typography-edit').click();
  const editing = drawer.locator('.ant-typography-edit-content textarea');
  await editing.fill('  关于朝阳村发展生态农业的调研报告（定稿） ');
  await editing.press('Enter');
  await expect(page.getByText('已修改标题')).toBeVisible();
  await expect(drawer.getByTestId('report-title')).toHaveText('关于朝阳村发展生态农业的调研报告（定稿）');
  await app.screenshot('report-title-edited');
  await drawer.getByLabel('评审等次').click();
  const excellent = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^优秀$/ });
  await expect(excellent).toBeVisible();
  await excellent.click();
  await expect(drawer.getByTitle('优秀')).toBeVisible();
  await drawer.getByLabel('评分').fill('93');
  await drawer.getByLabel('评审人').fill('孙海燕');
  await drawer.getByLabel('评语').fill('调研扎实，数据翔实，对策可行。');
  await app.screenshot('review-form');
  await drawer.getByRole('button', { name: label('保存评审') }).click();
  await expect(page.getByText('评审已保存')).toBeVisible();
  // Published in 《辽源论丛》 and sent up to the organisation department, with the leader's instruction.
  const outcome = drawer.getByRole('form', { name: '发表与报送' });
  await outcome.getByText('已在刊物发表').click();
  await expect(outcome.getByLabel('刊物', { exact: true })).toHaveValue('辽源论丛');
  await outcome.getByLabel('期号').fill('第4期');
  await outcome.getByRole('button', { name: label('添加报送记录') }).click();
  await outcome.getByLabel('报送单位').fill('市委组织部');
  await outcome.getByLabel('领导批示').fill('请市农业农村局研究吸收。');
  await outcome.getByRole('button', { name: label('保存发表与报送') }).click();
  await expect(page.getByText('发表与报送情况已保存')).toBeVisible();
  await app.screenshot('publication');
  await app.closeDrawer(drawer);
  await expect(board.locator('.ant-table-row', { hasText: first })).toContainText('优秀');

  // The archive page: a two-character word, highlighted where it stands; the hit opens.
  await page.getByRole('menuitem', { name: '调研报告' }).click();
  await page.getByLabel('检索正文、标题、作者（可用拼音）、题目、班次').fill('生态农业');
  const results = page.getByTestId('reports-results');
  // Four of these, and the sample's five (each about 生态农业 somewhere).
  await expect(page.getByTestId('reports-total')).toHaveText('共 9 份');
  await expect(results.locator('.ant-list-item').first()).toContainText('关于朝阳村发展生态农业的调研报告');
  await expect(results.locator('mark', { hasText: '生态农业' }).first()).toBeVisible();
  await page.getByLabel('检索正文、标题、作者（可用拼音）、题目、班次').fill('梅花鹿养殖合作社');
  await expect(page.getByTestId('reports-total')).toHaveText('共 1 份');
  await page.getByLabel('检索正文、标题、作者（可用拼音）、题目、班次').fill('党建引领');
  await expect(page.getByTestId('reports-total')).toHaveText('共 1 份');
  await expect(results.locator('mark', { hasText: '党建引领' }).first()).toBeVisible();
  await app.screenshot('search-highlights');
  await page.getByLabel('检索正文、标题、作者（可用拼音）、题目、班次').fill('');
  await page.getByRole('combobox', { name: '成果' }).click();
  const published = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^已发表$/ });
  await expect(published).toBeVisible();
  await published.click();
  // This one, and the sample's report published in 《辽源论丛》.
  await expect(page.getByTestId('reports-total')).toHaveText('共 2 份');
  await results
    .locator('.ant-list-item', { hasText: '关于朝阳村发展生态农业的调研报告' })
    .getByRole('button', { name: label('打开') })
    .click();
  await expect.poll(() => app.opened.length).toBe(1);
  // A copy under the name it was handed in with, in the data folder's open/, in a folder named by the
  // copy's own hash (the stored file is named by its hash too).
  expect(app.opened[0]?.endsWith(`${first}-调研报告.docx`)).toBe(true);
  expect(app.opened[0]).toMatch(/[\\/]open[\\/][0-9a-f]{64}[\\/]/);

  // The archive and the compilation, from the class.
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page.getByRole('link', { name: '2019年市管干部培训班' }).click();
  await page.getByRole('tab', { name: '调研报告' }).click();
  const zip = join(app.dataDir, '..', `archive-${Date.now()}.zip`);
  app.nextChosenFile(zip);
  await page.getByRole('button', { name: label('导出班级档案包') }).click();
  await page
    .getByRole('dialog', { name: '导出班级档案包' })
    .getByRole('button', { name: label('选择保存位置并导出') })
    .click();
  await expect(page.getByTestId('export-done')).toContainText(zip);
  await page.getByRole('button', { name: label('关闭') }).click();
  const compiled = join(app.dataDir, '..', `compiled-${Date.now()}.docx`);
  app.nextChosenFile(compiled);
  await page.getByRole('button', { name: label('优秀调研报告汇编') }).click();
  await page
    .getByRole('dialog', { name: '优秀调研报告汇编' })
    .getByRole('button', { name: label('选择保存位置并导出') })
    .click();
  await expect(page.getByTestId('export-done')).toContainText(compiled);
  const text = docxText(compiled);
  expect(text).toContain('优秀调研报告汇编');
  expect(text).toContain('1. 关于朝阳村发展生态农业的调研报告');
  expect(text).toContain('村党支部带领合作社发展梅花鹿养殖和有机水稻种植');

  // The archive brought back to this workstation: it names the class already here, so the preview says
  // so and asks; its reports are all here, with the 优秀 and its date, and nothing would be imported.
  await page.getByRole('button', { name: label('关闭') }).click();
  await page.getByRole('menuitem', { name: '调研报告' }).click();
  app.nextChosenFile(zip);
  await page.getByRole('button', { name: label('导入班级档案包') }).click();
  const archived = page.getByRole('dialog', { name: '导入班级档案包' });
  await expect(archived.getByTestId('archive-merge-warning')).toContainText('档案包将并入已有班次“2019年市管干部培训班”');
  await expect(archived.getByTestId('archive-count-presentReports')).toContainText('4');
  await expect(archived.getByTestId('archive-count-newReports')).toContainText('0');
  const rows = archived.getByTestId('archive-reports');
  await expect(rows.locator('.ant-table-row', { hasText: '关于朝阳村发展生态农业的调研报告' })).toContainText('已有，跳过');
  await expect(rows.locator('.ant-table-row', { hasText: '关于朝阳村发展生态农业的调研报告' })).toContainText('优秀');
  await expect(archived.getByTestId('archive-import-commit')).toBeDisabled();
  await app.screenshot('archive-import-preview');
  await archived.getByRole('button', { name: label('取消') }).click();
  await expect(archived).toBeHidden();
});
