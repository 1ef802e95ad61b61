import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { leaveMessage } from '../bot/use-cases/leave-message.js';
import { publishByFor } from '../knowledge/policy-status.js';

describe('stored deadlines follow holiday changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' }); // Wednesday 10:00 in Shanghai
  });
  afterAll(async () => {
    await t.close();
  });

  const callback = (number: string) =>
    t.ctx.db.selectFrom('callback_requests').select(['due_at', 'status']).where('number', '=', number);

  it('recomputes open deadlines that span a new holiday in the same change, with one event and the count', async () => {
    const cal = await t.ctx.workingTime.getCalendar();
    const msg = { name: '张三', phone: '13800000000', question: '取水许可怎么延续？', botSessionId: 'session-1' };
    const open = await leaveMessage(t.ctx.db, SYSTEM_ACTOR, t.clock.now(), cal, '17:00', msg);
    const closed = await leaveMessage(t.ctx.db, SYSTEM_ACTOR, t.clock.now(), cal, '17:00', msg);
    expect(open.dueAt).toBe('2026-11-26T09:00:00.000Z'); // Thursday 17:00
    await t.ctx.db
      .updateTable('callback_requests')
      .set({ status: 'closed' })
      .where('number', '=', closed.number)
      .execute();
    const water = await t.as('water1');
    const policy = (await water.post('/api/kb/policies', { title: '节水条例', effectiveDate: '2026-12-10' })).json();
    const farPolicy = (await water.post('/api/kb/policies', { title: '远期文件', effectiveDate: '2027-06-30' })).json();

    const admin = await t.as('admin');
    const res = await admin.put('/api/calendar/days/2026-11-26', { kind: 'holiday', name: '临时放假' });
    expect(res.json()).toEqual({ ok: true, recomputed: 2 });

    expect(await callback(open.number).executeTakeFirstOrThrow()).toEqual({
      due_at: '2026-11-27T09:00:00.000Z', // Friday 17:00: Thursday is now a holiday
      status: 'open',
    });
    expect((await callback(closed.number).executeTakeFirstOrThrow()).due_at).toBe('2026-11-26T09:00:00.000Z');
    const newCal = await t.ctx.workingTime.getCalendar();
    const moved = (await water.get(`/api/kb/policies/${policy.id}`)).json();
    expect(moved.publishBy).toBe(publishByFor(newCal, '2026-12-10'));
    expect(moved.publishBy < policy.publishBy).toBe(true); // one working day fewer in the window: earlier
    expect((await water.get(`/api/kb/policies/${farPolicy.id}`)).json().publishBy).toBe(farPolicy.publishBy);
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['subject_id', 'data'])
      .where('type', '=', 'calendar.deadlines_recomputed')
      .execute();
    expect(events.map((e) => [e.subject_id, JSON.parse(e.data)])).toEqual([
      [
        '2026-11-26',
        {
          counts: { callback_request: 1, policy_document: 1 },
          total: 2,
          from: '2026-11-26',
          to: '2026-11-26',
        },
      ],
    ]);

    // back to an ordinary Thursday: the deadlines move back
    expect((await admin.delete('/api/calendar/days/2026-11-26')).json()).toEqual({ ok: true, recomputed: 2 });
    expect((await callback(open.number).executeTakeFirstOrThrow()).due_at).toBe('2026-11-26T09:00:00.000Z');
    // a change no open deadline spans moves nothing and records no event
    expect((await admin.put('/api/calendar/days/2026-12-28', { kind: 'holiday' })).json()).toEqual({
      ok: true,
      recomputed: 0,
    });
  });

  it('an imported year reports how many deadlines it moved', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/calendar/import', {
      year: 2027,
      replace: true,
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(res.json()).toEqual({ imported: 1, recomputed: 0 });
  });
});
