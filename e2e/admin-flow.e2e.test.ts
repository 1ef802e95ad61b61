import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD, SHOTS, poll, seriousViolations, useBrowserSession } from './browser-session.js';

const e2e = useBrowserSession();
const { newPage, signIn } = e2e;

/**
 * Picks an option of an antd Select found by its label: type to filter, click the option, and
 * check the field shows it. On a loaded machine the dropdown can re-render under the click and
 * drop it, so the pick is tried again (up to three times) before the test fails.
 */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string): Promise<void> {
  const box = scope.getByLabel(label);
  const field = box.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  for (let attempt = 1; ; attempt++) {
    // a late render of the previous pick counts (clicking again would unselect it in a multi-select)
    if (attempt > 1 && (await field.textContent())?.includes(option)) return;
    await box.click();
    await box.fill(option);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    const shown = await expect
      .poll(() => field.textContent(), { timeout: 10_000 })
      .toContain(option)
      .then(() => true)
      .catch((err: unknown) => {
        if (attempt >= 3) throw err;
        return false;
      });
    if (shown) return;
    await page.keyboard.press('Escape');
  }
}

describe('back office and workspace', () => {
  it('an administrator creates a business agent, who then signs in to the workspace and switches to English', async () => {
    const { ctx, page, errors } = await newPage();

    // The administrator signs in and lands on the back office.
    await signIn(page, 'admin', PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/admin');
    await poll(() => page.getByTestId('current-user').textContent()).toContain('系统管理员');

    // Users → New user, in the Water Supply Division as a business agent.
    await page.getByRole('link', { name: '用户管理' }).click();
    await page.waitForURL(/\/admin\/users/);
    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('e2e_agent');
    await dialog.getByLabel('姓名').fill('测试业务员');
    await dialog.getByLabel('初始密码').fill('Supply2026ok');
    await choose(page, dialog, '所在部门', '供水处');
    await choose(page, dialog, '角色', '业务客服');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-modal-save').click();
    await poll(() => dialog.isVisible()).toBe(false);
    const row = page.getByRole('row', { name: /e2e_agent/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('供水处');
    expect(await row.textContent()).toContain('业务客服');

    // Sign out, sign in as the new user: the workspace greets them with their department.
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await signIn(page, 'e2e_agent', 'Supply2026ok');
    expect(new URL(page.url()).pathname).toBe('/workspace');
    await poll(() => page.getByTestId('greeting').textContent()).toContain('测试业务员');
    expect(await page.getByTestId('workspace-department').textContent()).toBe('供水处');
    expect(await page.getByTestId('current-user').textContent()).toContain('供水处');
    // Their department's matters are the reference they answer from.
    await page.getByTestId('reference-matters').getByRole('row').nth(1).waitFor();
    expect(await page.getByTestId('reference-matters').textContent()).toContain('本部门主办的事项');

    // A business agent cannot use the back office: a friendly page, not a crash.
    await page.goto(`${e2e.baseUrl}/admin/users`);
    await page.getByTestId('forbidden').waitFor();
    await page.getByRole('button', { name: '去工作台' }).click();
    await page.waitForURL(/\/workspace$/);

    // Switch to English: labels change, the choice is told to the server and to <html lang>.
    await page.getByTestId('lang-switch').click();
    await poll(() => page.getByTestId('greeting').textContent()).toBe('Hello, 测试业务员');
    expect(await page.getByTestId('workspace-department').textContent()).toBe('Water Supply Division');
    expect(await page.getByRole('button', { name: /Sign out/ }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Home' }).isVisible()).toBe(true);
    expect(await page.getByTestId('reference-matters').textContent()).toContain('Matters owned by your department');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await ctx.cookies()).find((c) => c.name === 'bb_lang')?.value).toBe('en');
    // …and it sticks after a reload.
    await page.reload();
    await poll(() => page.getByTestId('greeting').textContent()).toBe('Hello, 测试业务员');

    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('says so when the password is wrong, in words from the server', async () => {
    const { ctx, page } = await newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码不正确');
    expect(new URL(page.url()).pathname).toBe('/login');
    await ctx.close();
  });
});

describe('citizen portal', () => {
  it('has no serious or critical accessibility violation, in normal and elderly mode, and fits 360 px', async () => {
    const { ctx, page, errors } = await newPage(360);
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByTestId('matter-catalogue').getByRole('listitem').first().waitFor();
    await page.getByTestId('service-status').getByRole('listitem').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing sticks out sideways on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'portal-360.png'), fullPage: true });

    // Elderly mode: bigger text (≥ 20px), still accessible, remembered after a reload.
    await page.getByTestId('care-mode-toggle').click();
    expect(await page.getByTestId('care-mode-toggle').getAttribute('aria-pressed')).toBe('true');
    const base = await page.getByTestId('portal').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(base).toBeGreaterThanOrEqual(20);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.reload();
    await page.getByTestId('matter-catalogue').getByRole('listitem').first().waitFor();
    expect(await page.getByTestId('portal').getAttribute('data-care')).toBe('on');
    await page.screenshot({ path: path.join(SHOTS, 'portal-care-360.png'), fullPage: true });

    // Inside live-help hours (the fixed clock) the portal says staff are online and how to reach them.
    expect(await page.getByTestId('live-help-status').textContent()).toContain('现在可以转人工客服');
    await page.getByTestId('service-status').screenshot({ path: path.join(SHOTS, 'portal-hours-360.png') });

    // Search narrows the catalogue.
    await page.getByLabel('查找事项').fill('排水');
    const first = page.getByTestId('matter-catalogue').getByRole('listitem').first();
    expect(await first.textContent()).toContain('排水');
    // A 办事指南 link leads to that matter's own guide (a new tab without access to this page), never to one
    // generic page shared by every matter.
    await page.getByLabel('查找事项').fill('');
    await page.getByRole('button', { name: /显示全部/ }).click();
    const guides = page.getByTestId('matter-catalogue').getByRole('link', { name: /办事指南/ });
    const hrefs = await guides.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const a of await guides.all()) {
      expect(await a.getAttribute('target')).toBe('_blank');
      expect(await a.getAttribute('rel')).toContain('noopener');
    }

    expect(errors).toEqual([]);
    await ctx.close();
  });
});
