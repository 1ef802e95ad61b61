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

describe('a holiday edit that moves an order due time starts its alerts again at the new times', () => {
  const ALERTS = ['work_order.reminded', 'work_order.overdue', 'work_order.escalated'];
  const alertsOf = async (t: TestApp, id: string) =>
    (
      await t.ctx.db
        .selectFrom('events')
        .select(['type', 'created_at', 'data'])
        .where('subject_id', '=', id)
        .where('type', 'in', ALERTS)
        .orderBy('id')
        .execute()
    ).map((e) => `${e.type} ${e.created_at} due ${(JSON.parse(e.data) as { dueAt: string }).dueAt}`);
  const consultation = (t: TestApp) =>
    receiveOrder(t.ctx, SYSTEM_ACTOR, t.clock.now(), {
      source: 'hotline_12345',
      type: 'consultation',
      title: '咨询',
      content: '咨询内容',
    });
  const row = (t: TestApp, id: string) =>
    t.ctx.db
      .selectFrom('work_orders')
      .select(['due_at', 'pending_alert', 'reminded_at', 'overdue_at', 'escalated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('an order already overdue and escalated whose due time moves later is reminded, flagged and escalated again', async () => {
    // Wednesday 2026-09-30 16:00 Shanghai: a consultation due Thu 10-08 17:00
    const t = await createTestApp({ now: '2026-09-30T08:00:00Z' });
    try {
      const o = await consultation(t);
      expect(o.dueAt).toBe('2026-10-08T09:00:00.000Z');
      for (const iso of ['2026-10-08T07:30:00Z', '2026-10-08T09:30:00Z', '2026-10-10T09:30:00Z'])
        await sweepDeadlines(t.ctx, new Date(iso));
      expect((await row(t, o.id)).pending_alert).toBeNull();

      // Monday 10-12 09:00: the administrator makes Thu 10-08 … Mon 10-12 days off (the due time: Tue 10-13 17:00)
      t.clock.set('2026-10-12T01:00:00Z');
      const admin = await t.as('admin');
      for (const d of ['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12'])
        expect((await admin.put(`/api/calendar/days/${d}`, { kind: 'holiday', name: '临时调整' })).statusCode).toBe(
          200,
        );
      expect(await row(t, o.id)).toEqual({
        due_at: '2026-10-13T09:00:00.000Z',
        pending_alert: 'remind',
        reminded_at: null,
        overdue_at: null,
        escalated_at: null,
      });
      // no longer overdue: off the overdue list of the hotline office
      expect(
        (await (await t.as('hotline1')).get('/api/work-orders?overdue=1'))
          .json()
          .items.map((x: { id: string }) => x.id),
      ).not.toContain(o.id);

      // the new times: reminded Tue 15:30, overdue Tue 17:30, escalated Wed 10-14 17:30 — each once
      for (const iso of [
        '2026-10-12T09:30:00Z',
        '2026-10-13T07:30:00Z',
        '2026-10-13T07:31:00Z',
        '2026-10-13T09:30:00Z',
        '2026-10-14T08:00:00Z',
        '2026-10-14T09:30:00Z',
        '2026-10-15T09:30:00Z',
      ])
        await sweepDeadlines(t.ctx, new Date(iso));
      expect(await alertsOf(t, o.id)).toEqual([
        'work_order.reminded 2026-10-08T07:30:00.000Z due 2026-10-08T09:00:00.000Z',
        'work_order.overdue 2026-10-08T09:30:00.000Z due 2026-10-08T09:00:00.000Z',
        'work_order.escalated 2026-10-10T09:30:00.000Z due 2026-10-08T09:00:00.000Z',
        'work_order.reminded 2026-10-13T07:30:00.000Z due 2026-10-13T09:00:00.000Z',
        'work_order.overdue 2026-10-13T09:30:00.000Z due 2026-10-13T09:00:00.000Z',
        'work_order.escalated 2026-10-14T09:30:00.000Z due 2026-10-13T09:00:00.000Z',
      ]);
    } finally {
      await t.close();
    }
  });

  it('a due time moved earlier is alerted at the new time; an order still overdue after the move is not flagged again', async () => {
    const t = await createTestApp({ now: '2026-09-30T08:00:00Z' });
    try {
      // received Wed 09-30 16:00: due Thu 10-08 17:00, reminded at 15:30
      const reminded = await consultation(t);
      // received Mon 09-28 16:00: due Tue 09-29 17:00, flagged overdue at 17:30
      const late = await receiveOrder(t.ctx, SYSTEM_ACTOR, new Date('2026-09-28T08:00:00Z'), {
        source: 'hotline_12345',
        type: 'consultation',
        title: '咨询',
        content: '咨询内容',
      });
      expect(late.dueAt).toBe('2026-09-29T09:00:00.000Z');
      await sweepDeadlines(t.ctx, new Date('2026-09-29T09:30:00Z'));
      expect((await row(t, late.id)).pending_alert).toBe('escalate');

      // Wed 09-30 17:30: the administrator makes Tue 09-29 a day off — the second is due Wed 09-30 17:00: later, still past
      t.clock.set('2026-09-30T09:30:00Z');
      const admin = await t.as('admin');
      expect(
        (await admin.put('/api/calendar/days/2026-09-29', { kind: 'holiday', name: '调整' })).json(),
      ).toMatchObject({
        recomputed: 1,
      });
      expect(await row(t, late.id)).toEqual({
        due_at: '2026-09-30T09:00:00.000Z',
        pending_alert: 'escalate',
        reminded_at: null,
        overdue_at: '2026-09-29T09:30:00.000Z',
        escalated_at: null,
      });
      // Thu 10-08 15:30: the first is reminded (the second's escalation waits for a working day past its due time)
      expect(await sweepDeadlines(t.ctx, new Date('2026-10-08T07:30:00Z'))).toEqual({
        reminded: 1,
        overdue: 0,
        escalated: 0,
      });

      // 16:00: the holiday on Wed 10-07 is removed (a working day again) — the first is due 10-07 17:00, already past
      t.clock.set('2026-10-08T08:00:00Z');
      expect((await (await t.as('admin')).delete('/api/calendar/days/2026-10-07')).json()).toMatchObject({
        recomputed: 1,
      });
      expect(await row(t, reminded.id)).toMatchObject({ due_at: '2026-10-07T09:00:00.000Z', pending_alert: 'remind' });

      // the next sweep: the first overdue against its new time (a reminder after the due time would be too late),
      // the second escalated (10-07 is now the working day after its due time), not flagged overdue again
      expect(await sweepDeadlines(t.ctx, new Date('2026-10-08T08:01:00Z'))).toEqual({
        reminded: 0,
        overdue: 1,
        escalated: 1,
      });
      await sweepDeadlines(t.ctx, new Date('2026-10-08T09:30:00Z'));
      expect(await alertsOf(t, reminded.id)).toEqual([
        'work_order.reminded 2026-10-08T07:30:00.000Z due 2026-10-08T09:00:00.000Z',
        'work_order.overdue 2026-10-08T08:01:00.000Z due 2026-10-07T09:00:00.000Z',
        'work_order.escalated 2026-10-08T09:30:00.000Z due 2026-10-07T09:00:00.000Z',
      ]);
      expect(await alertsOf(t, late.id)).toEqual([
        'work_order.overdue 2026-09-29T09:30:00.000Z due 2026-09-29T09:00:00.000Z',
        'work_order.escalated 2026-10-08T08:01:00.000Z due 2026-09-30T09:00:00.000Z',
      ]);
    } finally {
      await t.close();
    }
  });
});
