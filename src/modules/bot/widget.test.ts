import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('embeddable widget', () => {
  let t: TestApp;
  beforeAll(async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>t</title>');
    t = await createTestApp({ config: { webDist: dist, botEmbedOrigins: 'https://www.example.gov.cn' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves one small script that opens the bot in a frame', async () => {
    const res = await t.client().get('/widget.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.body).toContain("'/bot?embed=1");
    expect(res.body.length).toBeLessThan(8000);
  });

  it('lets the configured sites frame the bot page, and no other page', async () => {
    const bot = await t.client().get('/bot?embed=1');
    expect(bot.headers['content-security-policy']).toContain('frame-ancestors https://www.example.gov.cn');
    expect(bot.headers['x-frame-options']).toBeUndefined();
    const admin = await t.client().get('/admin');
    expect(admin.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });
});
