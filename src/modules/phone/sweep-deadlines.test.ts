import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { sweepFormDeadlines } from './use-cases/sweep-deadlines.js';

const CALL = { callerName: '张三', phone: '138 0013 8000', type: 'water', content: '取水许可证延续需要什么材料？' };
const REPLY = { reply: '请在有效期届满45日前网上申请。', answered: true, handlerName: '李强', headName: '刘处长' };
const ALERTS = ['phone.transfer_reminded', 'phone.transfer_overdue', 'phone.transfer_escalated'];

async function newForm(w: TestClient, departmentId: string) {
  const call = await w.post('/api/phone/calls', CALL);
  expect(call.statusCode, call.body).toBe(201);
  const form = await w.post(`/api/phone/calls/${call.json().id}/transfer`, { departmentId });
  expect(form.statusCode, form.body).toBe(201);
  return form.json<{ id: string; number: string; dueAt: string }>();
}

const alertsOf = async (t: TestApp, id: string) =>
  (
    await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('subject_id', '=', id)
      .where('type', 'in', ALERTS)
      .orderBy('id')
      .execute()
  ).map((e) => e.type);

/** Notices of one form as username:kind, sorted (the notifications module's durable consumer). */
const noticesOf = async (t: TestApp, id: string) =>
  (
    await t.ctx.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.recipient_id')
      .select(['users.username', 'notifications.kind'])
      .where('notifications.subject_id', '=', id)
      .where('notifications.kind', '!=', 'assignment')
      .execute()
  )
    .map((n) => `${n.username}:${n.kind}`)
    .sort();

async function until(t: TestApp, cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300 && !(await cond()); i++) {
    await t.ctx.feed.poll();
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(await cond()).toBe(true);
}

describe('phone transfer forms: reminder, overdue list and escalation on the shared deadline alerts', () => {
  let t: TestApp;
  let water: string;
  beforeAll(async () => {
    // Friday 2026-11-27 10:00 Shanghai
    t = await createTestApp({ now: '2026-11-27T02:00:00Z' });
    await t.ctx.feed.poll(); // the notices consumer takes its place at the tail
    water = (
      await t.ctx.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'water-resources')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });
  const sweep = (iso: string) => sweepFormDeadlines(t.ctx, new Date(iso));
  /** Two nodes sweeping at once: the sum of what they sent. */
  const twoNodes = async (iso: string) => {
    const [a, b] = await Promise.all([sweep(iso), sweep(iso)]);
    return { reminded: a.reminded + b.reminded, overdue: a.overdue + b.overdue, escalated: a.escalated + b.escalated };
  };

  it('across the weekend: reminded Monday under 2 working hours, overdue at 17:00, escalated a working day later — each once', async () => {
    const f = await newForm(await t.as('window1'), water);
    // Friday 10:00 + 1 working day = Monday 11-30 17:00 (the weekend does not count)
    expect(f.dueAt).toBe('2026-11-30T09:00:00.000Z');
    // Friday 16:30: two working hours end Monday 10:30 — no reminder over the weekend
    expect(await sweep('2026-11-27T08:30:00Z')).toEqual({ reminded: 0, overdue: 0, escalated: 0 });
    expect(await sweep('2026-11-29T08:30:00Z')).toEqual({ reminded: 0, overdue: 0, escalated: 0 });
    // Monday 14:00: three working hours left — nothing; 15:30: the reminder, once on two nodes
    expect(await sweep('2026-11-30T06:00:00Z')).toEqual({ reminded: 0, overdue: 0, escalated: 0 });
    expect(await twoNodes('2026-11-30T07:30:00Z')).toEqual({ reminded: 1, overdue: 0, escalated: 0 });
    expect(await sweep('2026-11-30T07:31:00Z')).toEqual({ reminded: 0, overdue: 0, escalated: 0 });

    // the overdue list: empty before the due time, the form after it
    t.clock.set('2026-11-30T08:59:00Z');
    const before = (await (await t.as('water1')).get('/api/phone/forms?overdue=1')).json().items;
    expect(before.map((x: { id: string }) => x.id)).not.toContain(f.id);
    t.clock.set('2026-11-30T09:30:00Z');
    const list = (await (await t.as('water1')).get('/api/phone/forms?overdue=1')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: f.id, overdue: true })]);
    expect((await (await t.as('supply1')).get('/api/phone/forms?overdue=1')).json().items).toEqual([]);

    // Monday 17:30: overdue, once; Tuesday 16:00 not yet a working day late; 17:30 escalated, once
    expect(await twoNodes('2026-11-30T09:30:00Z')).toEqual({ reminded: 0, overdue: 1, escalated: 0 });
    expect(await sweep('2026-12-01T08:00:00Z')).toEqual({ reminded: 0, overdue: 0, escalated: 0 });
    expect(await twoNodes('2026-12-01T09:30:00Z')).toEqual({ reminded: 0, overdue: 0, escalated: 1 });
    expect(await sweep('2026-12-02T09:30:00Z')).toEqual({ reminded: 0, overdue: 0, escalated: 0 });
    expect(await alertsOf(t, f.id)).toEqual(ALERTS);
    const row = await t.ctx.db.selectFrom('phone_forms').selectAll().where('id', '=', f.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      pending_alert: null,
      reminded_at: '2026-11-30T07:30:00.000Z',
      overdue_at: '2026-11-30T09:30:00.000Z',
      escalated_at: '2026-12-01T09:30:00.000Z',
    });

    // the department is reminded and told it is overdue; the hotline office and the general office get the escalation
    await until(t, async () => (await noticesOf(t, f.id)).length === 4);
    expect(await noticesOf(t, f.id)).toEqual([
      'hotline1:escalation',
      'office1:escalation',
      'water1:overdue',
      'water1:reminder',
    ]);
    // the general office's "my work" holds the escalated form, opened in the back office
    const mine = (await (await t.as('office1')).get('/api/my-work')).json().items;
    expect(mine).toContainEqual(
      expect.objectContaining({ source: 'phone', reference: f.number, link: `/admin/phone-forms?open=${f.id}` }),
    );
    t.clock.set('2026-11-27T02:00:00Z');
  });

  it('a reply before the due time stops the alerts; a returned form sent on starts them again', async () => {
    const w = await t.as('window1');
    const replied = await newForm(w, water);
    const returned = await newForm(w, water);
    const dept = await t.as('water1');
    expect((await dept.post(`/api/phone/forms/${replied.id}/reply`, REPLY)).statusCode).toBe(200);
    expect((await dept.post(`/api/phone/forms/${returned.id}/return`, { reason: '属供水处职责' })).statusCode).toBe(
      200,
    );
    await sweep('2026-12-03T09:30:00Z');
    expect(await alertsOf(t, replied.id)).toEqual([]);
    expect(await alertsOf(t, returned.id)).toEqual([]);

    // sent on to water supply on Thursday 12-03 10:00: due Friday 12-04 17:00, alerted again from the start
    t.clock.set('2026-12-03T02:00:00Z');
    const supply = (
      await t.ctx.db.selectFrom('departments').select('id').where('code', '=', 'water-supply').executeTakeFirstOrThrow()
    ).id;
    const res = await (
      await t.as('window1')
    ).post(`/api/phone/forms/${returned.id}/retransfer`, {
      departmentId: supply,
    });
    expect(res.statusCode, res.body).toBe(200);
    t.clock.set('2026-11-27T02:00:00Z');
    expect((await sweep('2026-12-04T07:30:00Z')).reminded).toBeGreaterThanOrEqual(1);
    expect(await alertsOf(t, returned.id)).toEqual(['phone.transfer_reminded']);
  });
});

