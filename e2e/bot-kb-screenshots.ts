/**
 * Screenshots of the 小申 chat and the knowledge-base pages at 360 and 1280 px, to look at.
 * Run: npm run build && npx tsx e2e/bot-kb-screenshots.ts [baseUrl] [outDir]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, startServer } from './harness.js';

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Bangban2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[3] ?? 'test-results/screenshots');
  fs.mkdirSync(out, { recursive: true });
  const server = process.argv[2] ? null : await startServer();
  const base = process.argv[2] ?? server!.baseUrl;
  const only = process.env.ONLY ?? '';
  const browser = await launchBrowser();
  try {
    for (const width of [360, 1280]) {
      const ctx = await browser.newContext({
        viewport: { width, height: width < 600 ? 760 : 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await ctx.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') console.log(`[${width}] console.error: ${m.text().slice(0, 300)}`);
      });
      page.on('pageerror', (e) => console.log(`[${width}] page error: ${e.message}`));
      const shot = async (name: string, full = false) => {
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(out, `${name}-${width}.png`), fullPage: full });
      };
      if (!only || only.includes('chat')) {
        await page.goto(`${base}/`);
        await page.getByTestId('chat-input').fill('海域使用金怎么缴纳？标准是多少？');
        await page.getByTestId('chat-input').press('Enter');
        await page.getByTestId('bot-answer').waitFor();
        await page.getByTestId('chat-mount').screenshot({ path: path.join(out, `chat-answer-${width}.png`) });
        await shot('portal-chat', true);
        await page.getByTestId('unsolved').click();
        await page.getByTestId('next-step').waitFor();
        await page.getByTestId('chat-mount').screenshot({ path: path.join(out, `chat-next-${width}.png`) });
        await page.getByTestId('chat-input').fill('排水');
        await page.getByTestId('chat-send').click();
        await page.getByTestId('suggestions').waitFor();
        await page.getByTestId('chat-mount').screenshot({ path: path.join(out, `chat-suggest-${width}.png`) });
        await page.getByTestId('care-mode-toggle').click();
        await page.getByTestId('chat-mount').screenshot({ path: path.join(out, `chat-care-${width}.png`) });
        await page.getByTestId('care-mode-toggle').click();
        await page.goto(`${base}/bot?embed=1`);
        await page.setViewportSize({ width: Math.min(width, 400), height: 640 });
        await page.getByTestId('chat-input').fill('二次供水水箱多久清洗一次？');
        await page.getByTestId('chat-input').press('Enter');
        await page.getByTestId('bot-answer').last().waitFor();
        await page.getByTestId('solved').last().click();
        await page.getByTestId('rating').waitFor();
        await shot('bot-embed-rating');
        await page.setViewportSize({ width, height: width < 600 ? 760 : 900 });
      }
      if (!only || only.includes('kb')) {
        await signIn(page, base, 'legal1');
        for (const p of ['kb', 'kb-exchange', 'kb-policies', 'bot-inbox', 'kb-terms', 'bot-stats']) {
          await page.goto(`${base}/admin/${p}`);
          await page.waitForLoadState('networkidle');
          await shot(`admin-${p}`);
        }
        await page.goto(`${base}/admin/kb`);
        await page.locator('.ant-table-row').first().waitFor();
        await page.locator('.ant-table-row a').first().click();
        await page.getByTestId('entry-editor').waitFor();
        await shot('admin-kb-entry', true);
        await page.getByTestId('sign-out').click();
        await page.waitForURL(/\/login/);
        await signIn(page, base, 'water1');
        for (const p of ['kb-search', 'callbacks']) {
          await page.goto(`${base}/workspace/${p}`);
          await page.waitForLoadState('networkidle');
          if (p === 'kb-search') {
            await page.getByTestId('kb-search-input').locator('input').fill('水箱清洗');
            await page.getByTestId('kb-search-input').locator('input').press('Enter');
            await page.getByTestId('kb-search-result').first().waitFor();
          }
          await shot(`workspace-${p}`);
        }
        for (const p of ['kb-proposals']) {
          await page.goto(`${base}/admin/${p}`);
          await page.waitForLoadState('networkidle');
          await shot(`admin-${p}`);
        }
      }
      await ctx.close();
    }
    console.log(`screenshots in ${out}`);
  } finally {
    await browser.close();
    await server?.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
