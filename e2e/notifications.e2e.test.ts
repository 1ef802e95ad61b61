import { describe, expect, it } from 'vitest';
import { poll, seriousViolations, useBrowserSession } from './browser-session.js';

/**
 * The notification centre in a real browser at 360 px: a window agent's bell count rises live
 * (over /api/live, no reload) when a citizen leaves a message for a call back, and the notice
 * opens that case; "my work" on the workspace home lists it.
 */
const e2e = useBrowserSession();

/** A citizen leaves a message with 小申 (a callback case for the front-line handlers). */
async function leaveMessage(baseUrl: string, question: string): Promise<string> {
  const post = async (url: string, body: unknown, token?: string) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-bot-token': token } : {}) },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Record<string, string>;
  };
  const session = await post('/api/bot/sessions', { channel: 'portal' });
  const receipt = await post('/api/bot/messages', { name: '张先生', phone: '13800138000', question }, session.token);
  return receipt.number;
}

describe('notifications', () => {
  it("a window agent's bell count rises live when a case arrives, and the notice opens the case", async () => {
    const { page, errors } = await e2e.newPage(360, 780);
    await e2e.signIn(page, 'window1');
    await page.goto(`${e2e.baseUrl}/workspace`);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    await page.getByTestId('my-work').waitFor();
    const before = Number(await bell.getAttribute('data-unread'));
    let reloads = 0;
    page.on('load', () => reloads++);

    const number = await leaveMessage(e2e.baseUrl, '取水许可证延续要准备哪些材料？请回电');

    await poll(async () => Number(await bell.getAttribute('data-unread'))).toBe(before + 1);
    expect(await bell.getAttribute('aria-label')).toContain(`${before + 1}`);
    expect(reloads).toBe(0);
    // "my work" lists the case due tomorrow
    await poll(() => page.getByTestId('my-work').getByText(number).count()).toBe(1);

    await bell.click();
    const notice = page.getByTestId('notification-list').getByRole('link', { name: new RegExp(number) });
    await notice.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await notice.click();
    await page.waitForURL(/\/workspace\/callbacks\?id=/);
    await poll(() => page.getByRole('row', { name: new RegExp(number) }).count()).toBe(1);
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(1);
    // read: the count goes back down
    await poll(async () => Number(await bell.getAttribute('data-unread'))).toBe(before);
    expect(errors).toEqual([]);
  });
});
