import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { DEMO_PASSWORD } from './seed/demo-accounts.js';

describe('sign-in lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (username: string, password: string, from: string) =>
    t.client().request({ method: 'POST', url: '/api/auth/login', json: { username, password }, remoteAddress: from });

  it('counts parallel wrong passwords: 20 at once lock the account for that client', async () => {
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => login('supply1', `wrong${i}`, '192.0.2.10')));
    expect(res.map((r) => r.statusCode).filter((s) => s !== 401 && s !== 429)).toEqual([]);
    const after = await login('supply1', DEMO_PASSWORD, '192.0.2.10');
    expect(after.statusCode).toBe(429);
    expect(after.json().error.code).toBe('ACCOUNT_LOCKED');
    const locked = await t.ctx.db.selectFrom('events').select('ip').where('type', '=', 'auth.locked').execute();
    expect(locked).toEqual([{ ip: '192.0.2.10' }]);
  });

  it('a stranger cannot lock out staff: five wrong passwords lock only the stranger', async () => {
    for (let i = 0; i < 5; i++) expect((await login('admin', `guess${i}`, '198.51.100.7')).statusCode).toBe(401);
    expect((await login('admin', DEMO_PASSWORD, '198.51.100.7')).statusCode).toBe(429);
    expect((await login('admin', DEMO_PASSWORD, '203.0.113.20')).statusCode).toBe(200);
    // the administrators see that someone was locked out of the account
    const admin = await t.as('admin');
    const users = (await admin.get('/api/users?q=admin')).json().items as { username: string; locked: boolean }[];
    expect(users.find((u) => u.username === 'admin')?.locked).toBe(true);
  });

  it('answers the same for an unknown name and an existing one, so the lock reveals nothing', async () => {
    const answers = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await login(username, `nope${i}`, '198.51.100.99');
        out.push([r.statusCode, r.json().error.code, r.json().error.message, r.headers['retry-after'] ?? null]);
      }
      return out;
    };
    const existing = await answers('drain1');
    const unknown = await answers('no-such-person');
    expect(unknown).toEqual(existing);
    expect(existing.at(-1)).toEqual([429, 'ACCOUNT_LOCKED', expect.any(String), '900']);
  });

  it('lifts the lock after 15 minutes', async () => {
    for (let i = 0; i < 5; i++) await login('window1', `x${i}`, '192.0.2.77');
    expect((await login('window1', DEMO_PASSWORD, '192.0.2.77')).statusCode).toBe(429);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await login('window1', DEMO_PASSWORD, '192.0.2.77')).statusCode).toBe(200);
  });

  it('audits a sign-in attempt on a disabled account', async () => {
    const admin = await t.as('admin');
    const user = (await admin.get('/api/users?q=auditor1')).json().items[0];
    expect((await admin.post(`/api/users/${user.id}/disable`)).statusCode).toBeLessThan(300);
    const res = await login('auditor1', DEMO_PASSWORD, '192.0.2.88');
    expect(res.statusCode).toBe(403);
    const ev = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'subject_id', 'data', 'ip'])
      .where('subject_id', '=', user.id)
      .where('type', 'like', 'auth.%')
      .execute();
    expect(ev).toEqual([
      {
        type: 'auth.login_failed',
        subject_id: user.id,
        data: JSON.stringify({ reason: 'account_disabled' }),
        ip: '192.0.2.88',
      },
    ]);
  });
});
