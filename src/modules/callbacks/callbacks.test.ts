import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { AppError } from '../../platform/errors.js';
import { transition } from '../../platform/state-machine/state-machine.js';
import { CALLBACK_MACHINE } from './transitions.js';
import { createCallback } from './use-cases/create-callback.js';
import { giveRating } from '../ratings/use-cases/give-rating.js';
import { CALLBACK_STATUS_LABELS } from '../../contracts/enums/callbacks.js';
import { RATING_LABELS } from '../../contracts/enums/bot.js';

describe('callback cases go through the state machine', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  const open = async (n: number) => {
    const cal = await t.ctx.workingTime.getCalendar();
    return createCallback(t.ctx.db, SYSTEM_ACTOR, t.clock.now(), cal, await t.ctx.workingTime.closeOfBusiness(), {
      channel: 'phone',
      subjectType: 'phone_call',
      subjectId: `call-${n}`,
      name: '张三',
      phone: '13800138000',
      question: '取水许可证什么时候能办好？',
      workingDays: 1,
    });
  };

  it('opens a case for any channel with a due time one working day later (Wed → Thu close of business)', async () => {
    const c = await open(0);
    expect(c.number).toMatch(/^LY2026\d{6}$/);
    expect(c.dueAt).toBe('2026-11-26T09:00:00.000Z');
    const row = await t.ctx.db
      .selectFrom('callback_requests')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'phone', subject_type: 'phone_call', subject_id: 'call-0', status: 'open' });
  });

  it('of 20 pairs of concurrent "close" requests, each pair gets one 200 and one 409 and writes one event', async () => {
    const a = await t.as('window1');
    const b = await t.as('admin');
    const cases = [];
    for (let i = 1; i <= 20; i++) cases.push(await open(i));
    const outcomes: number[][] = [];
    for (const c of cases) {
      const [x, y] = await Promise.all([
        a.post(`/api/callbacks/${c.id}/progress`, { status: 'closed', result: '已电话答复（甲）' }),
        b.post(`/api/callbacks/${c.id}/progress`, { status: 'closed', result: '已电话答复（乙）' }),
      ]);
      outcomes.push([x.statusCode, y.statusCode].sort());
      const lost = x.statusCode === 409 ? x : y;
      expect(lost.json().error.details).toMatchObject({ current: 'closed', currentLabel: { zh: '已办结' } });
    }
    expect(outcomes).toEqual(cases.map(() => [200, 409]));
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['subject_id', 'data'])
      .where('type', '=', 'callback.closed')
      .where(
        'subject_id',
        'in',
        cases.map((c) => c.id),
      )
      .execute();
    expect(events.map((e) => e.subject_id).sort()).toEqual(cases.map((c) => c.id).sort());
    // the row keeps the result of the request that won, the one its event records
    for (const e of events) {
      const row = await t.ctx.db
        .selectFrom('callback_requests')
        .select('result')
        .where('id', '=', e.subject_id!)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(e.data).result).toBe(row.result);
    }
  });

  it("lists a case with its channel and the status name from the contracts' enums (one table for server and web)", async () => {
    const c = await open(50);
    const res = await (await t.as('window1')).get('/api/callbacks?status=open');
    expect(res.statusCode).toBe(200);
    const item = (res.json().items as { id: string }[]).find((x) => x.id === c.id);
    expect(item).toMatchObject({ channel: 'phone', status: 'open', statusLabel: CALLBACK_STATUS_LABELS.open });
    expect(CALLBACK_MACHINE.statuses).toBe(CALLBACK_STATUS_LABELS);
  });

  it("names a rating's level with the contracts' RATING_LABELS", async () => {
    await giveRating(t.ctx.db, SYSTEM_ACTOR, t.clock.now(), {
      channel: 'phone',
      subjectType: 'phone_call',
      subjectId: 'call-rated',
      level: 3,
    });
    const res = await (await t.as('admin')).get('/api/ratings?channel=phone');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ subjectId: 'call-rated', level: 3, levelLabel: RATING_LABELS[3] }),
    ]);
  });

  it('refuses a move the table does not allow, naming the current state', async () => {
    const w = await t.as('window1');
    const c = await open(99);
    expect(
      (await w.post(`/api/callbacks/${c.id}/progress`, { status: 'closed', result: '无法接通，办结' })).statusCode,
    ).toBe(200);
    const again = await w.post(`/api/callbacks/${c.id}/progress`, { status: 'called_back', result: '再打一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { current: 'closed' } });
    expect(again.json().error.messages.zh).toContain('已办结');
  });
});

describe('transition(): one conditional update, row count checked, event in the same transaction', () => {
  it('a request that read the old state and lost the race gets 409 with the current state and writes nothing', async () => {
    const t = await createTestApp();
    try {
      const cal = await t.ctx.workingTime.getCalendar();
      const c = await createCallback(t.ctx.db, SYSTEM_ACTOR, t.clock.now(), cal, '17:00', {
        channel: 'bot',
        subjectType: 'bot_session',
        subjectId: 's1',
        name: '李四',
        phone: '13900139000',
        question: '排水许可',
        workingDays: 1,
      });
      const stale = await t.ctx.db
        .selectFrom('callback_requests')
        .selectAll()
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      const close = (row?: typeof stale) =>
        t.ctx.db.transaction().execute((trx) =>
          transition(trx, CALLBACK_MACHINE, {
            id: c.id,
            action: 'close',
            actor: SYSTEM_ACTOR,
            now: t.clock.now(),
            row,
            set: () => ({ result: 'x' }),
            event: () => ({
              type: 'callback.closed',
              subjectType: 'callback_request',
              subjectId: c.id,
              data: { number: c.number, from: 'open', to: 'closed', result: 'x' },
            }),
          }),
        );
      await close();
      const lost = await close(stale).catch((e: unknown) => e);
      expect(lost).toBeInstanceOf(AppError);
      expect((lost as AppError).code).toBe('CONFLICT');
      expect((lost as AppError).details).toMatchObject({ current: 'closed' });
      const events = await t.ctx.db
        .selectFrom('events')
        .select('id')
        .where('subject_id', '=', c.id)
        .where('type', '=', 'callback.closed')
        .execute();
      expect(events).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
