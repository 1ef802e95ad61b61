import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, seriousViolations, useBrowserSession } from './browser-session.js';
import { hotlineExportFile } from './hotline-export.js';

/**
 * The 12345 import preview on a phone and on a desktop: every row's problems are written out in full
 * inside the screen (on a phone a card per row, no sideways scrolling), the good rows then import.
 */
const e2e = useBrowserSession();

async function preview(page: Page, batch: string): Promise<void> {
  await e2e.signIn(page, 'hotline1');
  await page.goto(`${e2e.baseUrl}/workspace/work-orders`);
  await page.getByTestId('orders-import').click();
  await page.locator('.ant-modal input[type=file]').setInputFiles(await hotlineExportFile(batch));
  await page.getByTestId('import-report').waitFor();
}

/** Where each problem line of the report lies on the screen. */
const problemBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=import-report] .import-problems li')].map((li) => {
      const b = li.getBoundingClientRect();
      return { text: li.textContent ?? '', left: b.left, right: b.right };
    }),
  );

describe('12345 import preview: the per-row report is readable at 360 and 1280 px', () => {
  it('at 360 px each row is a card with its problems in full inside the screen, and the good rows import', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const { page, errors } = await e2e.newPage(360, 760);
    await preview(page, '5');
    const bad = page.getByTestId('import-row-4');
    await bad.waitFor();
    expect(await bad.textContent()).toContain('有误');
    const boxes = await problemBoxes(page);
    // the bad row names several fields at fault (number, time, type, …), each line on the screen
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const b of boxes) {
      expect(b.text).toMatch(/：/);
      expect(b.left, b.text).toBeGreaterThanOrEqual(0);
      expect(b.right, b.text).toBeLessThanOrEqual(360);
    }
    // nothing scrolls sideways: not the page, not the report
    const report = await page
      .getByTestId('import-report')
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(report.scroll).toBeLessThanOrEqual(report.client);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'import-preview-360.png'), fullPage: true });
    await bad.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'import-preview-360-bad-row.png') });

    await page.getByText('仅导入无误的行').click();
    await page.getByRole('button', { name: /导入 2 件工单/ }).click();
    await page.getByText('导入完成').waitFor();
    expect(await page.getByTestId('import-row-2').textContent()).toContain('GD');
    expect(errors).toEqual([]);
  });

  it('at 1280 px the report is a table with a problems column inside the dialog', async () => {
    const { page, errors } = await e2e.newPage(1280, 900);
    await preview(page, '6');
    const table = page.getByTestId('import-report');
    expect(await table.getByRole('columnheader', { name: '问题' }).isVisible()).toBe(true);
    const dialog = await page.getByRole('dialog').boundingBox();
    const boxes = await problemBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const b of boxes) expect(b.right, b.text).toBeLessThanOrEqual(dialog!.x + dialog!.width);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'import-preview-1280.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
