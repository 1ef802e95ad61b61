import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { createTwoNodes, type TwoNodes } from '../../testing/two-nodes.js';
import { appendMessagesAtOnce, type Appended } from './append-message.js';
import { joinChat } from './livechat.test-helpers.js';

describe('messages stored in one statement on PostgreSQL (the group commit of a busy node)', () => {
  let n: TwoNodes;
  beforeAll(async () => {
    n = await createTwoNodes();
  });
  afterAll(async () => n.close());

  it('two nodes storing batches over the same conversations at once: no deadlock, gapless seqs, one event each', async () => {
    const convs = [(await joinChat(n.a)).id, (await joinChat(n.a)).id, (await joinChat(n.a)).id];
    const db = n.a.ctx.db;
    const before = await db.selectFrom('chat_messages').select(['conversation_id', 'seq']).execute();
    const now = new Date('2026-11-25T02:00:00Z');
    const batch = (k: number): Appended[] =>
      // each batch names the conversations in another order
      [2, 0, 1, 0].map((j, i) => ({
        actor: SYSTEM_ACTOR,
        now,
        message: {
          conversationId: convs[(j + k) % 3],
          author: 'citizen',
          authorId: null,
          kind: 'text',
          text: `批量 ${k}-${i}`,
          clientId: `batch-${k}-${i}`,
        },
      }));
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, k) => appendMessagesAtOnce(k % 2 ? n.b.ctx.db : db, batch(k))),
    );
    expect(results.flat().every((r) => r !== undefined)).toBe(true);
    // within a batch, one conversation's messages keep the order given
    for (const rows of results) {
      const seen = new Map<string, number>();
      for (const r of rows) {
        expect(r!.seq).toBeGreaterThan(seen.get(r!.conversation_id) ?? 0);
        seen.set(r!.conversation_id, r!.seq);
      }
    }
    for (const id of convs) {
      const seqs = (
        await db.selectFrom('chat_messages').select('seq').where('conversation_id', '=', id).orderBy('seq').execute()
      ).map((r) => r.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // 1, 2, 3 … no gap, no double
      const conv = await db
        .selectFrom('chat_conversations')
        .select('last_seq')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(Number(conv.last_seq)).toBe(seqs.length);
    }
    const events = await db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'livechat.message_posted')
      .where('subject_id', 'in', convs)
      .execute();
    const stored = (await db.selectFrom('chat_messages').select('id').execute()).length - before.length;
    expect(stored).toBe(96);
    const posted = events.map((e) => JSON.parse(e.data) as { conversationId: string; seq: number });
    expect(new Set(posted.map((p) => `${p.conversationId}:${p.seq}`)).size).toBe(posted.length);
    expect(posted.filter((p) => p.seq > 1).length).toBeGreaterThanOrEqual(96);
  });

  it('an item whose conversation does not exist is left out; the others are stored', async () => {
    const id = (await joinChat(n.a)).id;
    const now = new Date('2026-11-25T02:00:00Z');
    const item = (conversationId: string, clientId: string): Appended => ({
      actor: SYSTEM_ACTOR,
      now,
      message: { conversationId, author: 'citizen', authorId: null, kind: 'text', text: '你好', clientId },
    });
    const r = await appendMessagesAtOnce(n.a.ctx.db, [
      item('no-such-conversation', 'gone-0001'),
      item(id, 'kept-0001'),
    ]);
    expect(r[0]).toBeUndefined();
    expect(r[1]).toMatchObject({ conversation_id: id, client_id: 'kept-0001' });
  });

  it("an agent's first text stores the first human response once, with its event, in the same statement", async () => {
    const c = await joinChat(n.a);
    const conv = await n.a.ctx.db
      .selectFrom('chat_conversations')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const agent = { userId: conv.agent_id ?? 'agent-x', label: '客服' };
    const reply = (clientId: string, at: string) => ({
      actor: agent,
      now: new Date(at),
      firstResponse: true,
      message: {
        conversationId: c.id,
        author: 'agent' as const,
        authorId: agent.userId,
        kind: 'text' as const,
        text: '您好',
        clientId,
      },
    });
    // two answers in one batch and one later: one first response, the earliest
    await appendMessagesAtOnce(n.a.ctx.db, [
      reply('first-0001', '2026-11-25T02:00:10Z'),
      reply('first-0002', '2026-11-25T02:00:11Z'),
    ]);
    await appendMessagesAtOnce(n.a.ctx.db, [reply('first-0003', '2026-11-25T02:00:30Z')]);
    const after = await n.a.ctx.db
      .selectFrom('chat_conversations')
      .select('first_response_at')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after.first_response_at).toBe('2026-11-25T02:00:10.000Z');
    const events = await n.a.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'livechat.first_responded')
      .where('subject_id', '=', c.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: agent.userId, subject_label: conv.number });
    expect(JSON.parse(events[0].data)).toEqual({
      conversationId: c.id,
      number: conv.number,
      agentId: agent.userId,
      withinDue: !conv.first_response_due_at || '2026-11-25T02:00:10.000Z' <= conv.first_response_due_at,
    });
  });
});
