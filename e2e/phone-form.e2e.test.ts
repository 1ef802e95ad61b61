import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, poll, seriousViolations, useBrowserSession } from './browser-session.js';

/**
 * Phone consultation end to end (seed art. 10.1): window1 logs a call and turns it into a phone
 * transfer form for the water resources division; water1 (its business agent) replies; window1
 * closes it with the KB updated; the form prints as a PDF. Screenshots at 360 and 1280 px, axe.
 */
describe('phone transfer form', () => {
  const s = useBrowserSession();

  it('window logs and transfers, the department replies, the window closes with the KB updated', async () => {
    const win = await s.newPage(1280, 900);
    await s.signIn(win.page, 'window1');
    await win.page.goto(`${s.baseUrl}/workspace/phone`);
    const callForm = win.page.getByTestId('phone-call-form');
    await poll(() => callForm.isVisible()).toBe(true);
    await callForm.getByLabel('咨询人').fill('张三');
    await callForm.getByLabel('联系电话').fill('13800138000');
    await callForm.getByLabel('咨询内容').fill('取水许可证延续需要准备哪些材料？');
    await win.page.getByTestId('kb-search-input').locator('input').fill('取水许可');
    await win.page.getByTestId('kb-search-input').locator('input').press('Enter');
    await win.page.getByTestId('phone-transfer').click();
    const dialog = win.page.getByRole('dialog');
    await dialog.getByLabel('承办部门').click();
    await dialog.getByLabel('承办部门').fill('水资源');
    await win.page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /转\s*办/ }).click();
    const today = win.page.getByTestId('phone-today');
    await poll(() => today.textContent()).toContain('已转办');
    await win.page.screenshot({ path: path.join(SHOTS, 'phone-calls-1280.png'), fullPage: true });
    expect(await seriousViolations(win.page)).toEqual([]);
    await win.page.setViewportSize({ width: 360, height: 800 });
    await win.page.waitForTimeout(300);
    expect(await win.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await win.page.screenshot({ path: path.join(SHOTS, 'phone-calls-360.png'), fullPage: true });
    expect(await seriousViolations(win.page)).toEqual([]);
    await win.page.setViewportSize({ width: 1280, height: 900 });

    // the water resources division's business agent replies
    const dept = await s.newPage(1280, 900);
    await s.signIn(dept.page, 'water1');
    await dept.page.goto(`${s.baseUrl}/workspace/phone-forms`);
    const rows = dept.page.getByTestId('phone-forms').locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(0);
    await poll(() => rows.first().textContent()).toContain('张三');
    await dept.page.screenshot({ path: path.join(SHOTS, 'phone-forms-department-1280.png'), fullPage: true });
    expect(await seriousViolations(dept.page)).toEqual([]);
    await rows.first().getByRole('button', { name: '查看 / 处理' }).click();
    const reply = dept.page.getByTestId('phone-reply-form');
    await poll(() => reply.isVisible()).toBe(true);
    await reply.getByLabel('答复口径').fill('取水许可证延续请在有效期届满45日前通过一网通办申请，材料见办事指南。');
    await reply.getByLabel('部门负责人').fill('刘处长');
    await dept.page.screenshot({ path: path.join(SHOTS, 'phone-form-reply-1280.png'), fullPage: true });
    expect(await seriousViolations(dept.page)).toEqual([]);
    await reply.getByRole('button', { name: '提交答复' }).click();
    const detail = dept.page.getByTestId('phone-form-detail');
    await poll(() => detail.textContent()).toContain('部门已答复');
    await dept.page.setViewportSize({ width: 360, height: 800 });
    await dept.page.waitForTimeout(300);
    await dept.page.screenshot({ path: path.join(SHOTS, 'phone-form-detail-360.png'), fullPage: true });
    // the detail fills the phone's screen: nothing of it off the left or right edge
    const box = (await detail.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await seriousViolations(dept.page)).toEqual([]);
    expect(dept.errors).toEqual([]);
    await dept.ctx.close();

    // the window closes it with the KB updated (a KB proposal from the reply wording)
    await win.page.goto(`${s.baseUrl}/workspace/phone-forms`);
    const todo = win.page.getByTestId('phone-forms').locator('tbody tr.ant-table-row');
    await poll(() => todo.first().textContent()).toContain('部门已答复');
    await win.page.screenshot({ path: path.join(SHOTS, 'phone-forms-window-1280.png'), fullPage: true });
    await todo.first().getByRole('button', { name: '查看 / 处理' }).click();
    const close = win.page.getByTestId('phone-close-form');
    await poll(() => close.isVisible()).toBe(true);
    await close.getByRole('button', { name: /办\s*结/ }).click();
    const shown = win.page.getByTestId('phone-form-detail');
    await poll(() => shown.textContent()).toContain('已办结');
    // KB updated: the entry date comes when the department's entry is published
    expect(await shown.textContent()).toContain('待知识条目发布');
    const formId = new URL(win.page.url()).searchParams.get('open');
    expect(formId).toBeTruthy();
    const pdf = await win.page.request.get(`${s.baseUrl}/api/phone/forms/${formId}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(win.errors).toEqual([]);
    await win.ctx.close();
  }, 300_000);
});
