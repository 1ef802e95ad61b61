import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, axeViolations, poll, seriousViolations as seriousOnly, useBrowserSession } from './browser-session.js';

const e2e = useBrowserSession();
const { newPage, signIn } = e2e;

/** One demo account per distinct set of staff roles (README "Demo accounts"). */
const ACCOUNTS = ['admin', 'window1', 'water1', 'supply1', 'hotline1', 'legal1', 'office1', 'leader1', 'auditor1'];
const WIDTHS = [1280, 360] as const;
const LANGS = ['zh', 'en'] as const;

/** Every finding, by page, language and width (written to test-results/staff-a11y.json for the report). */
const findings: Record<string, { serious: string[]; layout: string[]; other: string[] }> = {};
afterAll(() => {
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, 'staff-a11y.json'), JSON.stringify(findings, null, 1));
});
/** A screenshot of each page once per language and width (not once per account). */
const shot = new Set<string>();

/** The links of the side menu that stay inside the app, for the face the page shows. */
async function menuPaths(page: Page, face: 'admin' | 'workspace'): Promise<string[]> {
  await page.goto(`${e2e.baseUrl}/${face}`);
  await page.locator('[data-testid="side-menu"], [data-testid="forbidden"]').first().waitFor();
  if (await page.getByTestId('forbidden').isVisible()) return [];
  const hrefs = await page
    .getByTestId('side-menu')
    .locator(`a[href^="/${face}"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs)];
}

/** Waits until the page's own heading is there and its data has arrived. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await poll(() => page.locator('main .ant-spin-spinning, main .ant-skeleton-active').count()).toBe(0);
}

/**
 * Tables whose last column (the 操作 actions) is not fully on screen: cut by the window or by a scrolling
 * container (a column fixed to the right stays inside the container, so it passes).
 */
async function hiddenLastColumns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const table of document.querySelectorAll<HTMLElement>('main .ant-table-wrapper')) {
      if (!table.offsetParent) continue;
      const ths = [...table.querySelectorAll<HTMLElement>('thead tr:first-child > th')].filter(
        (th) => !th.classList.contains('ant-table-cell-scrollbar'),
      );
      const th = ths[ths.length - 1];
      if (!th) continue;
      const r = th.getBoundingClientRect();
      let right = window.innerWidth;
      for (let el = th.parentElement; el && el !== document.body; el = el.parentElement) {
        if (getComputedStyle(el).overflowX !== 'visible') right = Math.min(right, el.getBoundingClientRect().right);
      }
      if (r.right > right + 1) out.push(`${th.textContent ?? ''}: right ${Math.round(r.right)} > ${Math.round(right)}`);
    }
    return out;
  });
}

/** Side-menu labels cut short (an ellipsis instead of the whole label). */
async function cutMenuLabels(page: Page): Promise<string[]> {
  return page
    .getByTestId('side-menu')
    .locator('.ant-menu-title-content')
    .evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => `menu label cut: ${el.textContent}`),
    );
}

/**
 * Controls whose screen-reader name antd gives in English whatever the language ("search", "Clear",
 * "Increase Value", or an icon-only button named by its icon, such as "bars"): in the Chinese interface every
 * control a reader announces has a Chinese name.
 */
async function englishNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, [role="button"], [role="tab"], [role="combobox"], [role="switch"], [tabindex="0"]',
    );
    const names: string[] = [];
    for (const el of controls) {
      if (el.closest('[aria-hidden="true"], [lang^="en"], [inert]') || el.tabIndex < 0) continue;
      if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
      const icons = [...el.querySelectorAll('[role="img"][aria-label]')].map((i) => i.getAttribute('aria-label'));
      const name =
        el.getAttribute('aria-label') ??
        (el.textContent?.trim() || el.getAttribute('title') || (el as HTMLInputElement).placeholder || icons.join(' '));
      if (/^[A-Za-z][A-Za-z -]*$/.test(name ?? '')) names.push(`English screen-reader name "${name}"`);
    }
    return names;
  });
}

describe('staff pages: accessible and usable at 1280 px and 360 px, in Chinese and English', () => {
  for (const username of ACCOUNTS) {
    it(`${username}: every reachable back-office and workspace page`, async () => {
      const { ctx, page, errors } = await newPage(1280);
      await signIn(page, username);
      const paths = [...(await menuPaths(page, 'admin')), ...(await menuPaths(page, 'workspace'))];
      expect(paths.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const lang of LANGS) {
        if (lang === 'en') {
          await page.getByTestId('lang-switch').click();
          await poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
        }
        for (const p of paths) {
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.goto(`${e2e.baseUrl}${p}`);
          await settle(page);
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            await page.waitForTimeout(150); // antd's responsive layout reacts to the resize
            const key = `${username} ${p} ${lang} ${width}`;
            const all = await axeViolations(page, true);
            const serious = all.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.text);
            const layout: string[] = [];
            if (lang === 'zh') layout.push(...[...new Set(await englishNames(page))]);
            const sw = await page.evaluate(() => document.documentElement.scrollWidth);
            if (sw > width) layout.push(`page scrolls sideways (${sw} px)`);
            if (width === 1280) {
              layout.push(...(await cutMenuLabels(page)));
              layout.push(...(await hiddenLastColumns(page)).map((s) => `last column hidden (${s})`));
            }
            findings[key] = { serious, layout, other: all.filter((v) => !serious.includes(v.text)).map((v) => v.text) };
            problems.push(...[...serious, ...layout].map((s) => `${key}: ${s}`));
            const name = `staff-${p.replace(/^\//, '').replace(/\//g, '_') || 'home'}-${lang}-${width}`;
            if (!shot.has(name)) {
              shot.add(name);
              fs.mkdirSync(SHOTS, { recursive: true });
              await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
            }
          }
        }
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await ctx.close();
    }, 900_000);
  }
});

