import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, seriousViolations, useBrowserSession } from './browser-session.js';

/**
 * Live-help duty and conduct in the browser: an agent signs in to duty from the workspace (the
 * fixed clock is inside live-help hours), the supervisor sees the record, the roster, the
 * forbidden phrases with their counts and the canned replies; no serious axe violation, no page error.
 */
describe('duty and conduct pages', () => {
  const s = useBrowserSession();

  it('an agent signs in with the duty switch (inside live-help hours)', async () => {
    const { ctx, page, errors } = await s.newPage(360, 800);
    await s.signIn(page, 'window1');
    await page.goto(`${s.baseUrl}/workspace`);
    const sw = page.getByTestId('duty-switch');
    await expect.poll(() => sw.isVisible(), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'duty-switch-off-360.png'), fullPage: true });
    await page.getByTestId('duty-sign-in').click();
    await expect.poll(() => page.getByTestId('duty-status').textContent(), { timeout: 15_000 }).toBe('在岗');
    await page.screenshot({ path: path.join(SHOTS, 'duty-switch-on-360.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 300_000);

  it('the supervisor sees the record, the roster, the phrases with counts and the canned replies', async () => {
    const office = await s.newPage(1280, 900);
    await s.signIn(office.page, 'office1');
    for (const [route, testId, shot] of [
      ['duty-records', 'duty-records', 'duty-records'],
      ['duty-roster', 'roster-table', 'duty-roster'],
      ['conduct-phrases', 'phrases', 'conduct-phrases'],
      ['canned-replies', 'canned-replies', 'canned-replies'],
    ] as const) {
      await office.page.goto(`${s.baseUrl}/admin/${route}`);
      await expect
        .poll(() => office.page.getByTestId(testId).locator('tbody tr.ant-table-row').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await office.page.screenshot({ path: path.join(SHOTS, `${shot}-1280.png`), fullPage: true });
      expect(await seriousViolations(office.page), route).toEqual([]);
      // on a phone: nothing makes the page scroll sideways
      await office.page.setViewportSize({ width: 360, height: 800 });
      await office.page.waitForTimeout(200);
      expect(await office.page.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(360);
      await office.page.screenshot({ path: path.join(SHOTS, `${shot}-360.png`), fullPage: true });
      await office.page.setViewportSize({ width: 1280, height: 900 });
    }
    await office.page.goto(`${s.baseUrl}/admin/duty-records`);
    await expect.poll(() => office.page.getByTestId('on-duty').textContent(), { timeout: 15_000 }).toContain('SW0002');
    await expect
      .poll(() => office.page.getByTestId('duty-records').locator('tbody tr.ant-table-row').first().textContent())
      .toContain('SW0002');
    expect(office.errors).toEqual([]);
    await office.ctx.close();
  }, 300_000);
});
