import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { DEMO_PASSWORD } from '../../modules/org/seed/demo-accounts.js';

describe('the CSRF token is bound to the session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const newDept = (code: string) => ({ code, nameZh: '测试处', nameEn: 'Test', kind: 'owner' });

  it('renews the token at sign-in, and the token from before no longer works', async () => {
    const c = t.client();
    await c.get('/healthz');
    const before = c.cookie('bb_csrf')!;
    expect((await c.post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD })).statusCode).toBe(200);
    const after = c.cookie('bb_csrf')!;
    expect(after).not.toBe(before);
    c.setCookie('bb_csrf', before); // cookie and header both carry the pre-sign-in token
    const stale = await c.post('/api/departments', newDept('csrf-stale'));
    expect(stale.statusCode).toBe(403);
    expect(stale.json().error.code).toBe('CSRF_FAILED');
    c.setCookie('bb_csrf', after);
    expect((await c.post('/api/departments', newDept('csrf-fresh'))).statusCode).toBe(201);
  });

  it("refuses another session's token, even when cookie and header agree", async () => {
    const mine = await t.as('admin');
    const other = await t.as('admin');
    mine.setCookie('bb_csrf', other.cookie('bb_csrf')!);
    const res = await mine.post('/api/departments', newDept('csrf-other'));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect(
      await t.ctx.db.selectFrom('departments').select('id').where('code', '=', 'csrf-other').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('renews the token at sign-out', async () => {
    const c = await t.as('office1');
    const signedIn = c.cookie('bb_csrf');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect(c.cookie('bb_csrf')).toBeDefined();
    expect(c.cookie('bb_csrf')).not.toBe(signedIn);
    expect((await c.post('/api/auth/login', { username: 'office1', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });
});
