import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { pdfText } from '../../platform/pdf/pdf-text.js';
import { printWindowRecord } from './use-cases/print-window-record.js';

/** Annex 6 on a real database, Wednesday 2026-11-25 10:00 Shanghai. */
describe('the offline 办不成事 window record prints like annex 6', () => {
  let t: TestApp;
  let hotline: TestClient;
  let water: TestClient;
  let supply: TestClient;
  let drain: TestClient;
  let orderId: string;
  let number: string;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    hotline = await t.as('hotline1');
    water = await t.as('water1');
    supply = await t.as('supply1');
    drain = await t.as('drain1');
    const dept = Object.fromEntries(
      (await t.ctx.db.selectFrom('departments').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
    );
    const rec = await (
      await t.as('window1')
    ).post('/api/work-orders/window-records', {
      reporterName: '刘建国',
      phone: '13761234567',
      reportedAt: '2026-11-25T01:30:00Z',
      matter: '取水许可证延续',
      problem: '网上提交延续申请时系统提示材料不全，但办事指南未写明需要哪些材料。',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    ({ id: orderId, number } = rec.json<{ id: string; number: string }>());
    const go = (c: TestClient, path: string, body: unknown = {}) => c.post(`/api/work-orders/${orderId}/${path}`, body);
    expect(
      (
        await go(hotline, 'dispatch', {
          departmentId: dept['water-resources'],
          coDepartmentIds: [dept['water-supply']],
        })
      ).statusCode,
    ).toBe(200);
    expect((await go(water, 'accept')).statusCode).toBe(200);
    const r = await go(water, 'reply', {
      reply: '已电话联系刘先生，告知延续所需材料清单，并已同步更新办事指南。',
      resolved: false,
      unresolvedReason: '系统材料校验规则需市大数据中心调整',
      handlerName: '李强',
      handlerPhone: '021-12345678',
    });
    expect(r.statusCode, r.body).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds every box of the annex with the order’s values, in Chinese', async () => {
    const p = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'hotline1')
      .executeTakeFirstOrThrow();
    const principal = { id: p.id, displayName: '陈晨（热线办）', roles: ['hotline_dispatcher'], departmentId: null };
    const { pdf } = await printWindowRecord(
      t.ctx.db,
      principal as never,
      { userId: p.id, label: 'hotline1' },
      t.clock.now(),
      orderId,
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const s of [
      '“办不成事”反映窗口处理记录单',
      `编号：${number}`,
      '反映人',
      '刘建国',
      '联系方式',
      '13761234567',
      '反映时间',
      '2026年11月25日09:30',
      '受理人员',
      '王敏（窗口）',
      '承办部门',
      '水资源管理处',
      '承办人',
      '李强',
      '反映问题',
      '事项：取水许可证延续',
      '核实处置情况',
      '已电话联系刘先生',
      '问题是否解决',
      '□是■否',
      '未解决原因',
      '系统材料校验规则需市大数据中心调整',
      '承办人签字',
      '承办人联系方式',
      '021-12345678',
      '办结时间',
      '2026年11月25日10:00',
      '承办部门分管领导签字',
    ])
      expect(text).toContain(s);
  });

  it('the hotline office and the handling department print it (audited); a co-handling department 403, others 404', async () => {
    for (const c of [hotline, water]) {
      const res = await c.get(`/api/work-orders/${orderId}/window-record.pdf`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const co = await supply.get(`/api/work-orders/${orderId}/window-record.pdf`);
    expect(co.statusCode).toBe(403);
    expect(co.json().error.messages.zh).toContain('承办部门');
    expect((await drain.get(`/api/work-orders/${orderId}/window-record.pdf`)).statusCode).toBe(404);
    const reveals = await t.ctx.db
      .selectFrom('events')
      .select('actor_label')
      .where('subject_id', '=', orderId)
      .where('type', '=', 'work_order.phone_revealed')
      .execute();
    expect(reveals.length).toBeGreaterThanOrEqual(2);
  });

  it('an order that is not a window record has no annex 6 (404)', async () => {
    const o = await hotline.post('/api/work-orders', {
      type: 'consultation',
      title: '咨询水费',
      content: '水费怎么算？',
    });
    expect((await hotline.get(`/api/work-orders/${o.json().id}/window-record.pdf`)).statusCode).toBe(404);
  });
});
