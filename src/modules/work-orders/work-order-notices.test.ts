import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { sweepDeadlines } from './use-cases/sweep-deadlines.js';
import { sweepFormDeadlines } from '../phone/use-cases/sweep-deadlines.js';

/** Notices of one subject as (username, kind), sorted. */
const noticesOf = async (t: TestApp, subjectId: string, kind?: string) => {
  let q = t.ctx.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.recipient_id')
    .select(['users.username', 'notifications.kind', 'notifications.title_zh', 'notifications.link'])
    .where('notifications.subject_id', '=', subjectId);
  if (kind) q = q.where('notifications.kind', '=', kind);
  return (await q.execute()).map((n) => `${n.username}:${n.kind}`).sort();
};

/** Polls the event feed until `cond` holds (the durable consumer runs in rounds). */
async function until(t: TestApp, cond: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await t.ctx.feed.poll();
    await new Promise((r) => setTimeout(r, 10));
  }
}
const settled = async (t: TestApp) => {
  for (let i = 0; i < 5; i++) await t.ctx.feed.poll();
};

/** Wednesday 2026-11-25 10:00 Shanghai. */
describe('work-order and phone-form notices, and their "my work"', () => {
  let t: TestApp;
  let hotline: TestClient;
  let water: TestClient;
  let supply: TestClient;
  let window1: TestClient;
  let dept: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    await t.ctx.feed.poll(); // the durable consumer takes its place at the tail
    hotline = await t.as('hotline1');
    water = await t.as('water1');
    supply = await t.as('supply1');
    window1 = await t.as('window1');
    const rows = await t.ctx.db.selectFrom('departments').select(['id', 'code']).execute();
    dept = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  const receive = async (type = 'consultation') => {
    const res = await hotline.post('/api/work-orders', {
      source: 'hotline_12345',
      type,
      title: '自来水水压偏低',
      content: '市民反映小区自来水水压偏低，高峰时段几乎无水。',
      citizenName: '王女士',
      citizenPhone: '13912345678',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; number: string; dueAt: string }>();
  };
  const act = (c: TestClient, id: string, path: string, body: unknown = {}) =>
    c.post(`/api/work-orders/${id}/${path}`, body);

  it("a dispatched order reaches the handling and co-handling departments' agents, with a link that opens it", async () => {
    const o = await receive();
    const r = await act(hotline, o.id, 'dispatch', {
      departmentId: dept['water-supply'],
      coDepartmentIds: [dept['drainage']],
    });
    expect(r.statusCode, r.body).toBe(200);
    await until(t, async () => (await noticesOf(t, o.id)).length === 2);
    expect(await noticesOf(t, o.id)).toEqual(['drain1:assignment', 'supply1:assignment']);
    const list = (await supply.get('/api/notifications')).json();
    expect(list.items[0]).toMatchObject({
      kind: 'assignment',
      title: { zh: `新派工单 ${o.number}` },
      link: `/workspace/work-orders?open=${o.id}`,
    });
    // and it waits on the department's home, due today (a consultation: 1 working day → Thu 17:00 is "soon")
    const work = (await supply.get('/api/my-work')).json();
    expect(work.items).toContainEqual(
      expect.objectContaining({ source: 'workOrders', reference: o.number, dueAt: o.dueAt, bucket: 'soon' }),
    );
    expect(
      (await water.get('/api/my-work')).json().items.some((i: { reference: string }) => i.reference === o.number),
    ).toBe(false);
  });

  it('returned and extension requests go to the hotline office, which has them on its home', async () => {
    const a = await receive('complaint');
    await act(hotline, a.id, 'dispatch', { departmentId: dept['water-resources'] });
    // (the move answers 404: once returned, the order is no longer the department's to read)
    await act(water, a.id, 'return', { reason: '属供水处职责，请改派' });
    expect((await hotline.get(`/api/work-orders/${a.id}`)).json().status).toBe('returned');
    const b = await receive('complaint');
    await act(hotline, b.id, 'dispatch', { departmentId: dept['water-resources'] });
    await act(water, b.id, 'accept');
    expect((await act(water, b.id, 'extension', { days: 15, reason: '需现场勘查' })).statusCode).toBe(200);
    await until(t, async () => (await noticesOf(t, b.id, 'assignment')).includes('hotline1:assignment'));
    await until(t, async () => (await noticesOf(t, a.id, 'assignment')).includes('hotline1:assignment'));
    const titles = (await hotline.get('/api/notifications'))
      .json()
      .items.map((n: { title: { zh: string } }) => n.title.zh);
    expect(titles).toContain(`工单 ${a.number} 被退回，请重新派单`);
    expect(titles).toContain(`工单 ${b.number} 申请延期，请审批`);
    const refs = (await hotline.get('/api/my-work')).json().items.map((i: { reference: string }) => i.reference);
    expect(refs).toEqual(expect.arrayContaining([a.number, b.number]));
  });

  it('the deadline sweep reminds and flags the holder, then escalates to the hotline office and the general office', async () => {
    const o = await receive(); // due Thu 2026-11-26 17:00
    await act(hotline, o.id, 'dispatch', { departmentId: dept['drainage'] });
    const waiting = await receive(); // never dispatched: the hotline office holds it
    await settled(t);
    await sweepDeadlines(t.ctx, new Date('2026-11-26T08:00:00Z')); // Thu 16:00: one working hour left
    await until(t, async () => (await noticesOf(t, o.id, 'reminder')).length === 1);
    expect(await noticesOf(t, o.id, 'reminder')).toEqual(['drain1:reminder']);
    await until(t, async () => (await noticesOf(t, waiting.id, 'reminder')).length === 1);
    expect(await noticesOf(t, waiting.id, 'reminder')).toEqual(['hotline1:reminder']);

    await sweepDeadlines(t.ctx, new Date('2026-11-26T09:30:00Z')); // Thu 17:30: overdue
    await until(t, async () => (await noticesOf(t, o.id, 'overdue')).length === 1);
    expect(await noticesOf(t, o.id, 'overdue')).toEqual(['drain1:overdue']);

    await sweepDeadlines(t.ctx, new Date('2026-11-27T09:30:00Z')); // Fri 17:30: a working day overdue
    await until(t, async () => (await noticesOf(t, o.id, 'escalation')).length === 2);
    expect(await noticesOf(t, o.id, 'escalation')).toEqual(['hotline1:escalation', 'office1:escalation']);
    // a second run sends nothing more
    await sweepDeadlines(t.ctx, new Date('2026-11-27T09:31:00Z'));
    await settled(t);
    expect(await noticesOf(t, o.id)).toHaveLength(5); // assignment, reminder, overdue, escalation ×2
    // the general office's home lists the escalated order (督办), linked in the back office
    t.clock.set('2026-11-27T09:30:00Z');
    const office = await t.as('office1');
    expect((await office.get('/api/my-work')).json().items).toContainEqual(
      expect.objectContaining({
        source: 'workOrders',
        reference: o.number,
        bucket: 'overdue',
        link: `/admin/work-orders?open=${o.id}`,
      }),
    );
    t.clock.set('2026-11-25T02:00:00Z');
  });

  it("an escalated order granted an extension leaves the general office's home and is alerted anew against its new due time", async () => {
    const o = await receive(); // due Thu 2026-11-26 17:00
    await act(hotline, o.id, 'dispatch', { departmentId: dept['water-resources'] });
    await act(water, o.id, 'accept');
    await sweepDeadlines(t.ctx, new Date('2026-11-26T08:00:00Z'));
    await sweepDeadlines(t.ctx, new Date('2026-11-26T09:30:00Z'));
    await sweepDeadlines(t.ctx, new Date('2026-11-27T09:30:00Z')); // escalated Fri 17:30
    t.clock.set('2026-11-30T02:00:00Z'); // Mon 10:00: the department asks for time, the office grants 15 days
    const office = await t.as('office1');
    const onHome = async () =>
      (await office.get('/api/my-work')).json().items.some((i: { reference: string }) => i.reference === o.number);
    expect(await onHome()).toBe(true);
    const w = await t.as('water1');
    const asked = await act(w, o.id, 'extension', { days: 15, reason: '需现场勘查' });
    expect(asked.statusCode, asked.body).toBe(200);
    const granted = await act(await t.as('hotline1'), o.id, 'extension/approve', { days: 15 });
    expect(granted.statusCode, granted.body).toBe(200);
    const row = await t.ctx.db.selectFrom('work_orders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    // 15 working days from its start (Wed 11-25): Wed 12-16 17:00, no longer late
    expect(row).toMatchObject({ due_at: '2026-12-16T09:00:00.000Z', pending_alert: 'remind' });
    expect(row).toMatchObject({ reminded_at: null, overdue_at: null, escalated_at: null });
    expect(await onHome()).toBe(false);
    t.clock.set('2026-11-25T02:00:00Z');
  });

  it('a phone transfer form notifies its department, then the window agent who sent it when replied; overdue once', async () => {
    const call = (
      await window1.post('/api/phone/calls', {
        callerName: '张三',
        phone: '13800138000',
        type: 'water',
        content: '取水许可证延续需要什么材料？',
      })
    ).json();
    const form = (
      await window1.post(`/api/phone/calls/${call.id}/transfer`, { departmentId: dept['water-resources'] })
    ).json();
    await until(t, async () => (await noticesOf(t, form.id)).length === 1);
    expect(await noticesOf(t, form.id)).toEqual(['water1:assignment']);
    const mine = (await water.get('/api/my-work')).json().items.filter((i: { source: string }) => i.source === 'phone');
    expect(mine).toEqual([
      expect.objectContaining({ reference: form.number, link: `/workspace/phone-forms?open=${form.id}` }),
    ]);

    await sweepFormDeadlines(t.ctx, new Date('2026-11-27T02:00:00Z'));
    await sweepFormDeadlines(t.ctx, new Date('2026-11-27T03:00:00Z'));
    await until(t, async () => (await noticesOf(t, form.id, 'overdue')).length === 1);

    const r = await water.post(`/api/phone/forms/${form.id}/reply`, {
      reply: '请在有效期届满45日前网上申请。',
      answered: true,
      handlerName: '李强',
      headName: '刘处长',
      replyOn: '2026-11-25',
    });
    expect(r.statusCode, r.body).toBe(200);
    await until(t, async () => (await noticesOf(t, form.id, 'assignment')).includes('window1:assignment'));
    const w = (await window1.get('/api/my-work')).json().items.filter((i: { source: string }) => i.source === 'phone');
    expect(w).toEqual([expect.objectContaining({ reference: form.number, bucket: 'waiting' })]);
    expect((await water.get('/api/my-work')).json().items.some((i: { source: string }) => i.source === 'phone')).toBe(
      false,
    );
  });
});