describe('staff forms', () => {
  it('service hours: a saved period stays where it is shown, and its delete button names it', async () => {
    const { ctx, page, errors } = await newPage(1280);
    await signIn(page, 'admin');
    await page.goto(`${e2e.baseUrl}/admin/calendar`);
    await page.getByRole('tab', { name: '服务时间' }).click();
    const card = page.locator('.ant-card', { has: page.getByRole('heading', { name: '线上人工帮办' }) });
    const rows = card.getByTestId('period-live_help');
    await rows.first().waitFor();
    const save = card.getByTestId('hours-save-live_help');
    const before = await rows.count();
    const values = async () =>
      Promise.all(
        (await rows.all()).map(async (r) =>
          (await r.locator('input').evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value))).join('–'),
        ),
      );
    const kept = await values();

    // A period earlier than the others, added at the end, then saved.
    await card.getByRole('button', { name: '添加时段' }).click();
    await card.getByLabel(`第 ${before + 1} 段开始时间`).fill('07:00');
    await card.getByLabel(`第 ${before + 1} 段结束时间`).fill('08:00');
    await save.click();
    await page.getByText('已保存“线上人工帮办”的服务时间').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'staff-service-hours-saved-zh-1280.png'), fullPage: true });
    await poll(() => save.isDisabled()).toBe(true);
    // The rows did not move under the user's eyes: the new period is still the last one shown.
    expect(await values()).toEqual([...kept, '07:00–08:00']);

    // Its delete button says which period it deletes, and deletes that one.
    await card.getByRole('button', { name: '删除 07:00–08:00 这一段' }).click();
    expect(await values()).toEqual(kept);
    await save.click();
    await poll(() => save.isDisabled()).toBe(true);
    expect(await values()).toEqual(kept);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('KB entry and policy forms: antd date pickers in the user language, accessible', async () => {
    const { ctx, page, errors } = await newPage(1280);
    await signIn(page, 'admin');
    await page.goto(`${e2e.baseUrl}/admin/kb/new`);
    await settle(page);
    expect(await page.locator('main input[type="date"]').count()).toBe(0);
    const validFrom = page.getByLabel('生效日期');
    await validFrom.click();
    await page.locator('.ant-picker-dropdown:visible').waitFor();
    expect(await page.locator('.ant-picker-dropdown:visible').textContent()).toContain('今天');
    await page.keyboard.press('Escape');
    // axe measures colours: let the calendar finish fading out first
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
    await poll(() => page.locator('[class*="-leave-active"], [class*="-appear-active"]').count()).toBe(0);
    expect(await seriousOnly(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'staff-kb-new-zh-1280.png'), fullPage: true });

    await page.goto(`${e2e.baseUrl}/admin/kb-policies`);
    await settle(page);
    await page.getByRole('button', { name: '登记政策文件' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('施行日期').waitFor();
    // axe measures colours: let the dialog finish fading in first
    await poll(() => page.locator('[class*="-appear-active"], [class*="-enter-active"]').count()).toBe(0);
    expect(await dialog.locator('input[type="date"]').count()).toBe(0);
    expect(await dialog.locator('.ant-picker').count()).toBe(1);
    expect(await seriousOnly(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'staff-policy-form-zh-1280.png') });
    expect(errors).toEqual([]);
    await ctx.close();
  });
  it('audit list: names the event and what changed as the server names them', async () => {
    const { ctx, page, errors } = await newPage(1280);
    await signIn(page, 'admin');
    // A server with the event catalogue adds both names to each row: the page shows them, not ids or codes.
    await page.route('**/api/audit?**', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { items: Record<string, unknown>[] };
      body.items = body.items.map((e) => ({
        ...e,
        typeLabel: { zh: '修改用户', en: 'User updated' },
        subjectType: 'user',
        subjectId: '0b7c6a9e-0000-4000-8000-000000000001',
        subjectLabel: '王敏 (window1)',
      }));
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`${e2e.baseUrl}/admin/audit`);
    const row = page.getByRole('row').filter({ hasText: '修改用户' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('用户 王敏 (window1)');
    expect(await row.textContent()).not.toContain('0b7c6a9e');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
