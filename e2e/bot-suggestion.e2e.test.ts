import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, poll, seriousViolations, useBrowserSession } from './browser-session.js';

const e2e = useBrowserSession();
const { newPage, signIn } = e2e;

/** Colloquial: the demo KB only suggests for it, best match first (取水许可). */
const COLLOQUIAL = '抽水要办啥证';

async function ask(page: Page, question: string) {
  const before = await page.getByTestId('bot-reply').count();
  await page.getByTestId('chat-input').fill(question);
  await page.getByTestId('chat-input').press('Enter');
  await poll(() => page.getByTestId('bot-reply').count()).toBe(before + 1);
  return page.getByTestId('bot-reply').nth(before);
}

/** Whether the element's top and bottom lie inside the first screen (no scrolling). */
const onFirstScreen = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });

describe('小申: one step from the answer when unsure, and the KB learns from what citizens confirm', () => {
  it('shows the best match under 您是不是想问, the citizen marks it solved, the editor accepts, then it is answered directly', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const { page } = await newPage(360, 740);
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByTestId('bot-greeting').waitFor();
    // on a phone the question box is on the first screen
    expect(await onFirstScreen(page, 'chat-input')).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'suggest-first-screen-360.png') });

    const reply = await ask(page, COLLOQUIAL);
    const shown = reply.getByTestId('bot-suggestion');
    await shown.waitFor();
    const text = (await shown.textContent()) ?? '';
    expect(text).toContain('您是不是想问：');
    expect(text).toContain('取水许可');
    expect(await shown.getByTestId('answer-source').textContent()).toContain('水资源管理处');
    expect(await shown.getByTestId('none-fits').count()).toBe(1);
    expect(await shown.getByTestId('suggestions').getByRole('button').count()).toBeLessThanOrEqual(2);
    // one scroll: the answer is not in a scroll box of its own, and it uses the full width
    await page.screenshot({ path: path.join(SHOTS, 'suggest-answer-360.png') });
    const box = await page.getByTestId('chat-log').evaluate((el) => ({
      scrolls: el.scrollHeight > el.clientHeight + 1,
      width: el.getBoundingClientRect().width,
    }));
    expect(box.scrolls).toBe(false);
    // the portal card around the chat keeps its margins; inside it the answer takes the whole width
    expect(box.width).toBeGreaterThanOrEqual(280);
    const bubble = await reply.evaluate((el) => el.getBoundingClientRect().width);
    expect(bubble).toBeGreaterThanOrEqual(box.width - 2);
    expect(await onFirstScreen(page, 'chat-input')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);

    // elderly mode: the answer column keeps the screen's width
    await page.getByTestId('care-mode-toggle').click();
    await page.screenshot({ path: path.join(SHOTS, 'suggest-answer-care-360.png') });
    // (about 200 px before: seven characters a line)
    const careWidth = await shown.evaluate((el) => el.getBoundingClientRect().width);
    expect(careWidth).toBeGreaterThan(250);
    await page.getByTestId('care-mode-toggle').click();

    await shown.getByTestId('solved').click();
    await poll(async () => (await shown.textContent()) ?? '').toContain('已解决');

    // the Water Resources editor accepts the citizen's wording in one click
    const staff = await newPage(1280, 900);
    await signIn(staff.page, 'water1');
    await staff.page.goto(`${e2e.baseUrl}/admin/bot-inbox`);
    const learned = staff.page.getByTestId('learned-questions');
    await learned.waitFor();
    const row = learned.getByRole('row', { name: new RegExp(COLLOQUIAL) });
    await row.getByRole('button', { name: '采纳', exact: true }).click();
    await poll(() => learned.getByRole('row', { name: new RegExp(COLLOQUIAL) }).count()).toBe(0);

    // a new conversation: the same colloquial question is now answered directly
    const again = await newPage(1280, 900);
    await again.page.goto(`${e2e.baseUrl}/`);
    await again.page.getByTestId('bot-greeting').waitFor();
    await poll(async () => {
      const r = await ask(again.page, COLLOQUIAL);
      return r.getByTestId('bot-answer').count();
    }).toBe(1);
    await again.page.screenshot({ path: path.join(SHOTS, 'suggest-learned-1280.png') });
  });
});
