import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { fixedClock } from '../src/platform/clock.js';
import { testConfig } from '../src/testing/test-app.js';
import type { AppConfig } from '../src/platform/config.js';

const WEB_DIST = path.resolve('web/dist');

/**
 * The server's time in the browser tests: Wednesday 2026-11-25 10:00 in Shanghai, a working day
 * inside live-help hours, whatever the time of day the tests run at (as in src/testing/test-app.ts).
 */
export const E2E_NOW = '2026-11-25T02:00:00Z';

/**
 * A real server (HTTP on a free port, fresh SQLite in a temp dir, demo data) serving the built web
 * app, on a fixed clock (`now`, default E2E_NOW).
 */
export async function startServer(
  opts: { now?: string; config?: Partial<AppConfig> } = {},
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error('web/dist is missing: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-e2e-'));
  const config = testConfig({
    databaseUrl: `sqlite:${path.join(dir, 'e2e.sqlite')}`,
    dataDir: dir,
    webDist: WEB_DIST,
    ...opts.config,
  });
  const { app } = await buildApp({ config, clock: fixedClock(opts.now ?? E2E_NOW), background: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this closed network needs; never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
