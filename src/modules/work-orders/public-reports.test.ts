import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('办不成事 online: the citizen reports on the portal and looks up the reply', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  const report = {
    matter: '取水许可证延续',
    problem: '上传材料时页面一直报错，无法提交',
    occurredOn: '2026-11-24',
    name: '刘女士',
    phone: '139 0000 2222',
    description: '换了浏览器也不行',
  };

  it('files a report (receipt number), shows "being handled" and, once replied, the reply; wrong phone is 404', async () => {
    const citizen = t.client();
    const res = await citizen.post('/api/public/blocked-service-reports', report);
    expect(res.statusCode, res.body).toBe(201);
    const { id, number } = res.json<{ id: string; number: string }>();
    const lookup = (phone: string) => citizen.post('/api/public/blocked-service-reports/lookup', { number, phone });
    expect((await lookup('13900002222')).json()).toMatchObject({
      number,
      title: '取水许可证延续',
      status: { zh: '已受理，正在分派' },
      reply: null,
    });
    expect((await lookup('13900003333')).statusCode).toBe(404);

    const hotline = await t.as('hotline1');
    const water = await t.as('water1');
    const o = (await hotline.get(`/api/work-orders/${id}`)).json();
    expect(o).toMatchObject({ source: 'online_report', type: 'blocked_service', citizenPhone: '139****2222' });
    expect(o.details).toMatchObject({ occurredOn: '2026-11-24', problem: report.problem });
    const deptId = (
      await t.ctx.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'water-resources')
        .executeTakeFirstOrThrow()
    ).id;
    await hotline.post(`/api/work-orders/${id}/dispatch`, { departmentId: deptId });
    expect((await lookup('13900002222')).json().status.zh).toBe('正在办理');
    await water.post(`/api/work-orders/${id}/reply`, { reply: '系统故障已修复，请重新提交。', resolved: true });
    expect((await lookup('13900002222')).json()).toMatchObject({
      status: { zh: '已答复' },
      reply: '系统故障已修复，请重新提交。',
      closed: false,
    });
  });

  it('refuses a report without the CSRF token, and an invalid phone', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/blocked-service-reports', payload: report });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const bad = await t.client().post('/api/public/blocked-service-reports', { ...report, phone: '12345' });
    expect(bad.statusCode).toBe(400);
  });

  it('rate-limits the lookup per client', async () => {
    const c = t.client();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push(
        (await c.post('/api/public/blocked-service-reports/lookup', { number: 'GD20269999999', phone: '13900002222' }))
          .statusCode,
      );
    // 10 a minute per client address (the lookups above count too)
    expect(codes.filter((c) => c === 404).length).toBeLessThanOrEqual(10);
    expect(codes.at(-1)).toBe(429);
  });
});
