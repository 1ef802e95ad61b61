import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SHOTS, poll, seriousViolations, useBrowserSession } from './browser-session.js';

/**
 * 办不成事 end to end with real browsers: a citizen files an online report on a phone → the hotline
 * office dispatches it to the Water Resources Division → its business agent replies → the hotline
 * office records the callback and closes it out → the citizen looks up the reply with the receipt
 * number and phone. axe on the citizen page (normal and elderly mode) and the staff page.
 */
const e2e = useBrowserSession();
const { newPage, signIn } = e2e;

async function openOrder(page: Page, number: string): Promise<void> {
  await page.goto(`${e2e.baseUrl}/workspace/work-orders`);
  const row = page.getByRole('row').filter({ hasText: number });
  await row.waitFor();
  await row.getByRole('button', { name: new RegExp(`查看 ${number}`) }).click();
  await page.getByTestId('order-actions').waitFor();
}

/** antd puts a space between the two characters of a button's name (派 单). */
const named = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);

/** Clicks a move's button and returns its dialog (titled with the move). */
async function act(page: Page, button: string): Promise<Locator> {
  await page
    .getByTestId('order-actions')
    .getByRole('button', { name: named(button) })
    .click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${button}`) });
  await dialog.waitFor();
  return dialog;
}

async function confirm(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('已提交').last().waitFor();
}

describe('办不成事: citizen → hotline office → department → callback → close-out → citizen', () => {
  it('runs the whole lifecycle and the citizen sees the reply with the receipt number', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const citizen = await newPage(360, 760);
    const { page } = citizen;
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByTestId('report-link').click();
    await page.getByTestId('report-form').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('您在办理什么事项').fill('取水许可证延续');
    await page.getByLabel('遇到了什么问题').fill('上传材料时页面一直报错，无法提交');
    await page.getByLabel('您的姓名').fill('刘女士');
    await page.getByLabel('手机号码').first().fill('13900002222');
    await page.getByTestId('report-submit').click();
    const receipt = page.getByTestId('report-receipt');
    await receipt.waitFor();
    const number = /GD\d{11}/.exec((await receipt.textContent()) ?? '')![0];
    await page.screenshot({ path: path.join(SHOTS, 'report-360.png'), fullPage: true });
    await page.getByTestId('care-mode-toggle').click();
    expect(await seriousViolations(page)).toEqual([]);

    // the hotline office dispatches it to the Water Resources Division
    const hotline = await newPage(1280, 900);
    await signIn(hotline.page, 'hotline1');
    await openOrder(hotline.page, number);
    expect(await seriousViolations(hotline.page)).toEqual([]);
    let dialog = await act(hotline.page, '派单');
    const dept = dialog.getByLabel('承办部门', { exact: true });
    await dept.click();
    await dept.fill('水资源');
    await hotline.page.locator('.ant-select-item-option', { hasText: '水资源管理处' }).click();
    await confirm(hotline.page, dialog);

    // the department's business agent replies
    const water = await newPage(1280, 900);
    await signIn(water.page, 'water1');
    await openOrder(water.page, number);
    dialog = await act(water.page, '答复');
    await dialog.getByLabel('答复内容').fill('系统故障已修复，请您重新提交申请。');
    await confirm(water.page, dialog);

    // the hotline office calls the citizen back, then closes the order out
    await openOrder(hotline.page, number);
    dialog = await act(hotline.page, '登记回访');
    await dialog.getByLabel('满意', { exact: true }).check();
    await confirm(hotline.page, dialog);
    dialog = await act(hotline.page, '销单');
    await confirm(hotline.page, dialog);
    await poll(() => hotline.page.getByTestId('order-actions').textContent()).toContain('已销单');
    await hotline.page.screenshot({ path: path.join(SHOTS, 'work-orders-1280.png') });

    // the citizen looks the result up with the receipt number and phone
    await page.getByTestId('lookup-submit').click();
    const status = page.getByTestId('report-status');
    await status.waitFor();
    expect(await status.textContent()).toContain('已办结');
    expect(await status.textContent()).toContain('系统故障已修复，请您重新提交申请。');
    // at 360 px nothing scrolls sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
