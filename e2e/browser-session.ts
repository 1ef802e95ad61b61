import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, startServer } from './harness.js';

/** The demo accounts' password. */
export const PASSWORD = 'Bangban2026';
/** Where tests leave screenshots for a person to look at (gitignored). */
export const SHOTS = path.resolve('test-results');

/** Waits for a value to meet the expectation (the server hashes passwords, so some steps take a while). */
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });

export interface BrowserSession {
  readonly baseUrl: string;
  newPage(width?: number, height?: number): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }>;
  signIn(page: Page, username: string, password?: string): Promise<void>;
}

/** One real server and one Chromium for a test file: started before its tests, stopped after them. */
export function useBrowserSession(): BrowserSession {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get baseUrl() {
      return server.baseUrl;
    },
    async newPage(width = 1280, height = 900) {
      const ctx = await browser.newContext({
        viewport: { width, height },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return { ctx, page, errors };
    },
    async signIn(page, username, password = PASSWORD) {
      await page.goto(`${server.baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    },
  };
}

/**
 * axe-core on the current page: each violation as "rule (impact): selectors". WCAG 2.1 A/AA rules, and with
 * `bestPractice` also axe's best-practice rules (landmarks, headings, …).
 */
export async function axeViolations(page: Page, bestPractice = false): Promise<{ impact: string; text: string }[]> {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', ...(bestPractice ? ['best-practice'] : [])];
  const result = await new AxeBuilder({ page }).withTags(tags).analyze();
  return result.violations.map((v) => ({
    impact: v.impact ?? 'unknown',
    text: `${v.id} (${v.impact}): ${v.nodes
      .map((n) => n.target.join(' '))
      .slice(0, 5)
      .join(' | ')}`,
  }));
}

/** The serious and critical violations only (what a page must not have). */
export async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.text);
}
