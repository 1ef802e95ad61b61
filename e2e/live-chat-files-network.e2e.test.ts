import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, poll, useBrowserSession } from './browser-session.js';

/**
 * Live help with real browsers: a citizen sends a picture and a PDF, the agent sees the picture and
 * opens the PDF; a PDF named .png is refused with a clear message; the citizen's network drops
 * (Playwright's setOffline) while both sides are writing, and after it comes back every message is
 * there once, in order, on both screens and in the stored conversation.
 */
const e2e = useBrowserSession();
const { newPage, signIn } = e2e;

/** A question 小申 has no entry for: it offers a person. */
const UNKNOWN = '水务科普馆周一开放参观吗';
/** A real 1×1 PNG (the browser decodes it) and a small PDF. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function openWorkspace(username: string) {
  const s = await newPage(1280, 900);
  await signIn(s.page, username);
  await s.page.goto(`${e2e.baseUrl}/workspace/chats`);
  await s.page.getByTestId('agent-chats').waitFor();
  await s.page.getByRole('button', { name: '签到' }).click();
  await s.page.getByRole('button', { name: '签出' }).waitFor();
  return s;
}

/** The texts of the messages on a screen, in the order shown. */
const texts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent ?? ''));

/** How many times each of `wanted` appears among `all`, and the order they appear in. */
function occurrences(all: string[], wanted: string[]) {
  const found = all.flatMap((t) => wanted.filter((w) => t.includes(w)));
  return { found, counts: wanted.map((w) => found.filter((f) => f === w).length) };
}

describe('live help: files and a network drop', () => {
  it('a picture and a PDF reach the agent, a lying extension is refused, nothing is lost or doubled across a drop', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const agent = await openWorkspace('window1');
    const citizen = await newPage(360, 760);
    const { page } = citizen;
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByTestId('chat-input').fill(UNKNOWN);
    await page.getByTestId('chat-input').press('Enter');
    await page.getByTestId('next-step').last().getByTestId('transfer-to-human').click();
    await page.getByTestId('live-chat').waitFor();
    await agent.page.getByTestId('agent-log').waitFor();
    await agent.page.getByTestId('agent-input').fill('您好，请把材料发给我看看。');
    await agent.page.getByTestId('agent-input').press('Control+Enter');
    await page.getByTestId('live-msg-agent').first().waitFor();

    // A picture and a PDF: the agent sees the picture (decoded) and opens the PDF.
    await page.getByTestId('live-file').setInputFiles({ name: '水表读数.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('live-msg-citizen').locator('img').first().waitFor();
    await page
      .getByTestId('live-file')
      .setInputFiles({ name: '取水证明.pdf', mimeType: 'application/pdf', buffer: PDF });
    const agentImg = agent.page.getByTestId('agent-msg-citizen').locator('img');
    await agentImg.first().waitFor();
    await poll(() => agentImg.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await agentImg.first().getAttribute('alt')).toContain('水表读数.png');
    const pdfButton = agent.page.getByRole('button', { name: /下载 取水证明\.pdf/ });
    await pdfButton.waitFor();
    const download = agent.page.waitForEvent('download');
    await pdfButton.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('取水证明.pdf');
    expect(fs.readFileSync(await file.path()).equals(PDF)).toBe(true);

    // A PDF named .png is refused with a clear message; nothing reaches the agent.
    await page.getByTestId('live-file').setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: PDF });
    const refused = page.locator('.lc-upload-error');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/文件名为 \.png，但内容是 PDF/);
    await page.screenshot({ path: path.join(SHOTS, 'live-file-refused-360.png'), fullPage: true });
    expect(await agent.page.getByTestId('chat-file').count()).toBe(2);
    expect(await page.getByTestId('chat-file').count()).toBe(2);

    // The citizen's network drops while both sides write: one message goes as the line goes down,
    // three are typed offline, the agent answers three times meanwhile.
    const mine = ['断网前最后一句', '断网中第一句', '断网中第二句', '断网中第三句'];
    const theirs = ['客服甲：收到材料', '客服乙：正在核对', '客服丙：请稍候'];
    await page.getByTestId('live-input').fill(mine[0]);
    await page.getByTestId('live-input').press('Enter');
    await citizen.ctx.setOffline(true);
    await page.getByTestId('live-offline').waitFor();
    for (const [i, text] of mine.slice(1).entries()) {
      await page.getByTestId('live-input').fill(text);
      await page.getByTestId('live-input').press('Enter');
      await agent.page.getByTestId('agent-input').fill(theirs[i]);
      await agent.page.getByTestId('agent-input').press('Control+Enter');
    }
    await poll(() => page.getByTestId('live-pending').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(SHOTS, 'live-offline-360.png'), fullPage: true });
    await citizen.ctx.setOffline(false);

    // Back online: every message once, in the order written, on both screens.
    await poll(() => page.getByTestId('live-pending').count()).toBe(0);
    await poll(
      async () => occurrences(await texts(page, '[data-testid="live-log"] [data-seq]'), [...mine, ...theirs]).counts,
    ).toEqual([1, 1, 1, 1, 1, 1, 1]);
    await poll(
      async () => occurrences(await texts(agent.page, '[data-testid^="agent-msg-"]'), [...mine, ...theirs]).counts,
    ).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const onCitizen = occurrences(await texts(page, '[data-testid="live-log"] [data-seq]'), [...mine, ...theirs]).found;
    const onAgent = occurrences(await texts(agent.page, '[data-testid^="agent-msg-"]'), [...mine, ...theirs]).found;
    expect(onCitizen.filter((x) => mine.includes(x))).toEqual(mine);
    expect(onCitizen.filter((x) => theirs.includes(x))).toEqual(theirs);
    // the citizen's screen: each message once, by seq
    const seqs = await page
      .getByTestId('live-log')
      .locator('[data-seq]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    // The stored conversation: each message once, in the order of the citizen's screen.
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('bb_live_chat') ?? '{}').token as string);
    const stored = (await (
      await fetch(`${e2e.baseUrl}/api/chat/messages?after=0`, { headers: { 'x-chat-token': token } })
    ).json()) as { items: { seq: number; text: string }[] };
    const storedOrder = occurrences(
      stored.items.map((m) => m.text),
      [...mine, ...theirs],
    );
    expect(storedOrder.counts).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(storedOrder.found).toEqual(onCitizen);
    expect(storedOrder.found).toEqual(onAgent);
    const storedSeqs = stored.items.map((m) => m.seq);
    expect(storedSeqs).toEqual([...new Set(storedSeqs)].sort((a, b) => a - b));
    expect(seqs.filter((x) => !storedSeqs.includes(x))).toEqual([]); // the screen shows stored messages only

    for (const s of [citizen, agent]) {
      expect(s.errors).toEqual([]);
      await s.ctx.close();
    }
  }, 300_000);
});
