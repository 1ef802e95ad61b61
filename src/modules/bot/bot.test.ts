import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntry } from '../../testing/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';

async function conversation(
  t: TestApp,
): Promise<{ c: TestClient; ask: (q: string | { pick: string }) => Promise<any>; token: string }> {
  const c = t.client();
  const res = await c.post('/api/bot/sessions', { channel: 'portal' });
  expect(res.statusCode).toBe(201);
  const token = res.json().token as string;
  const ask = async (q: string | { pick: string }) => {
    const r = await c.request({
      method: 'POST',
      url: '/api/bot/ask',
      json: typeof q === 'string' ? { question: q } : q,
      headers: { 'x-bot-token': token, 'x-csrf-token': '' },
    });
    return { status: r.statusCode, ...r.json() };
  };
  return { c, ask, token };
}

describe('小申 answers citizens from the live knowledge base', () => {
  let t: TestApp;
  // Wednesday 2026-11-25 10:00 Beijing: inside live-help hours
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads the demo knowledge base', () => {
    // every entry of src/modules/knowledge/demo/demo-kb.jsonl is published by the demo seed
    expect(t.ctx.botIndex.size).toBe(190);
  });

  it('answers a water question with its source, and stores the turn', async () => {
    const { ask } = await conversation(t);
    const r = await ask('海域使用金怎么缴纳？标准是多少？');
    expect(r.status).toBe(200);
    expect(r.decision).toBe('answer');
    expect(r.answer.question).toContain('海域使用金');
    expect(r.answer.matter).toContain('海域');
    // the other questions of its matter (their order is not defined)
    expect(r.related.map((e: { question: string }) => e.question).sort()).toEqual(
      [
        '哪些用海可以减免海域使用金？',
        '海域使用金没有按时缴纳会怎样？',
        '海域使用金缴纳后，怎么查询和获取缴款凭证？',
      ].sort(),
    );
    expect(r.answer.lastReviewed).toBeTruthy();
    expect(r.answer.answerHtml).toMatch(/^<p>/);
    const turn = await t.ctx.db
      .selectFrom('bot_turns')
      .selectAll()
      .where('id', '=', r.turnId)
      .executeTakeFirstOrThrow();
    expect(turn).toMatchObject({ decision: 'answer', entry_id: r.answer.entryId });
  });

  it('answers greetings and thanks politely without searching', async () => {
    const { ask } = await conversation(t);
    expect((await ask('你好')).decision).toBe('smalltalk');
    const thanks = await ask('谢谢');
    expect(thanks.message.zh).toContain('不客气');
  });

  it('says so when it cannot answer, and the question lands in the inbox', async () => {
    const { ask } = await conversation(t);
    const r = await ask('明天的足球比赛几点开始直播');
    expect(r.decision).toBe('none');
    // inside live-help hours it offers a person (live help, issue 7); outside them a message or 12345
    expect(r.liveHelp.open).toBe(true);
    expect(r.message.zh).toContain('转人工客服');
    expect(r.next).toBe('transfer');
    const turn = await t.ctx.db
      .selectFrom('bot_turns')
      .select('inbox_status')
      .where('id', '=', r.turnId)
      .executeTakeFirstOrThrow();
    expect(turn.inbox_status).toBe('open');
  });

  it('handles hostile and odd input with a clear answer, never an error page', async () => {
    const { ask } = await conversation(t);
    const users = await t.ctx.db.selectFrom('users').select('id').execute();
    for (const q of [
      '😀😀😀',
      '<script>alert(1)</script>',
      "'; DROP TABLE users; --",
      'How do I get a 取水许可 permit?',
      '水'.repeat(2000),
    ]) {
      const r = await ask(q);
      expect(r.status, q).toBe(200);
      expect(['answer', 'suggest', 'none', 'smalltalk']).toContain(r.decision);
    }
    expect((await ask('')).status).toBe(400);
    const long = await ask('水'.repeat(2001));
    expect(long.status).toBe(400);
    expect(long.error.message).toContain('2000');
    expect(await t.ctx.db.selectFrom('users').select('id').execute()).toEqual(users);
  });

  it('lets the citizen pick a suggested entry', async () => {
    const admin = await t.as('admin');
    const tickets = await buildEntry(admin, { question: '水务科普馆的门票怎么预约？' });
    const guide = await buildEntry(admin, { question: '水务科普馆的讲解怎么预约？' });
    // the bot index follows published entries through the event feed; here at once
    for (const e of [tickets, guide]) await t.ctx.botIndex.reloadEntry(e.id);
    const { ask } = await conversation(t);
    const first = await ask('水务科普馆怎么预约');
    expect(first.decision).toBe('suggest');
    expect(first.suggestions.map((e: { entryId: string }) => e.entryId).sort()).toEqual([tickets.id, guide.id].sort());
    const r = await ask({ pick: guide.id });
    expect(r.decision).toBe('picked');
    expect(r.answer.entryId).toBe(guide.id);
    expect((await ask({ pick: 'no-such-entry' })).status).toBe(404);
  });

  it('records solved / unsolved once and says the next step', async () => {
    const entry = await buildEntry(await t.as('admin'), { question: '水务科普馆周一开放吗？' });
    await t.ctx.botIndex.reloadEntry(entry.id);
    const { c, ask, token } = await conversation(t);
    const r = await ask('水务科普馆周一开放吗？');
    expect(r.answer?.entryId).toBe(entry.id);
    const before = await t.ctx.db
      .selectFrom('kb_entries')
      .select(['unsolved_count'])
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    const fb = await c.request({
      method: 'POST',
      url: `/api/bot/turns/${r.turnId}/feedback`,
      json: { solved: false },
      headers: { 'x-bot-token': token },
    });
    expect(fb.json()).toMatchObject({ next: 'transfer' });
    const again = await c.request({
      method: 'POST',
      url: `/api/bot/turns/${r.turnId}/feedback`,
      json: { solved: true },
      headers: { 'x-bot-token': token },
    });
    expect(again.statusCode).toBe(409);
    const after = await t.ctx.db
      .selectFrom('kb_entries')
      .select(['unsolved_count'])
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    expect(after.unsolved_count).toBe(before.unsolved_count + 1);
    const other = await conversation(t);
    const stolen = await other.c.request({
      method: 'POST',
      url: `/api/bot/turns/${r.turnId}/feedback`,
      json: { solved: true },
      headers: { 'x-bot-token': other.token },
    });
    expect(stolen.statusCode).toBe(404);
  });

  it('rates a conversation once on the five national levels', async () => {
    const { c, ask, token } = await conversation(t);
    await ask('海域使用金怎么缴纳');
    const send = (level: number) =>
      c.request({ method: 'POST', url: '/api/bot/rating', json: { level }, headers: { 'x-bot-token': token } });
    expect((await send(6)).statusCode).toBe(400);
    expect((await send(5)).statusCode).toBe(200);
    expect((await send(4)).statusCode).toBe(409);
  });

  it("reads a follow-up in the light of the previous turn's matter", async () => {
    const { ask } = await conversation(t);
    const opening = await ask('取水许可（新办）审批需要多长时间？');
    expect(opening.decision).toBe('answer');
    expect(opening.answer.question).toBe('取水许可（新办）审批需要多长时间？');
    // "那要什么材料" alone is too vague to answer: the choices offered follow the previous matter
    const r = await ask('那要什么材料');
    expect(r.decision).toBe('suggest');
    expect(r.suggestions[0].question).toBe('取水许可（新办）需要提交哪些申请材料？');
    const fresh = await conversation(t);
    const alone = await fresh.ask('那要什么材料');
    expect(alone.decision).toBe('suggest');
    expect(alone.suggestions.map((e: { question: string }) => e.question)).not.toContain(
      '取水许可（新办）需要提交哪些申请材料？',
    );
  });

  it('refuses requests without a valid conversation token', async () => {
    const c = t.client();
    const res = await c.request({
      method: 'POST',
      url: '/api/bot/ask',
      json: { question: '取水许可' },
      headers: { 'x-bot-token': 'forged-token-123' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('刷新');
  });
});

describe('rate limit on the public ask endpoint', () => {
  it('answers 429 with a readable message past 40 questions a minute from one client', async () => {
    const t = await createTestApp();
    try {
      const { ask } = await conversation(t);
      const codes: number[] = [];
      for (let i = 0; i < 42; i++) codes.push((await ask(`取水许可 ${i}`)).status);
      expect(codes.slice(0, 40).every((c) => c === 200)).toBe(true);
      const last = await ask('取水许可');
      expect(last.status).toBe(429);
      expect(last.error.message).toBe('操作过于频繁，请稍后再试。');
    } finally {
      await t.close();
    }
  });
});

describe('leave a message outside live-help hours', () => {
  it('gives a receipt number and a 1-working-day due time across the weekend', async () => {
    // Friday 2026-11-27 18:00 Beijing: live help closed
    const t = await createTestApp({ now: '2026-11-27T10:00:00Z' });
    try {
      const { c, ask, token } = await conversation(t);
      const r = await ask('明天的足球比赛几点开始直播');
      expect(r.liveHelp.open).toBe(false);
      const fb = await c.request({
        method: 'POST',
        url: `/api/bot/turns/${r.turnId}/feedback`,
        json: { solved: false },
        headers: { 'x-bot-token': token },
      });
      expect(fb.json().next).toBe('leave_message');
      const bad = await c.request({
        method: 'POST',
        url: '/api/bot/messages',
        json: { name: '张先生', phone: '123', question: '想咨询' },
        headers: { 'x-bot-token': token },
      });
      expect(bad.statusCode).toBe(400);
      const msg = await c.request({
        method: 'POST',
        url: '/api/bot/messages',
        json: { name: '张先生', phone: '13912345678', question: '我家门口马路积水很深，找谁处理？' },
        headers: { 'x-bot-token': token },
      });
      expect(msg.statusCode).toBe(201);
      expect(msg.json().number).toBe('LY2026000001');
      expect(msg.json().dueAt).toBe('2026-11-30T09:00:00.000Z');
      const second = await c.request({
        method: 'POST',
        url: '/api/bot/messages',
        json: { name: '李女士', phone: '021-63211234', question: '水费怎么查询' },
        headers: { 'x-bot-token': token },
      });
      expect(second.json().number).toBe('LY2026000002');
      const window = await t.as('window1');
      const list = (await window.get('/api/callbacks')).json().items;
      expect(list[0]).toMatchObject({ number: 'LY2026000001', phone: '139****5678' });
      expect((await (await t.as('water1')).get('/api/callbacks')).statusCode).toBe(403);
      const ev = await t.ctx.db.selectFrom('events').select('type').where('type', '=', 'callback.created').execute();
      expect(ev).toHaveLength(2);

      // Working the case: the full number only on request (audited), then the call, then close.
      const id = list[0].id as string;
      expect((await (await t.as('office1')).post(`/api/callbacks/${id}/phone`)).statusCode).toBe(403);
      const phone = await window.post(`/api/callbacks/${id}/phone`);
      expect(phone.json().phone).toBe('13912345678');
      expect(
        (await window.post(`/api/callbacks/${id}/progress`, { status: 'called_back', result: '' })).statusCode,
      ).toBe(400);
      expect(
        (
          await window.post(`/api/callbacks/${id}/progress`, {
            status: 'called_back',
            result: '已告知向区排水管理部门报修，并给了12345',
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (await window.post(`/api/callbacks/${id}/progress`, { status: 'called_back', result: '再打一次' })).statusCode,
      ).toBe(409);
      expect(
        (await window.post(`/api/callbacks/${id}/progress`, { status: 'closed', result: '市民表示满意' })).statusCode,
      ).toBe(200);
      expect(
        (await window.post(`/api/callbacks/nope/progress`, { status: 'closed', result: '不存在的' })).statusCode,
      ).toBe(404);
      const after = (await window.get('/api/callbacks?status=closed')).json().items;
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ number: 'LY2026000001', result: '市民表示满意' });
      const types = (
        await t.ctx.db.selectFrom('events').select('type').where('subject_id', '=', id).orderBy('id').execute()
      ).map((e) => e.type);
      expect(types).toEqual(['callback.created', 'callback.phone_revealed', 'callback.called_back', 'callback.closed']);
    } finally {
      await t.close();
    }
  });
});
