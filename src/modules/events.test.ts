import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent, SYSTEM_ACTOR, type EventInput } from '../platform/events/record-event.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { EVENT_CATALOGUE } from './index.js';

describe('the event catalogue', () => {
  it('labels every event type in Chinese and English, each declared once', () => {
    const types = Object.keys(EVENT_CATALOGUE);
    expect(types.length).toBeGreaterThan(40);
    for (const t of types) {
      expect(EVENT_CATALOGUE[t].label.zh, t).toMatch(/\p{Script=Han}/u);
      expect(EVENT_CATALOGUE[t].label.en, t).toMatch(/[A-Za-z]/);
    }
    expect(types).toEqual(
      expect.arrayContaining([
        'bot.question_answered',
        'bot.answer_unsolved',
        'rating.given',
        'callback.closed',
        'kb.entry_published',
      ]),
    );
  });

  it('is a compile error, and a runtime error, to record an unknown type or a wrong data shape', async () => {
    const t = await createTestApp();
    try {
      // @ts-expect-error not in the catalogue
      const unknown: EventInput = { type: 'kb.entry_teleported' };
      // @ts-expect-error `version` must be a number
      const wrong: EventInput = { type: 'kb.entry_published', data: { code: 'x', version: 'two', previousVersion: 1 } };
      const now = t.clock.now();
      await expect(
        t.ctx.db.transaction().execute((trx) => recordEvent(trx, SYSTEM_ACTOR, now, unknown)),
      ).rejects.toThrow(/not in the catalogue/);
      await expect(t.ctx.db.transaction().execute((trx) => recordEvent(trx, SYSTEM_ACTOR, now, wrong))).rejects.toThrow(
        /kb.entry_published/,
      );
      const n = await t.ctx.db.selectFrom('events').select('id').where('type', '=', 'kb.entry_teleported').execute();
      expect(n).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});

describe('the bot, feedback and ratings write events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const eventsOf = (type: string) => t.ctx.db.selectFrom('events').selectAll().where('type', '=', type).execute();

  it('records each turn (answered / no match), the feedback and one rating per conversation', async () => {
    const c = t.client();
    const { token, sessionId } = (await c.post('/api/bot/sessions', { channel: 'portal' })).json();
    const headers = { 'x-bot-token': token };
    const ask = async (question: string) =>
      (await c.request({ method: 'POST', url: '/api/bot/ask', json: { question }, headers })).json();
    const answered = await ask('海域使用金怎么缴纳？标准是多少？');
    expect(answered.decision).toBe('answer');
    const a = (await eventsOf('bot.question_answered')).find((e) => e.subject_id === answered.turnId);
    expect(a).toMatchObject({ subject_type: 'bot_turn', subject_label: '海域使用金怎么缴纳？标准是多少？' });
    expect(JSON.parse(a!.data)).toMatchObject({ sessionId, entryId: answered.answer.entryId, decision: 'answer' });

    // (签证 would be another authority's business: out_of_scope, its own event)
    const none = await ask('水务科普馆周一开放参观吗');
    expect(none.decision).toBe('none');
    expect((await eventsOf('bot.question_unmatched')).map((e) => e.subject_id)).toContain(none.turnId);

    const fb = await c.request({
      method: 'POST',
      url: `/api/bot/turns/${answered.turnId}/feedback`,
      json: { solved: false },
      headers,
    });
    expect(fb.statusCode).toBe(200);
    expect((await eventsOf('bot.answer_unsolved')).map((e) => e.subject_id)).toEqual([answered.turnId]);

    const rate = (level: number) =>
      c.request({ method: 'POST', url: '/api/bot/rating', json: { level, comment: '很好' }, headers });
    expect((await rate(5)).statusCode).toBe(200);
    expect((await rate(5)).statusCode).toBe(200); // a retry is not a second rating
    expect((await rate(2)).statusCode).toBe(409);
    const given = await eventsOf('rating.given');
    expect(given).toHaveLength(1);
    expect(JSON.parse(given[0].data)).toEqual({
      channel: 'bot',
      subjectType: 'bot_session',
      subjectId: sessionId,
      level: 5,
      anonymous: true,
    });
    const rows = await t.ctx.db.selectFrom('ratings').selectAll().where('subject_id', '=', sessionId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'bot', level: 5, comment: '很好', anonymous: 1 });
  });

  it('gives the audit trail the label of each type and the name of each subject', async () => {
    const admin = await t.as('admin');
    await admin.post('/api/users', { username: 'label.me', displayName: '标签', password: 'Secret123', roles: [] });
    const auditor = await t.as('auditor1');
    const res = (await auditor.get('/api/audit?type=user.created')).json();
    expect(res.items[0]).toMatchObject({
      type: 'user.created',
      typeLabel: { zh: '新建用户', en: 'User created' },
      subjectLabel: '标签 (label.me)',
    });
    const types = (await auditor.get('/api/audit/event-types')).json().items;
    expect(types).toContainEqual({ type: 'rating.given', label: { zh: '市民评价', en: 'Service rated' } });
    expect((await auditor.get('/api/audit?q=标签')).json().total).toBeGreaterThanOrEqual(1);
  });
});
