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
  afterAll(async () => { await t.close(); });

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
    expect(kw.total).toBeGreaterThanOrEqual(1);
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
