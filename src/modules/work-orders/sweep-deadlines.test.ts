import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { sweepDeadlines } from './use-cases/sweep-deadlines.js';
import { receiveOrder } from './use-cases/receive-order.js';

describe('deadlines: computed on the working-time engine, alerts sent once', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Wednesday 2026-09-30 16:00 Shanghai, the eve of National Day
    t = await createTestApp({ now: '2026-09-30T08:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
  });
  const at = (iso: string) => new Date(iso);
  const events = async (id: string) =>
    (
      await t.ctx.db
        .selectFrom('events')
        .select('type')
        .where('subject_id', '=', id)
        .where('type', 'in', ['work_order.reminded', 'work_order.overdue', 'work_order.escalated'])
        .orderBy('id')
        .execute()
    ).map((e) => e.type);

  it('a complaint received Wed 2026-09-30 16:00 is due Tue 2026-10-13 17:00 (holiday skipped, make-up Saturday counted)', async () => {
    const o = await receiveOrder(t.ctx, SYSTEM_ACTOR, t.clock.now(), {
      source: 'hotline_12345',
      type: 'complaint',
      title: '投诉',
      content: '投诉内容',
    });
    expect(o.dueAt).toBe('2026-10-13T09:00:00.000Z');
    const blocked = await receiveOrder(t.ctx, SYSTEM_ACTOR, t.clock.now(), {
      source: 'online_report',
      type: 'blocked_service',
      title: '办不成事',
      content: '无法提交',
    });
    const row = await t.ctx.db
      .selectFrom('work_orders')
      .selectAll()
      .where('id', '=', blocked.id)
      .executeTakeFirstOrThrow();
    // 办不成事 1/5: contact by Thu 10-08 17:00, resolve by Tue 10-13 17:00
    expect(row).toMatchObject({ contact_due_at: '2026-10-08T09:00:00.000Z', due_at: '2026-10-13T09:00:00.000Z' });
  });

  it('reminds under 2 working hours, then overdue, then escalates a working day later — each once, only due rows', async () => {
    const o = await receiveOrder(t.ctx, SYSTEM_ACTOR, t.clock.now(), {
      source: 'hotline_12345',
      type: 'consultation',
      title: '咨询',
      content: '咨询内容',
    });
    // a consultation: due Thu 10-08 17:00
    expect(o.dueAt).toBe('2026-10-08T09:00:00.000Z');
    const sweep = (iso: string) => sweepDeadlines(t.ctx, at(iso));
    // Thu 10-08 14:00 Shanghai: 3 working hours left — nothing
    expect(await sweep('2026-10-08T06:00:00Z')).toEqual({ reminded: 0, overdue: 0, escalated: 0 });
    // 15:30: 1.5 hours left — the reminder, once
    expect((await sweep('2026-10-08T07:30:00Z')).reminded).toBe(1);
    expect((await sweep('2026-10-08T07:31:00Z')).reminded).toBe(0);
    // 17:30: overdue, once
    expect((await sweep('2026-10-08T09:30:00Z')).overdue).toBe(1);
    expect((await sweep('2026-10-08T09:31:00Z')).overdue).toBe(0);
    // Fri 10-09 16:00: not yet a working day late; Sat 10-10 (make-up workday) 17:30: escalated
    expect((await sweep('2026-10-09T08:00:00Z')).escalated).toBe(0);
    expect((await sweep('2026-10-10T09:30:00Z')).escalated).toBe(1);
    expect((await sweep('2026-10-12T02:00:00Z')).escalated).toBe(0);
    expect(await events(o.id)).toEqual(['work_order.reminded', 'work_order.overdue', 'work_order.escalated']);
    const row = await t.ctx.db.selectFrom('work_orders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ pending_alert: null, reminded_at: '2026-10-08T07:30:00.000Z' });
  });

  it('two sweeps at once (two nodes) send each alert once', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (
          await receiveOrder(t.ctx, SYSTEM_ACTOR, t.clock.now(), {
            source: 'bot_message',
            type: 'suggestion',
            title: `建议 ${i}`,
            content: '建议内容',
          })
        ).id,
      );
    const [a, b] = await Promise.all([
      sweepDeadlines(t.ctx, at('2026-10-08T09:30:00Z')),
      sweepDeadlines(t.ctx, at('2026-10-08T09:30:00Z')),
    ]);
    expect(a.overdue + b.overdue).toBeGreaterThanOrEqual(5);
    for (const id of ids) expect(await events(id)).toEqual(['work_order.overdue']);
  });

  it('a holiday added later moves an open order due time', async () => {
    const admin = await t.as('admin');
    const o = await receiveOrder(t.ctx, SYSTEM_ACTOR, t.clock.now(), {
      source: 'hotline_12345',
      type: 'help_request',
      title: '求助',
      content: '求助内容',
    });
    expect(o.dueAt).toBe('2026-10-13T09:00:00.000Z');
    const res = await admin.put('/api/calendar/days/2026-10-12', { kind: 'holiday', name: '临时调整' });
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.ctx.db
      .selectFrom('work_orders')
      .select('due_at')
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.due_at).toBe('2026-10-14T09:00:00.000Z');
  });
});
