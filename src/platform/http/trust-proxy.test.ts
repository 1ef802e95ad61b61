import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { loadConfig } from '../config.js';

describe('TRUST_PROXY names the proxies to trust, not "believe any X-Forwarded-For"', () => {
  it('reads a hop count or a list of addresses/CIDRs', () => {
    const env = (v?: string) => loadConfig({ BANGBAN_SECRET: 's', TRUST_PROXY: v }).trustProxy;
    expect(env(undefined)).toBe(false);
    expect(env('0')).toBe(false);
    expect(env('1')).toBe(1);
    expect(env('2')).toBe(2);
    expect(env('10.0.0.0/8, 192.168.1.5')).toEqual(['10.0.0.0/8', '192.168.1.5']);
    expect(() => env('yes please')).toThrow(/TRUST_PROXY/);
  });

  describe('behind one proxy (TRUST_PROXY=1)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ config: { trustProxy: 1, loginRatePerMinute: 3 } });
    });
    afterAll(async () => {
      await t.close();
    });

    // The proxy at 10.0.0.1 appends the address it saw; anything left of it was written by the client.
    const viaProxy = (forged: string) =>
      t.client().request({
        method: 'POST',
        url: '/api/auth/login',
        json: { username: 'nobody', password: 'x' },
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': `${forged}, 203.0.113.5` },
      });

    it('records the address the proxy saw and keeps the rate limit, whatever the client forges', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await viaProxy(`1.2.3.${i}`)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const ips = await t.ctx.db.selectFrom('events').select('ip').where('type', '=', 'auth.login_failed').execute();
      expect(ips.map((e) => e.ip)).toEqual(['203.0.113.5', '203.0.113.5', '203.0.113.5']);
    });
  });
});