describe('phone transfer form alerts across National Day', () => {
  it('Wed 2026-09-30 16:00 → due Thu 10-08 17:00: no reminder before or during the holiday; escalated Fri 10-09 17:30', async () => {
    const t = await createTestApp({ now: '2026-09-30T08:00:00Z' });
    try {
      const water = (
        await t.ctx.db
          .selectFrom('departments')
          .select('id')
          .where('code', '=', 'water-resources')
          .executeTakeFirstOrThrow()
      ).id;
      const f = await newForm(await t.as('window1'), water);
      expect(f.dueAt).toBe('2026-10-08T09:00:00.000Z');
      const sweep = (iso: string) => sweepFormDeadlines(t.ctx, new Date(iso));
      // the eve of the holiday and the holiday itself: more than two working hours are left
      for (const iso of [
        '2026-09-30T08:30:00Z',
        '2026-10-03T02:00:00Z',
        '2026-10-07T09:00:00Z',
        '2026-10-08T06:00:00Z',
      ])
        expect(await sweep(iso)).toEqual({ reminded: 0, overdue: 0, escalated: 0 });
      expect((await sweep('2026-10-08T07:30:00Z')).reminded).toBe(1);
      expect((await sweep('2026-10-08T09:30:00Z')).overdue).toBe(1);
      expect((await sweep('2026-10-09T08:00:00Z')).escalated).toBe(0);
      expect((await sweep('2026-10-09T09:30:00Z')).escalated).toBe(1);
      expect(await alertsOf(t, f.id)).toEqual(ALERTS);
    } finally {
      await t.close();
    }
  });
});

describe('phone transfer form alerts after a holiday edit (the shared alertsAfterDueMoved, as work orders)', () => {
  it('a form flagged overdue whose due time moves later is reminded and flagged again at the new time', async () => {
    // Wednesday 2026-11-25 10:00 Shanghai: due Thu 11-26 17:00
    const t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    try {
      const water = (
        await t.ctx.db
          .selectFrom('departments')
          .select('id')
          .where('code', '=', 'water-resources')
          .executeTakeFirstOrThrow()
      ).id;
      const f = await newForm(await t.as('window1'), water);
      expect(f.dueAt).toBe('2026-11-26T09:00:00.000Z');
      await sweepFormDeadlines(t.ctx, new Date('2026-11-26T07:30:00Z'));
      await sweepFormDeadlines(t.ctx, new Date('2026-11-26T09:30:00Z'));
      // Thursday 18:00: the day becomes a holiday, the form is due Friday 17:00 and no longer overdue
      t.clock.set('2026-11-26T10:00:00Z');
      expect((await (await t.as('admin')).put('/api/calendar/days/2026-11-26', { kind: 'holiday' })).statusCode).toBe(
        200,
      );
      const row = await t.ctx.db.selectFrom('phone_forms').selectAll().where('id', '=', f.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ due_at: '2026-11-27T09:00:00.000Z', pending_alert: 'remind', overdue_at: null });
      await sweepFormDeadlines(t.ctx, new Date('2026-11-27T07:30:00Z'));
      await sweepFormDeadlines(t.ctx, new Date('2026-11-27T09:30:00Z'));
      expect(await alertsOf(t, f.id)).toEqual([...ALERTS.slice(0, 2), ...ALERTS.slice(0, 2)]);
    } finally {
      await t.close();
    }
  });
});
