import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('response hygiene', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an invalid percent-encoded URL with our error, the security headers, and no echo', async () => {
    for (const url of ['/api/matters/%E0%A4%A', '/%zz<script>alert(1)</script>']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', requestId: expect.any(String) });
      expect(res.json().error.messages.zh).toBeTruthy();
      expect(res.body).not.toContain('%E0');
      expect(res.body).not.toContain('script');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('marks signed-in API answers no-store (callbacks list citizens and their questions)', async () => {
    const window1 = await t.as('window1');
    for (const url of ['/api/callbacks', '/api/auth/me', '/api/users/nope'])
      expect((await window1.get(url)).headers['cache-control']).toBe('no-store');
  });

  it('answers a write to an unknown /api path 404, not a CSRF refusal', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/no-such-thing', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
