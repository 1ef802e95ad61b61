import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

async function deptId(t: TestApp, code: string): Promise<string> {
  return (await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}
const events = (t: TestApp, type: string) =>
  t.ctx.db.selectFrom('events').selectAll().where('type', '=', type).execute();
const userCount = async (t: TestApp) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('administrators manage accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a user in a department with roles, and writes the audit row in the same change', async () => {
    const admin = await t.as('admin');
    const supply = await deptId(t, 'water-supply');
    const res = await admin.post('/api/users', {
      username: 'zhang.san',
      displayName: '张三',
      password: 'Secret123',
      departmentId: supply,
      roles: ['business_agent'],
      phone: '13812345678',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      username: 'zhang.san',
      departmentId: supply,
      roles: ['business_agent'],
      status: 'active',
    });
    const [ev] = await events(t, 'user.created');
    expect(ev).toMatchObject({ subject_id: body.id, department_id: supply });
    expect(ev.actor_label).toContain('admin');
    expect(JSON.parse(ev.data).username).toBe('zhang.san');
    const fresh = t.client();
    expect((await fresh.post('/api/auth/login', { username: 'zhang.san', password: 'Secret123' })).statusCode).toBe(
      200,
    );
    expect((await fresh.get('/api/auth/me')).json().home).toBe('/workspace');
  });

  it('masks phone numbers in lists', async () => {
    const admin = await t.as('admin');
    const list = (await admin.get('/api/users?q=zhang')).json();
    expect(list.items[0].phone).toBe('138****5678');
  });

  it('answers 409 for a taken username and changes nothing', async () => {
    const admin = await t.as('admin');
    const before = await userCount(t);
    const res = await admin.post('/api/users', {
      username: 'zhang.san',
      displayName: '另一个',
      password: 'Secret123',
      roles: [],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('zhang.san');
    expect(await userCount(t)).toBe(before);
  });

  it('rejects bad input with 400 and a field list, and changes nothing', async () => {
    const admin = await t.as('admin');
    const before = await userCount(t);
    const cases = [
      { username: 'ab', displayName: 'x', password: 'Secret123' },
      { username: 'ok_name', displayName: 'x'.repeat(41), password: 'Secret123' },
      { username: 'ok_name', displayName: 'x', password: 12345678 },
      { username: 'ok_name', displayName: 'x', password: 'short1' },
      { username: 'ok_name', displayName: 'x', password: 'Secret123', roles: ['emperor'] },
      { username: 'ok_name', displayName: 'x', password: 'Secret123', roles: ['business_agent'] },
      { username: 'ok_name', displayName: 'x', password: 'Secret123', departmentId: 'no-such-dept' },
    ];
    for (const body of cases) {
      const res = await admin.post('/api/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message.length).toBeGreaterThan(4);
    }
    const malformed = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('BAD_JSON');
    expect(await userCount(t)).toBe(before);
  });

  it('answers 404 for an unknown user id on every verb', async () => {
    const admin = await t.as('admin');
    expect((await admin.get('/api/users/nope')).statusCode).toBe(404);
    expect((await admin.patch('/api/users/nope', { displayName: 'x' })).statusCode).toBe(404);
    expect((await admin.post('/api/users/nope/disable')).statusCode).toBe(404);
    expect((await admin.post('/api/users/nope/reset-password', { password: 'Secret123' })).statusCode).toBe(404);
  });

  it('disables an account: its session ends at once and sign-in says the account is disabled', async () => {
    const admin = await t.as('admin');
    const victim = await t.as('supply1');
    const id = (await victim.get('/api/auth/me')).json().user.id;
    expect((await admin.post(`/api/users/${id}/disable`)).statusCode).toBe(200);
    expect((await victim.get('/api/users')).statusCode).toBe(401);
    const again = await t.client().post('/api/auth/login', { username: 'supply1', password: 'Bangban2026' });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await admin.post(`/api/users/${id}/disable`)).statusCode).toBe(409);
    expect((await admin.post(`/api/users/${id}/enable`)).statusCode).toBe(200);
    expect((await events(t, 'user.disabled')).length).toBe(1);
    expect((await events(t, 'user.enabled')).length).toBe(1);
  });

  it('resets a password: old sessions end, the new password works', async () => {
    const admin = await t.as('admin');
    const user = await t.as('drain1');
    const id = (await user.get('/api/auth/me')).json().user.id;
    expect((await admin.post(`/api/users/${id}/reset-password`, { password: 'weak' })).statusCode).toBe(400);
    expect((await admin.post(`/api/users/${id}/reset-password`, { password: 'NewPass2026' })).statusCode).toBe(200);
    expect((await user.get('/api/users')).statusCode).toBe(401);
    expect((await t.client().post('/api/auth/login', { username: 'drain1', password: 'NewPass2026' })).statusCode).toBe(
      200,
    );
    expect((await events(t, 'user.password_reset')).length).toBe(1);
  });

  it('changes department and roles, and keeps an administrator from locking themself out', async () => {
    const admin = await t.as('admin');
    const me = (await admin.get('/api/auth/me')).json().user;
    const removeOwnAdmin = await admin.patch(`/api/users/${me.id}`, { roles: ['auditor'] });
    expect(removeOwnAdmin.statusCode).toBe(409);
    expect((await admin.post(`/api/users/${me.id}/disable`)).statusCode).toBe(409);
    const target = (await admin.get('/api/users?q=window1')).json().items[0];
    const ocean = await deptId(t, 'ocean');
    const res = await admin.patch(`/api/users/${target.id}`, {
      departmentId: ocean,
      roles: ['window_agent', 'kb_editor'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['kb_editor', 'window_agent']);
    expect((await events(t, 'user.updated')).length).toBe(1);
  });

  it('does not create a second user when the same request is retried with an Idempotency-Key', async () => {
    const admin = await t.as('admin');
    const body = { username: 'retry.user', displayName: '重试', password: 'Secret123', roles: [] };
    const first = await admin.post('/api/users', body, { 'idempotency-key': 'k-123' });
    const second = await admin.post('/api/users', body, { 'idempotency-key': 'k-123' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const other = await admin.post('/api/users', { ...body, displayName: '不同' }, { 'idempotency-key': 'k-123' });
    expect(other.statusCode).toBe(409);
    const rows = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'retry.user').execute();
    expect(rows).toHaveLength(1);
  });
});

describe('departments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('are seeded from SPEC §2 and public to read', async () => {
    const items = (await t.client().get('/api/departments')).json().items;
    expect(items.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining([
        'general-office',
        'legal',
        'sci-it',
        'hotline',
        'service-centre',
        'water-resources',
        'water-supply',
        'drainage',
        'rivers-lakes',
        'ocean',
      ]),
    );
  });

  it('can be added and renamed by an administrator, with audit rows; not deactivated while staffed', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/departments', {
      code: 'flood-control',
      nameZh: '防汛处',
      nameEn: 'Flood Control Division',
      kind: 'owner',
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await admin.post('/api/departments', { code: 'flood-control', nameZh: '重复', nameEn: 'dup', kind: 'owner' }))
        .statusCode,
    ).toBe(409);
    const renamed = await admin.patch(`/api/departments/${created.json().id}`, { nameZh: '防汛调度处' });
    expect(renamed.json().nameZh).toBe('防汛调度处');
    const supply = await deptId(t, 'water-supply');
    const busy = await admin.patch(`/api/departments/${supply}`, { active: false });
    expect(busy.statusCode).toBe(409);
    const types = (
      await t.ctx.db.selectFrom('events').select('type').where('subject_type', '=', 'department').execute()
    ).map((e) => e.type);
    expect(types).toEqual(['department.created', 'department.updated']);
  });
});

