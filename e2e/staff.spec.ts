import { join } from 'node:path';
import { writeBook } from '../electron/core/testing/roster-files';
import { expect, label, test } from './fixtures';

test('a 师资库 sheet previewed: the update said field by field before it is made, a new person counted, then committed', async ({
  app,
}) => {
  const { page } = app;
  await app.loadSample();
  await page.getByRole('menuitem', { name: '师资' }).click();
  app.nextChosenFile(
    writeBook(join(app.dataDir, '..', `staff-${Date.now()}.xlsx`), [
      ['姓名', '单位', '讲授专题', '性别'],
      ['刘志强', '中共辽源市委党校经管教研室', '乡村振兴战略', '男'],
      ['吴新来', '吉林农业大学', '数字乡村', '女'],
    ]),
  );
  await page.getByRole('button', { name: label('导入表格') }).click();
  const importer = page.getByRole('dialog', { name: '从表格导入师资' });
  await expect(importer.getByTestId('count-added')).toContainText('1');
  await expect(importer.getByTestId('count-updated')).toContainText('1');
  await expect(importer.getByTestId('ignored-columns')).toHaveText('未导入的列：性别');
  const changes = importer.getByTestId('import-changes');
  await expect(changes.locator('.ant-table-row')).toHaveCount(1);
  await expect(changes).toContainText('刘志强');
  await expect(changes).toContainText('讲授专题：农村经济、乡村振兴战略 → 乡村振兴战略');
  // Nothing written yet: the list still lacks the new person.
  await expect(page.getByText('吴新来')).toHaveCount(0);
  await app.screenshot('staff-import-preview');
  await importer.getByRole('button', { name: label('确认导入') }).click();
  await expect(importer.getByTestId('import-done')).toContainText('新增 1');
  await importer.getByRole('button', { name: label('完成') }).click();
  await expect(page.getByText('吴新来')).toBeVisible();
});
