import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('two questions at once in one conversation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers every question and numbers the turns without duplicates or gaps', async () => {
    const c = t.client();
    const token = (await c.post('/api/bot/sessions', { channel: 'portal' })).json().token as string;
    const ask = (q: string) =>
      c.request({
        method: 'POST',
        url: '/api/bot/ask',
        json: { question: q },
        headers: { 'x-bot-token': token, 'x-csrf-token': '' },
      });
    const questions = ['水费怎么交', '取水许可要什么材料', '排水许可怎么办', '你好', '海域使用金标准'];
    const statuses: number[] = [];
    // 15 rounds of two (then three) parallel questions in the same conversation
    for (let round = 0; round < 15; round++) {
      const width = round < 10 ? 2 : 3;
      const res = await Promise.all(Array.from({ length: width }, (_, i) => ask(questions[(round + i) % 5])));
      statuses.push(...res.map((r) => r.statusCode));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const session = await t.ctx.db
      .selectFrom('bot_sessions')
      .select(['id', 'turns'])
      .where('turns', '>', 0)
      .executeTakeFirstOrThrow();
    const seqs = (
      await t.ctx.db.selectFrom('bot_turns').select('seq').where('session_id', '=', session.id).orderBy('seq').execute()
    ).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    expect(session.turns).toBe(35);
  });
});
