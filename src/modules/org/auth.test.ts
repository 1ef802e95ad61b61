import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { DEMO_PASSWORD } from './seed/demo-accounts.js';

describe('sign-in, sessions, lockout and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in with the right password, sets an httpOnly cookie and says who and where home is', async () => {
    const c = t.client();
    const res = await c.post('/api/auth/login', { username: 'window1', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((x) => x.name === 'bb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = (await c.get('/api/auth/me')).json();
    expect(me.user.username).toBe('window1');
    expect(me.home).toBe('/workspace');
    expect(me.abilities).not.toContain('org.manageUsers');
    const hash = await t.ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'window1')
      .executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('rejects a wrong password and an unknown user with the same 401 and a readable message', async () => {
    const c = t.client();
    const wrong = await c.post('/api/auth/login', { username: 'window1', password: 'nope' });
    const unknown = await c.post('/api/auth/login', { username: 'nobody', password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().error.message).toBe('用户名或密码不正确。');
    expect(wrong.body).not.toMatch(/at .*\.ts/);
    const en = await c.post(
      '/api/auth/login',
      { username: 'window1', password: 'nope' },
      { 'accept-language': 'en-US' },
    );
    expect(en.json().error.message).toBe('Wrong username or password.');
  });

  it('locks an account after 5 failures in a row, for 15 minutes, and records it', async () => {
    const c = t.client();
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/auth/login', { username: 'hotline1', password: `bad${i}` })).statusCode).toBe(401);
    const locked = await c.post('/api/auth/login', { username: 'hotline1', password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.headers['retry-after']).toBeDefined();
    const ev = await t.ctx.db.selectFrom('events').select('type').where('type', '=', 'auth.locked').execute();
    expect(ev.length).toBe(1);
    t.clock.advance(16 * 60_000);
    expect((await c.post('/api/auth/login', { username: 'hotline1', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('ends a session that has been idle too long with SESSION_EXPIRED', async () => {
    const c = await t.as('leader1');
    expect((await c.get('/api/users')).statusCode).toBe(200);
    t.clock.advance(5 * 3600_000);
    const res = await c.get('/api/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('signs out: the cookie no longer works', async () => {
    const c = await t.as('office1');
    const token = c.cookie('bb_session')!;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const again = t.client();
    again.setCookie('bb_session', token);
    expect((await again.get('/api/users')).statusCode).toBe(401);
  });

  it('refuses a write without the CSRF header, or with a forged token', async () => {
    const c = await t.as('admin');
    const noHeader = await c.request({
      method: 'POST',
      url: '/api/departments',
      json: { code: 'x-dept', nameZh: '某处', nameEn: 'X', kind: 'owner' },
      headers: { 'x-csrf-token': '' },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_FAILED');
    c.setCookie('bb_csrf', 'forged');
    const forged = await c.request({
      method: 'POST',
      url: '/api/departments',
      json: { code: 'x-dept', nameZh: '某处', nameEn: 'X', kind: 'owner' },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(forged.statusCode).toBe(403);
    expect(
      await t.ctx.db.selectFrom('departments').select('id').where('code', '=', 'x-dept').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('lists demo accounts only in demo mode', async () => {
    expect((await t.client().get('/api/auth/demo-accounts')).json().accounts.length).toBeGreaterThan(5);
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 with a readable message past the per-client limit', async () => {
    const t = await createTestApp({ config: { loginRatePerMinute: 10 } });
    try {
      const c = t.client();
      const codes: number[] = [];
      for (let i = 0; i < 12; i++)
        codes.push((await c.post('/api/auth/login', { username: `ghost${i}`, password: 'x' })).statusCode);
      expect(codes.slice(0, 10).every((x) => x === 401)).toBe(true);
      const last = await c.post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD });
      expect(last.statusCode).toBe(429);
      expect(last.json().error.message).toBe('操作过于频繁，请稍后再试。');
    } finally {
      await t.close();
    }
  });
});

describe('production mode', () => {
  it('creates no demo accounts and hides the demo list', async () => {
    const t = await createTestApp({ config: { demo: false, production: true } });
    try {
      const users = await t.ctx.db.selectFrom('users').select('id').execute();
      expect(users).toHaveLength(0);
      expect((await t.client().get('/api/auth/demo-accounts')).statusCode).toBe(404);
      expect((await t.client().get('/api/departments')).json().items.length).toBeGreaterThanOrEqual(10);
    } finally {
      await t.close();
    }
  });
});