describe('work numbers (工号)', () => {
  it('are stored upper-case, unique when set, shown in the user list; demo agents have theirs', async () => {
    const t = await createTestApp();
    try {
      const admin = await t.as('admin');
      const make = (username: string, workNumber?: string | null) =>
        admin.post('/api/users', {
          username,
          displayName: username,
          password: 'Str0ng-Pass-2026',
          roles: [],
          workNumber,
        });
      const a = await make('wn-a', 'sw0100');
      expect(a.statusCode).toBe(201);
      expect(a.json().workNumber).toBe('SW0100');
      const dup = await make('wn-b', 'SW0100');
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.messages.zh).toContain('工号');
      expect((await make('wn-c')).statusCode).toBe(201);
      expect((await make('wn-d', null)).statusCode).toBe(201);
      expect((await make('wn-e', '工号一')).statusCode).toBe(400);
      const c = (await admin.get('/api/users?q=wn-c')).json().items[0];
      expect(c.workNumber).toBeNull();
      expect((await admin.patch(`/api/users/${c.id}`, { workNumber: 'SW0100' })).statusCode).toBe(409);
      expect((await admin.patch(`/api/users/${c.id}`, { workNumber: 'SW0101' })).statusCode).toBe(200);
      expect((await admin.get('/api/users?q=wn-c')).json().items[0].workNumber).toBe('SW0101');
      expect((await admin.get('/api/users?q=window1')).json().items[0].workNumber).toBe('SW0002');
    } finally {
      await t.close();
    }
  });
});
