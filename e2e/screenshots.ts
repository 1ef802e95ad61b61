/**
 * Screenshots of the main screens at 360 px and 1280 px, for a person to look at before a UI change lands.
 * Run: npm run build && npx tsx e2e/screenshots.ts [baseUrl]   → test-results/screenshots/*.png
 * Without a baseUrl it starts its own server (fresh database, demo data). Console errors are printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, startServer } from './harness.js';

const OUT = path.resolve('test-results/screenshots');
const WIDTHS = [360, 1280];

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Bangban2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const server = process.argv[2] ? null : await startServer();
  const base = process.argv[2] ?? server!.baseUrl;
  const browser = await launchBrowser();
  try {
    for (const width of WIDTHS) {
      const ctx = await browser.newContext({
        viewport: { width, height: width < 600 ? 760 : 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await ctx.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning')
          console.log(`[${width}] console.${m.type()}: ${m.text().slice(0, 300)}`);
      });
      page.on('pageerror', (e) => console.log(`[${width}] page error: ${e.message}`));
      const shot = async (name: string) => {
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(OUT, `${name}-${width}.png`) });
        await page.screenshot({ path: path.join(OUT, `${name}-${width}-full.png`), fullPage: true });
      };
      await page.goto(`${base}/`);
      await page.getByTestId('matter-catalogue').getByRole('listitem').first().waitFor();
      await shot('portal');
      await page.getByTestId('matter-catalogue').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, `portal-catalogue-${width}.png`) });
      await page.getByTestId('care-mode-toggle').click();
      await shot('portal-care');
      await page.getByTestId('matter-catalogue').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, `portal-care-catalogue-${width}.png`) });
      await page.getByTestId('care-mode-toggle').click();
      await page.goto(`${base}/login`);
      await page.getByTestId('demo-accounts').waitFor();
      await shot('login');
      await signIn(page, base, 'admin');
      await shot('admin-home');
      for (const p of ['users', 'departments', 'matters', 'calendar', 'audit']) {
        await page.goto(`${base}/admin/${p}`);
        await page.locator('.ant-table-row').first().waitFor();
        await shot(`admin-${p}`);
      }
      await page.goto(`${base}/admin/users`);
      await page.getByTestId('create-user').click();
      await page.getByRole('dialog').waitFor();
      await page.getByTestId('user-modal-save').click();
      await shot('admin-user-modal-errors');
      await page.keyboard.press('Escape');
      await page.goto(`${base}/admin/calendar`);
      await page.getByRole('tab', { name: '服务时间' }).click();
      await shot('admin-calendar-hours');
      await page.getByRole('tab', { name: '期限计算' }).click();
      await page.getByRole('button', { name: '计算截止时间' }).click();
      await page.getByTestId('deadline-result').waitFor();
      await shot('admin-calendar-deadline');
      await page.getByRole('tab', { name: '节假日与调休' }).click();
      await page.getByRole('button', { name: /导入全年安排/ }).click();
      await page
        .getByRole('dialog')
        .getByRole('textbox', { name: '在这里粘贴全年安排' })
        .fill('2027-01-01,holiday,元旦\n2027-02-07,workday,春节调休\n2027-13-01,holiday,错');
      await shot('admin-calendar-import');
      await page.keyboard.press('Escape');
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login/);
      await signIn(page, base, 'supply1');
      await page.getByTestId('reference-matters').locator('.ant-table-row').first().waitFor();
      await shot('workspace');
      await page.getByTestId('lang-switch').click();
      await shot('workspace-en');
      await page.goto(`${base}/`);
      await page.getByTestId('matter-catalogue').getByRole('listitem').first().waitFor();
      await shot('portal-en');
      await page.getByTestId('lang-switch').click();
      await page.goto(`${base}/admin/users`);
      await shot('forbidden');
      await ctx.close();
    }
    console.log(`screenshots in ${OUT}`);
  } finally {
    await browser.close();
    await server?.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
