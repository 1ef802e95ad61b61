import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** A new conversation: ask, choose and give feedback in it. */
async function conversation(t: TestApp) {
  const c = t.client();
  const token = (await c.post('/api/bot/sessions', { channel: 'portal' })).json().token as string;
  const call = async (url: string, json: object) => {
    const r = await c.request({ method: 'POST', url, json, headers: { 'x-bot-token': token } });
    return { status: r.statusCode, ...r.json() };
  };
  return {
    ask: (q: string | { pick: string }) => call('/api/bot/ask', typeof q === 'string' ? { question: q } : q),
    choose: (turnId: string, entryId: string) => call(`/api/bot/turns/${turnId}/choice`, { entryId }),
    feedback: (turnId: string, solved: boolean) => call(`/api/bot/turns/${turnId}/feedback`, { solved }),
  };
}

const questions = (r: { suggestions: { question: string }[] }) => r.suggestions.map((s) => s.question);

describe('小申 routes each question: answer, "您是不是想问" with an answer, a person, not ours', () => {
  let t: TestApp;
  // Wednesday 2026-11-25 10:00 Beijing: inside live-help hours
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  });
  afterAll(() => t.close());

  const entryId = async (question: string) =>
    (await t.ctx.db.selectFrom('kb_entries').select('id').where('question', '=', question).executeTakeFirstOrThrow())
      .id;
  const turn = (id: string) =>
    t.ctx.db.selectFrom('bot_turns').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const eventsOf = async (type: string, subjectId: string) =>
    (
      await t.ctx.db
        .selectFrom('events')
        .select('data')
        .where('type', '=', type)
        .where('subject_id', '=', subjectId)
        .execute()
    ).map((e) => JSON.parse(e.data));

  it('sends 转人工 / 人工客服 / 找真人 straight to the human path, never to a KB entry', async () => {
    for (const q of ['转人工', '人工客服', '找真人']) {
      const { ask } = await conversation(t);
      const r = await ask(q);
      expect(r.decision, q).toBe('human');
      expect(r.answer).toBeNull();
      expect(r.suggestion).toBeNull();
      expect(r.suggestions).toEqual([]);
      expect(r.next).toBe('transfer');
      expect(r.message.zh).toContain('人工');
      expect((await turn(r.turnId)).inbox_status).toBeNull();
      expect(await eventsOf('bot.human_requested', r.turnId)).toHaveLength(1);
    }
    // outside live-help hours (Saturday) the citizen is offered a message for a call back
    t.clock.set('2026-11-28T02:00:00Z');
    try {
      const { ask } = await conversation(t);
      const r = await ask('转人工');
      expect(r.next).toBe('leave_message');
      expect(r.message.zh).toContain('留言');
    } finally {
      t.clock.set('2026-11-25T02:00:00Z');
    }
  });

  it('says another authority’s business is not ours, with 12345 and a link to 一网通办', async () => {
    for (const q of ['社保怎么交', '今天天气怎么样']) {
      const { ask } = await conversation(t);
      const r = await ask(q);
      expect(r.decision, q).toBe('out_of_scope');
      expect(r.message.zh).toBe('这不属于水务局的业务，可拨打 12345 或到一网通办查询。');
      expect(r.link.url).toMatch(/^https:\/\/zwdt\.sh\.gov\.cn/);
      expect(r.suggestions).toEqual([]);
      expect(await eventsOf('bot.question_out_of_scope', r.turnId)).toHaveLength(1);
    }
  });

  it('a follow-up after a suggestion keeps its topic', async () => {
    const { ask } = await conversation(t);
    const first = await ask('取水许可怎么办理');
    expect(first.decision).toBe('suggest');
    const r = await ask('那要什么材料');
    expect(r.decision).toBe('suggest');
    // not 临时排水, 海域 or 供水 (the fault): the water-abstraction topic is kept
    expect(questions(r)[0]).toContain('取水许可');
  });

  it('earlier turns never turn a later question into a confident wrong answer', async () => {
    const { ask } = await conversation(t);
    await ask('取水许可怎么办理');
    await ask({ pick: await entryId('取水许可（新办）的办理流程是怎样的？') });
    const materials = await ask('那要什么材料');
    expect(questions(materials)[0]).toBe('取水许可（新办）需要提交哪些申请材料？');
    // alone this is answered with the renewal (延续) entry; in a 新办 conversation it is offered, 新办 first
    const howLong = await ask('要多久能办好');
    expect(howLong.decision).toBe('suggest');
    expect(questions(howLong)[0]).toBe('取水许可（新办）审批需要多长时间？');
    const full = await ask('取水许可新办需要什么材料');
    expect(full.answer?.question ?? '').not.toContain('延续');
    expect(full.answer?.question ?? questions(full)[0]).toBe('取水许可（新办）需要提交哪些申请材料？');
  });

  it('shows the best suggestion’s answer with its source, and records the choice taken', async () => {
    const { ask, choose } = await conversation(t);
    const r = await ask('抽水要办啥证');
    expect(r.decision).toBe('suggest');
    expect(r.suggestions.length).toBeGreaterThan(1);
    expect(r.suggestion).toMatchObject({ entryId: r.suggestions[0].entryId, department: expect.any(String) });
    expect(r.suggestion.answerHtml).toMatch(/^<p>/);
    expect(JSON.parse((await turn(r.turnId)).suggested)).toEqual(
      r.suggestions.map((s: { entryId: string }) => s.entryId),
    );
    // the citizen opens the second choice: its answer, and the topic follows it
    const second = r.suggestions[1].entryId;
    const opened = await choose(r.turnId, second);
    expect(opened.status).toBe(200);
    expect(opened.answer.entryId).toBe(second);
    expect((await turn(r.turnId)).choice).toBe(second);
    expect(await eventsOf('bot.suggestion_chosen', r.turnId)).toEqual([
      { sessionId: expect.any(String), entryId: second, rank: 1 },
    ]);
    // the same choice again records nothing new; an entry that was not offered is refused
    await choose(r.turnId, second);
    expect(await eventsOf('bot.suggestion_chosen', r.turnId)).toHaveLength(1);
    expect((await choose(r.turnId, await entryId('海域使用金怎么缴纳？标准是多少？'))).status).toBe(400);
    // a turn that offered no choices has nothing to choose
    const answered = await ask('海域使用金怎么缴纳？标准是多少？');
    expect((await choose(answered.turnId, answered.answer.entryId)).status).toBe(409);
  });

  it('都不是 sends the question to the unanswered inbox, and a message left after it does not hide it', async () => {
    const { ask, choose } = await conversation(t);
    const r = await ask('取水证快过期了咋弄');
    expect(r.decision).toBe('suggest');
    const none = await choose(r.turnId, 'none');
    expect(none).toMatchObject({ status: 200, answer: null, next: 'transfer' });
    expect((await turn(r.turnId)).inbox_status).toBe('open');
    expect(await eventsOf('bot.suggestions_rejected', r.turnId)).toHaveLength(1);
    const editor = await t.as('legal1');
    const inbox = (await editor.get('/api/bot/inbox')).json();
    const item = inbox.groups
      .flatMap((g: { items: { id: string; reason: string }[] }) => g.items)
      .find((i: { id: string }) => i.id === r.turnId);
    expect(item.reason).toBe('suggested');
    const group = inbox.groups.find((g: { items: { id: string }[] }) => g.items.some((i) => i.id === r.turnId));
    expect(group.nearest.length).toBeGreaterThan(0);
  });

  it('marking the shown suggestion solved proposes the typed question for that entry, changing nothing yet', async () => {
    const { ask, feedback } = await conversation(t);
    const r = await ask('抽水要办啥证');
    const fb = await feedback(r.turnId, true);
    expect(fb.status).toBe(200);
    const row = await turn(r.turnId);
    expect(row.choice).toBe(r.suggestion.entryId);
    const learned = await t.ctx.db
      .selectFrom('bot_learned_questions')
      .selectAll()
      .where('entry_id', '=', r.suggestion.entryId)
      .execute();
    expect(learned.map((l) => [l.question, l.status])).toContainEqual(['抽水要办啥证', 'proposed']);
    const entry = await t.ctx.db
      .selectFrom('kb_entries')
      .select(['solved_count', 'status'])
      .where('id', '=', r.suggestion.entryId)
      .executeTakeFirstOrThrow();
    expect(Number(entry.solved_count)).toBeGreaterThan(0);
    expect(entry.status).toBe('published');
    // a question with what looks like a phone number is never proposed
    const withPhone = await ask('抽水要办啥证 13912345678');
    if (withPhone.decision === 'suggest') await feedback(withPhone.turnId, true);
    const all = await t.ctx.db.selectFrom('bot_learned_questions').select('question').execute();
    expect(all.some((l) => l.question.includes('1391234'))).toBe(false);
  });
});
