import type { Page } from '@playwright/test';
import { checkCharOf } from '../shared/idcard';
import { personPinyinKey } from '../shared/text/pinyin';
import { expect, label, test } from './fixtures';

type Row = { enrolmentId: number; traineeId: number; name: string; status: string | null };

const invoke = <T>(page: Page, channel: string, input: unknown) =>
  page.evaluate(
    async ([c, i]) => {
      const result = (await window.api.invoke(c as never, i as never)) as { ok: boolean; value?: unknown };
      return result.value;
    },
    [channel, input] as const,
  ) as Promise<T>;

// A 身份证号 ending in X, as a reader may type it in lower case.
const cardNumber = (() => {
  for (let seq = 100; seq < 999; seq += 1) {
    const first17 = `22040219900307${seq}`;
    if (checkCharOf(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no ID number ending in X');
})();

const initials = (name: string) =>
  personPinyinKey(name)
    .split(' ')
    .map((syllable) => syllable[0] ?? '')
    .join('');

test('the desk checks trainees in by initials, by ID card and by choice, notes a leave, undoes one and adds a walk-in', async ({
  app,
}) => {
  const { page } = app;
  await app.loadSample();
  await page.getByRole('menuitem', { name: '培训班次' }).click();
  await page.getByTestId('filter-category').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^年轻干部培训班$/ })
    .click();
  await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link').click();
  await expect(page.getByTestId('class-title')).toHaveText('2019年年轻干部培训班');
  await page.getByRole('tab', { name: '报到', exact: true }).click();
  const box = page.getByTestId('checkin-box');
  await expect(box).toBeFocused();
  await expect(page.getByTestId('checkin-rate')).toContainText('0.0%');

  const classId = Number(/classes\/(\d+)/.exec(page.url())?.[1]);
  const rows = (await invoke<{ units: { rows: Row[] }[] }>(page, 'checkin.list', { classId, missing: false })).units.flatMap(
    (unit) => unit.rows,
  );
  const expected = rows.length;
  // Someone whose initials no one else's name holds: Enter checks them in at once.
  const all = rows.map((row) => ({ ...row, initials: initials(row.name) }));
  const alone = all.find((row) => all.every((other) => other === row || !other.initials.includes(row.initials)));
  if (!alone) throw new Error('no one with initials of their own');
  await box.fill(alone.initials);
  await box.press('Enter');
  await expect(page.getByText(`“${alone.name}”报到`)).toBeVisible();
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();

  // A single letter fits many: the choices are shown, nobody is guessed.
  const letter =
    all.find((row) => all.filter((other) => other.initials.includes(row.initials[0] ?? '')).length > 2)?.initials[0] ?? 'z';
  await box.fill(letter);
  await box.press('Enter');
  const choices = page.getByTestId('checkin-choices');
  await expect(choices).toContainText('请选择');
  await app.screenshot('checkin-choices');
  const chosen = choices.getByRole('button').filter({ hasNotText: '已报到' }).first();
  const chosenName = ((await chosen.innerText()).split(/\s/)[0] ?? '').trim();
  await chosen.click();
  await expect(page.getByText(`“${chosenName}”报到`)).toBeVisible();
  await expect(page.getByTestId('checkin-figures')).toContainText(`2 / ${expected}`);

  // 请假 with a note, from the list of who has not arrived.
  await page.getByText('只看未到', { exact: true }).click();
  const firstMissing = page.getByTestId('checkin-list').locator('.ant-table-row').first();
  const missingName = (await firstMissing.getByTestId('checkin-name').innerText()).trim();
  await firstMissing.getByRole('button', { name: label('请假') }).click();
  const note = page.getByRole('dialog', { name: `请假：${missingName}` });
  await note.getByRole('textbox').fill('市里开会，明天报到');
  await note.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByText(`“${missingName}”请假`)).toBeVisible();
  await page.getByText('全部学员', { exact: true }).click();
  await expect(page.getByText('市里开会，明天报到')).toBeVisible();

  // Undo the check-in made by mistake.
  const undone = page.getByTestId('checkin-list').locator('.ant-table-row').filter({ hasText: chosenName });
  await undone.getByRole('button', { name: label('撤销') }).click();
  await expect(page.getByText(`撤销“${chosenName}”的报到`)).toBeVisible();
  await expect(page.getByTestId('checkin-figures')).toContainText(`1 / ${expected}`);

  // A walk-in: an ID number that cannot be is refused under its field; then added and checked in.
  await box.fill('孙　丽'); // as read off a 桌签: the walk-in's name comes without the space
  await page.getByRole('button', { name: label('现场添加') }).click();
  const walkIn = page.getByRole('dialog', { name: '现场添加学员并报到' });
  await expect(walkIn.getByLabel('姓名')).toHaveValue('孙丽');
  await walkIn.getByLabel('身份证号').fill('220402199003071235');
  await walkIn.getByLabel('工作单位').fill('龙山区委组织部');
  await walkIn.getByRole('button', { name: label('保存') }).click();
  await expect(walkIn.getByText(/校验码|身份证号/).first()).toBeVisible();
  await walkIn.getByLabel('身份证号').fill(cardNumber);
  await walkIn.getByLabel('备注').fill('组织部临时增补');
  await walkIn.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByText('现场添加“孙丽”并报到')).toBeVisible();
  await expect(page.getByTestId('checkin-figures')).toContainText(`2 / ${expected + 1}`);
  const walkInRow = page.getByTestId('checkin-list').locator('.ant-table-row[data-unit="龙山区委组织部"]');
  await expect(walkInRow).toContainText('孙丽');

  // Checked in again by the ID card as a reader types it, x in lower case, spaces and all.
  await walkInRow.getByRole('button', { name: label('撤销') }).click();
  await expect(page.getByTestId('checkin-figures')).toContainText(`1 / ${expected + 1}`);
  await box.fill(`${cardNumber.slice(0, 6)} ${cardNumber.slice(6).toLowerCase()}`);
  await box.press('Enter');
  await expect(page.getByText('“孙丽”报到')).toBeVisible();
  await expect(page.getByTestId('checkin-figures')).toContainText(`2 / ${expected + 1}`);
  await app.screenshot('checkin-desk');

  // The overview carries the 报到率.
  await page.getByRole('tab', { name: '概况' }).click();
  await expect(page.getByTestId('overview-checkin')).toContainText(`报到：2 / ${expected + 1} 人`);
  await app.screenshot('checkin-overview');
});
