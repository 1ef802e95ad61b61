import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('bot statistics: citizen-confirmed and inferred resolution apart', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  });
  afterAll(() => t.close());

  async function conversation() {
    const c = t.client();
    const token = (await c.post('/api/bot/sessions', { channel: 'portal' })).json().token as string;
    const call = async (url: string, json: object) =>
      (await c.request({ method: 'POST', url, json, headers: { 'x-bot-token': token } })).json();
    return {
      ask: (question: string) => call('/api/bot/ask', { question }),
      choose: (turnId: string, entryId: string) => call(`/api/bot/turns/${turnId}/choice`, { entryId }),
      feedback: (turnId: string, solved: boolean) => call(`/api/bot/turns/${turnId}/feedback`, { solved }),
    };
  }
  const ANSWERED = '海域使用金怎么缴纳？标准是多少？';
  const SUGGESTED = '抽水要办啥证';
  const UNKNOWN = '水务科普馆周一开放参观吗';

  it('counts 已解决 apart from conversations merely answered without complaint', async () => {
    // 1: answered, marked solved → confirmed (and inferred)
    let s = await conversation();
    let r = await s.ask(ANSWERED);
    expect(r.decision).toBe('answer');
    await s.feedback(r.turnId, true);
    // 2: answered, nothing more → inferred only
    await (await conversation()).ask(ANSWERED);
    // 3: the suggestion's answer shown, nothing more → inferred only
    expect((await (await conversation()).ask(SUGGESTED)).decision).toBe('suggest');
    // 4: 都不是 → neither
    s = await conversation();
    r = await s.ask(SUGGESTED);
    await s.choose(r.turnId, 'none');
    // 5: answered, then 转人工 → neither
    s = await conversation();
    await s.ask(ANSWERED);
    expect((await s.ask('转人工')).decision).toBe('human');
    // 6: answered, marked unsolved → neither
    s = await conversation();
    r = await s.ask(ANSWERED);
    await s.feedback(r.turnId, false);
    // 7, 8: no answer → neither (and twice in the month's unanswered topics)
    await (await conversation()).ask(UNKNOWN);
    await (await conversation()).ask(UNKNOWN);
    // greetings only: not a conversation with a question
    await (await conversation()).ask('你好');

    const stats = (await (await t.as('office1')).get('/api/bot/stats')).json();
    expect(stats).toMatchObject({
      sessions: 8,
      confirmedSessions: 1,
      inferredSessions: 3,
      resolvedSessions: 3,
      solvedFeedback: 1,
      unsolvedFeedback: 1,
      humanRequests: 1,
      noneOfThese: 1,
    });
    expect(stats.confirmedRate).toBeCloseTo(1 / 8);
    expect(stats.inferredRate).toBeCloseTo(3 / 8);
    expect(stats.topUnanswered[0]).toEqual({ question: UNKNOWN, count: 2 });
  });
});
