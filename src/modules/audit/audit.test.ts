import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.as('admin');
    await admin.post('/api/users', { username: 'audit.me', displayName: '被审计', password: 'Secret123', roles: [] });
    t.clock.advance(60_000);
    await admin.put('/api/calendar/days/2026-12-31', { kind: 'holiday', name: '测试' });
    await t.client().post('/api/auth/login', { username: 'admin', password: 'wrong' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows who did what, when and from where, newest first', async () => {
    const auditor = await t.as('auditor1');
    const res = (await auditor.get('/api/audit?pageSize=100')).json();
    const created = res.items.find((e: { type: string }) => e.type === 'user.created');
    expect(created).toMatchObject({ actor: '系统管理员 (admin)', ip: '127.0.0.1', subjectType: 'user' });
    expect(created.requestId).toBeTruthy();
    expect(created.data.username).toBe('audit.me');
    const ids = res.items.map((e: { id: number }) => e.id);
    expect([...ids].sort((x: number, y: number) => y - x)).toEqual(ids);
  });

  it('filters by type, type prefix, actor, subject, time and keyword', async () => {
    const auditor = await t.as('auditor1');
    const byType = (await auditor.get('/api/audit?type=calendar.day_set')).json();
    expect(byType.total).toBe(1);
    const byPrefix = (await auditor.get('/api/audit?type=auth.')).json();
    expect(byPrefix.items.every((e: { type: string }) => e.type.startsWith('auth.'))).toBe(true);
    expect(byPrefix.items.map((e: { type: string }) => e.type)).toContain('auth.login_failed');
    const adminId = (await auditor.get('/api/users?q=admin')).json().items[0].id;
    const byActor = (await auditor.get(`/api/audit?actorId=${adminId}&pageSize=100`)).json();
    expect(byActor.items.every((e: { actorId: string }) => e.actorId === adminId)).toBe(true);
    const late = (await auditor.get('/api/audit?from=2026-11-25T02:00:30Z&type=user.created')).json();
    expect(late.total).toBe(0);
    const kw = (await auditor.get('/api/audit?q=audit.me')).json();
    expect(kw.items.map((e: { type: string }) => e.type)).toEqual(['user.created']);
    expect((await auditor.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('exports CSV with a BOM for Excel, guarded against formula injection', async () => {
    const auditor = await t.as('auditor1');
    const res = await auditor.get('/api/audit/export.csv?type=user.created');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body).toContain('audit.me');
    expect((await (await t.as('window1')).get('/api/audit/export.csv')).statusCode).toBe(403);
  });
});

describe('every state change writes exactly one audit row of its type', () => {
  it('covers accounts, departments, matters, calendar, service hours and sessions', async () => {
    const t = await createTestApp();
    try {
      const admin = await t.as('admin');
      const legal = await t.as('legal1');
      const dept = (
        await t.ctx.db.selectFrom('departments').select('id').where('code', '=', 'ocean').executeTakeFirstOrThrow()
      ).id;
      const count = async (type: string) =>
        (await t.ctx.db.selectFrom('events').select('id').where('type', '=', type).execute()).length;
      let userId = '';
      let deptId = '';
      let matterId = '';
      const steps: [string, () => Promise<{ statusCode: number }>][] = [
        [
          'user.created',
          async () => {
            const r = await admin.post('/api/users', {
              username: 'evt.user',
              displayName: '事件',
              password: 'Secret123',
              roles: [],
            });
            userId = r.json().id;
            return r;
          },
        ],
        ['user.updated', () => admin.patch(`/api/users/${userId}`, { displayName: '事件2' })],
        ['user.password_reset', () => admin.post(`/api/users/${userId}/reset-password`, { password: 'Secret456' })],
        ['user.disabled', () => admin.post(`/api/users/${userId}/disable`)],
        ['user.enabled', () => admin.post(`/api/users/${userId}/enable`)],
        [
          'department.created',
          async () => {
            const r = await admin.post('/api/departments', {
              code: 'evt-dept',
              nameZh: '事件处',
              nameEn: 'Events',
              kind: 'owner',
            });
            deptId = r.json().id;
            return r;
          },
        ],
        ['department.updated', () => admin.patch(`/api/departments/${deptId}`, { active: false })],
        [
          'matter.created',
          async () => {
            const r = await legal.post('/api/matters', {
              code: 'EVT-1',
              name: '事件事项',
              kind: '公共服务事项',
              ownerDepartmentId: dept,
              liveHelp: true,
              category: '海洋',
            });
            matterId = r.json().id;
            return r;
          },
        ],
        ['matter.updated', () => legal.patch(`/api/matters/${matterId}`, { liveHelp: false })],
        ['calendar.day_set', () => admin.put('/api/calendar/days/2026-12-25', { kind: 'holiday', name: '测试' })],
        ['calendar.day_removed', () => admin.delete('/api/calendar/days/2026-12-25')],
        [
          'calendar.year_imported',
          () =>
            admin.post('/api/calendar/import', {
              year: 2027,
              days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
            }),
        ],
        [
          'service_hours.updated',
          () =>
            admin.put('/api/service-hours/offline_hall', {
              periods: [
                { start: '09:00', end: '11:30' },
                { start: '13:30', end: '17:00' },
              ],
            }),
        ],
        ['auth.login', () => t.client().post('/api/auth/login', { username: 'evt.user', password: 'Secret456' })],
        ['auth.logout', () => legal.post('/api/auth/logout')],
      ];
      for (const [type, step] of steps) {
        const before = await count(type);
        const res = await step();
        expect(res.statusCode, type).toBeLessThan(300);
        expect(await count(type), type).toBe(before + 1);
      }
      // a rejected command leaves no audit row and no change
      const before = await count('user.created');
      expect(
        (await admin.post('/api/users', { username: 'evt.user', displayName: 'dup', password: 'Secret123', roles: [] }))
          .statusCode,
      ).toBe(409);
      expect(await count('user.created')).toBe(before);
    } finally {
      await t.close();
    }
  });
});
