/**
 * Screenshots of the work-order screens with the demo cases, at 360 px and 1280 px: hotline1's home
 * and list, the 12345 import dialog with a previewed file (good and bad rows), the window record's
 * drawer with its print button; water1's home and list.
 * Run: npm run build && npx tsx e2e/work-order-screenshots.ts   → test-results/screenshots/orders-*.png
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, startServer } from './harness.js';
import { hotlineExportFile } from './hotline-export.js';

const OUT = path.resolve('test-results/screenshots');

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Bangban2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer({ config: { demoCases: true } });
  const browser = await launchBrowser();
  try {
    for (const width of [360, 1280]) {
      const ctx = await browser.newContext({
        viewport: { width, height: width < 600 ? 760 : 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.log(`[${width}] page error: ${e.message}`));
      const shot = async (name: string) => {
        await page.waitForTimeout(600);
        await page.screenshot({ path: path.join(OUT, `orders-${name}-${width}.png`), fullPage: true });
      };
      await signIn(page, server.baseUrl, 'hotline1');
      await page.goto(`${server.baseUrl}/workspace`);
      await page.getByTestId('my-work').getByText('GD2026', { exact: false }).first().waitFor();
      await shot('hotline-home');
      await page.goto(`${server.baseUrl}/workspace/work-orders`);
      await page.getByText('GD2026', { exact: false }).first().waitFor();
      await shot('hotline-list');
      await page.getByTestId('orders-import').click();
      await page
        .locator('.ant-modal input[type=file]')
        .setInputFiles(await hotlineExportFile(width === 360 ? '3' : '4'));
      await page.getByTestId('import-report').waitFor();
      await shot('hotline-import-preview');
      await page.getByText('仅导入无误的行').click();
      await page.getByRole('button', { name: /导入 2 件工单/ }).click();
      await page.getByText('导入完成').waitFor();
      await shot('hotline-import-done');
      await page.keyboard.press('Escape');
      await page.goto(`${server.baseUrl}/workspace/work-orders?source=offline_report`);
      await page
        .getByRole('button', { name: /^查看|^打开/ })
        .first()
        .click();
      await page.getByText('打印处理记录单').waitFor();
      await shot('hotline-window-record');
      await ctx.clearCookies();
      await signIn(page, server.baseUrl, 'water1');
      await page.goto(`${server.baseUrl}/workspace`);
      await page.getByTestId('my-work').getByText('DH', { exact: false }).first().waitFor();
      await shot('water-home');
      await page.goto(`${server.baseUrl}/workspace/work-orders`);
      await page.getByText('GD2026', { exact: false }).first().waitFor();
      await shot('water-list');
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
