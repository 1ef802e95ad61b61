/**
 * Screenshots of the work-order screens with the demo cases, at 360 px and 1280 px: hotline1's home
 * and list, the 12345 import dialog with a previewed file (good and bad rows), the window record's
 * drawer with its print button; water1's home and list.
 * Run: npm run build && npx tsx e2e/work-order-screenshots.ts   → test-results/screenshots/orders-*.png
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { launchBrowser, startServer } from './harness.js';

const OUT = path.resolve('test-results/screenshots');

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Bangban2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A small 12345 export: two good rows, one bad. */
async function exportFile(batch: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(['工单编号', '来电时间', '诉求类型', '标题', '诉求内容', '来电人', '联系电话', '承办单位']);
  ws.addRow([
    `SH26112501${batch}1`,
    '2026-11-25 08:40',
    '投诉',
    '自来水浑浊',
    '小区自来水发黄两天。',
    '王女士',
    '13912345678',
    '供水处',
  ]);
  ws.addRow([
    `SH26112501${batch}2`,
    '2026-11-25 09:05',
    '咨询',
    '取水许可',
    '取水许可证延续材料？',
    '李先生',
    '021-63211234',
    '水资源处',
  ]);
  ws.addRow(['', '昨天下午', '表扬', '', '', '', '12345', '']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orders-')), `12345导出-${batch}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
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
      await page.locator('.ant-modal input[type=file]').setInputFiles(await exportFile(width === 360 ? '3' : '4'));
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
