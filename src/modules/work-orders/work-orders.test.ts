import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';

/** A full server on a real database, Wednesday 2026-11-25 10:00 Shanghai. */
describe('work orders: intake, dispatch, handling, callback, close-out', () => {
  let t: TestApp;
  let hotline: TestClient;
  let water: TestClient;
  let supply: TestClient;
  let dept: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    hotline = await t.as('hotline1');
    water = await t.as('water1');
    supply = await t.as('supply1');
    const rows = await t.ctx.db.selectFrom('departments').select(['id', 'code']).execute();
    dept = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  const receive = async (over: Record<string, unknown> = {}) => {
    const res = await hotline.post('/api/work-orders', {
      source: 'hotline_12345',
      type: 'complaint',
      title: '取水许可证延续办理慢',
      content: '市民反映取水许可证延续申请提交后一直没有进展。',
      citizenName: '张先生',
      citizenPhone: '13812345678',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; number: string; dueAt: string }>();
  };
  const act = (c: TestClient, id: string, path: string, body: unknown = {}) =>
    c.post(`/api/work-orders/${id}/${path}`, body);

  it('walks the whole lifecycle, each move by its owner, the history in order', async () => {
    const o = await receive();
    expect(o.number).toMatch(/^GD2026\d{7}$/);
    // a complaint: 5 working days from Wed 11-25 → Wed 12-02 17:00
    expect(o.dueAt).toBe('2026-12-02T09:00:00.000Z');
    let r = await act(hotline, o.id, 'dispatch', {
      departmentId: dept['water-resources'],
      coDepartmentIds: [dept['water-supply']],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'dispatched', coDepartmentIds: [dept['water-supply']] });
    expect((await water.get(`/api/work-orders/${o.id}`)).json().actions.sort()).toEqual(['accept', 'reply', 'return']);
    // the co-handling department reads it but cannot work it
    expect((await supply.get(`/api/work-orders/${o.id}`)).json().actions).toEqual([]);
    expect((await act(supply, o.id, 'accept')).statusCode).toBe(403);
    expect((await act(water, o.id, 'accept')).json().status).toBe('handling');
    r = await act(water, o.id, 'reply', { reply: '已联系市民，延续申请已审批通过。', resolved: true });
    expect(r.json()).toMatchObject({ status: 'replied', onTime: true, handlerName: '李强（水资源）' });
    r = await act(hotline, o.id, 'callback', { satisfaction: 5, note: '市民表示满意' });
    expect(r.json()).toMatchObject({ status: 'called_back', satisfaction: 5, actions: ['close'] });
    expect((await act(hotline, o.id, 'close')).json()).toMatchObject({ status: 'closed', actions: [] });
    const h = (await hotline.get(`/api/work-orders/${o.id}/history`)).json();
    expect(h.items.map((e: { type: string }) => e.type)).toEqual([
      'work_order.received',
      'work_order.dispatched',
      'work_order.accepted',
      'work_order.replied',
      'work_order.called_back',
      'work_order.closed',
    ]);
    expect(h.items[1].typeLabel).toEqual({ zh: '派单', en: 'Work order dispatched' });
  });

  it('refuses illegal moves with 409 naming the current status, and moves by the wrong side with 403', async () => {
    const o = await receive();
    let r = await act(water, o.id, 'accept');
    expect(r.statusCode).toBe(404); // not dispatched to them: it does not exist for them
    r = await act(hotline, o.id, 'close');
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { current: 'received' } });
    expect(r.json().error.messages.zh).toBe('工单当前为“待派单”，不能销单。');
    await act(hotline, o.id, 'dispatch', { departmentId: dept['water-resources'] });
    expect((await act(hotline, o.id, 'accept')).statusCode).toBe(403);
    expect((await act(water, o.id, 'dispatch', { departmentId: dept['drainage'] })).statusCode).toBe(403);
    expect((await act(water, o.id, 'callback', { satisfaction: 5 })).statusCode).toBe(403);
    r = await act(water, o.id, 'extension', { days: 15, reason: '需现场核查' });
    expect(r.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { current: 'dispatched' } });
    // a return needs a reason
    expect((await act(water, o.id, 'return', { reason: ' ' })).statusCode).toBe(400);
    // a dispatch to an unknown department is refused before anything changes
    r = await act(hotline, o.id, 'dispatch', { departmentId: 'nope' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toMatchObject({ field: 'departmentId' });
  });

  it('returns to the dispatcher with the reason; the department loses it until dispatched again', async () => {
    const o = await receive();
    await act(hotline, o.id, 'dispatch', { departmentId: dept['water-resources'] });
    const r = await act(water, o.id, 'return', { reason: '属于供水处职责' });
    // done, and told that the order has left their reach (not a 404 that reads as a failure)
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ id: o.id, left: true });
    const now = (await hotline.get(`/api/work-orders/${o.id}`)).json();
    expect(now).toMatchObject({
      status: 'returned',
      returnReason: '属于供水处职责',
      returnedCount: 1,
      departmentId: null,
    });
    expect((await water.get(`/api/work-orders/${o.id}`)).statusCode).toBe(404);
    expect((await act(hotline, o.id, 'dispatch', { departmentId: dept['water-supply'] })).json().status).toBe(
      'dispatched',
    );
    expect((await supply.get(`/api/work-orders/${o.id}`)).json().actions).toContain('reply');
  });

  it('extension: requested, refused (due unchanged), requested again, approved (15 working days from receipt)', async () => {
    const o = await receive({ type: 'help_request' });
    await act(hotline, o.id, 'dispatch', { departmentId: dept['water-resources'] });
    await act(water, o.id, 'accept');
    let r = await act(water, o.id, 'extension', { days: 15, reason: '涉及多部门，需现场核查' });
    expect(r.json()).toMatchObject({ status: 'extension_requested', extensionDays: 15 });
    expect((await act(water, o.id, 'extension/approve')).statusCode).toBe(403);
    r = await act(hotline, o.id, 'extension/refuse', { reason: '请按期办结' });
    expect(r.json()).toMatchObject({ status: 'handling', dueAt: o.dueAt, extended: false });
    await act(water, o.id, 'extension', { days: 15, reason: '确需延期' });
    r = await act(hotline, o.id, 'extension/approve', {});
    // 15 working days from Wed 2026-11-25 → Wed 2026-12-16 17:00
    expect(r.json()).toMatchObject({
      status: 'handling',
      dueAt: '2026-12-16T09:00:00.000Z',
      extended: true,
      type: 'complex',
    });
  });

  it('an unsatisfied callback reopens the order (due in 3 working days); a satisfied one cannot be reopened', async () => {
    const o = await receive();
    await act(hotline, o.id, 'dispatch', { departmentId: dept['water-resources'] });
    await act(water, o.id, 'reply', { reply: '已答复', resolved: false, unresolvedReason: '需市民补充材料' });
    let r = await act(hotline, o.id, 'callback', { satisfaction: 2, note: '市民不满意' });
    expect(r.json().actions.sort()).toEqual(['close', 'reopen']);
    r = await act(hotline, o.id, 'reopen', { reason: '市民不满意，请重新办理' });
    expect(r.json()).toMatchObject({ status: 'handling', reopenedCount: 1, dueAt: '2026-11-30T09:00:00.000Z' });
    await act(water, o.id, 'reply', { reply: '已重新办理', resolved: true });
    await act(hotline, o.id, 'callback', { satisfaction: 4 });
    r = await act(hotline, o.id, 'reopen', { reason: '再办一次' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.messages.zh).toContain('满意');
  });

  it('is idempotent by external number: a retry, or two copies at once, make one order', async () => {
    const body = { externalNo: '12345-20261125-0001' };
    const first = await receive(body);
    const again = await hotline.post('/api/work-orders', {
      source: 'hotline_12345',
      type: 'complaint',
      title: '重复推送',
      content: '同一工单再次推送',
      ...body,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, number: first.number, duplicate: true });
    const both = await Promise.all(
      [1, 2].map(() =>
        hotline.post('/api/work-orders', {
          type: 'consultation',
          title: '并发推送',
          content: '同时到达',
          externalNo: 'X-2',
        }),
      ),
    );
    expect(new Set(both.map((b) => b.json().id)).size).toBe(1);
    const n = await t.ctx.db.selectFrom('work_orders').select('id').where('external_no', '=', 'X-2').execute();
    expect(n).toHaveLength(1);
    // reports and live-help cases have their own ways in; the staff form cannot pose as them
    const posing = await hotline.post('/api/work-orders', {
      source: 'online_report',
      type: 'complaint',
      title: '冒充',
      content: '冒充来源',
    });
    expect(posing.statusCode).toBe(400);
  });

  it('scopes lists: the hotline office sees all with masked phones, a department only its own', async () => {
    const mine = await receive({ title: '水资源的工单' });
    const theirs = await receive({ title: '供水处的工单' });
    await act(hotline, mine.id, 'dispatch', { departmentId: dept['water-resources'] });
    await act(hotline, theirs.id, 'dispatch', { departmentId: dept['water-supply'] });
    const all = (await hotline.get('/api/work-orders?sort=received&limit=100')).json();
    const ids = all.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    // every order was received at the same (fixed) time: find this one, whatever the order of ties
    expect(all.items.find((i: { id: string }) => i.id === mine.id).citizenPhone).toBe('138****5678');
    expect(all.items.every((i: { citizenPhone: string | null }) => !/\d{11}/.test(i.citizenPhone ?? ''))).toBe(true);
    const own = (await water.get('/api/work-orders?limit=100')).json().items.map((i: { id: string }) => i.id);
    expect(own).toContain(mine.id);
    expect(own).not.toContain(theirs.id);
    // a department cannot widen its scope with a filter
    const sneaky = (await water.get(`/api/work-orders?departmentId=${dept['water-supply']}&limit=100`)).json();
    expect(sneaky.items.map((i: { id: string }) => i.id)).not.toContain(theirs.id);
    expect((await water.get(`/api/work-orders/${theirs.id}`)).statusCode).toBe(404);
    expect((await water.get(`/api/work-orders/${theirs.id}/history`)).statusCode).toBe(404);
    expect((await water.post(`/api/work-orders/${theirs.id}/phone`, {})).statusCode).toBe(404);
    const phone = await water.post(`/api/work-orders/${mine.id}/phone`, {});
    expect(phone.json()).toEqual({ phone: '13812345678' });
  });

  it('keyset pages: every order once, in due order, whatever the page depth', async () => {
    for (let i = 0; i < 7; i++) {
      const o = await receive({ type: i % 2 ? 'consultation' : 'complaint', title: `分页 ${i}` });
      await act(hotline, o.id, 'dispatch', { departmentId: dept['drainage'] });
    }
    const drain = await t.as('drain1');
    const seen: { id: string; dueAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/api/work-orders?status=dispatched&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await drain.get(q)).json<{ items: { id: string; dueAt: string }[]; nextCursor: string | null }>();
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen.map((s) => s.id)).size).toBe(7);
    expect(seen.map((s) => s.dueAt)).toEqual([...seen.map((s) => s.dueAt)].sort());
    expect((await drain.get('/api/work-orders?cursor=garbage')).statusCode).toBe(400);
  });

  it('of 20 pairs of concurrent replies to one order, one wins and the other gets 409 (one event each)', async () => {
    const water2 = await t.as('water1');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const o = await receive({ title: `并发 ${i}` });
      await act(hotline, o.id, 'dispatch', { departmentId: dept['water-resources'] });
      ids.push(o.id);
    }
    for (const id of ids) {
      const [a, b] = await Promise.all([
        act(water, id, 'reply', { reply: '答复甲', resolved: true }),
        act(water2, id, 'reply', { reply: '答复乙', resolved: true }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const lost = a.statusCode === 409 ? a : b;
      expect(lost.json().error.details).toMatchObject({ current: 'replied' });
    }
    const events = await t.ctx.db
      .selectFrom('events')
      .select('subject_id')
      .where('type', '=', 'work_order.replied')
      .where('subject_id', 'in', ids)
      .execute();
    expect(events).toHaveLength(20);
  });

  it('window record (annex 6) by window staff: a blocked-service order from the time of the report', async () => {
    const window = await t.as('window1');
    const record = {
      reporterName: '王女士',
      phone: '13900001111',
      reportedAt: '2026-11-25T01:30:00Z',
      matter: '排水许可',
      problem: '材料齐全但窗口无法受理',
    };
    const res = await window.post('/api/work-orders/window-records', record);
    expect(res.statusCode, res.body).toBe(201);
    const o = (await hotline.get(`/api/work-orders/${res.json().id}`)).json();
    expect(o).toMatchObject({
      source: 'offline_report',
      type: 'blocked_service',
      receivedAt: '2026-11-25T01:30:00.000Z',
    });
    expect(o.details).toMatchObject({ acceptedBy: '王敏（窗口）', reporterName: '王女士' });
    // contact within 1 working day, resolve within 5
    expect(o.contactDueAt).toBe('2026-11-26T09:00:00.000Z');
    expect(o.dueAt).toBe('2026-12-02T09:00:00.000Z');
    expect((await water.post('/api/work-orders/window-records', record)).statusCode).toBe(403);
  });

  it('performance per department and month: received, on time, returned, extended, satisfaction', async () => {
    const res = await hotline.get('/api/work-orders/performance?from=2026-11&to=2026-11');
    expect(res.statusCode).toBe(200);
    const w = res.json().items.find((i: { departmentId: string }) => i.departmentId === dept['water-resources']);
    expect(w).toMatchObject({ month: '2026-11', returned: 1 });
    expect(w.received).toBeGreaterThan(20);
    expect(w.onTime).toBeGreaterThan(20);
    expect(w.satisfied).toBe(2);
    expect(w.calledBack).toBe(2);
    expect(w.extended).toBe(1);
    expect((await water.get('/api/work-orders/performance?from=2026-11&to=2026-11')).statusCode).toBe(403);
  });

  it('time limits are a settings table the administrator edits', async () => {
    const admin = await t.as('admin');
    const types = (await hotline.get('/api/work-orders/types')).json().items;
    expect(types.find((x: { code: string }) => x.code === 'consultation')).toMatchObject({ workingDays: 1 });
    expect((await hotline.put('/api/work-orders/types/consultation', { workingDays: 2 })).statusCode).toBe(403);
    expect((await admin.put('/api/work-orders/types/consultation', { workingDays: 2 })).statusCode).toBe(200);
    const o = await receive({ type: 'consultation' });
    expect(o.dueAt).toBe('2026-11-27T09:00:00.000Z');
    await admin.put('/api/work-orders/types/consultation', { workingDays: 1 });
  });
});
