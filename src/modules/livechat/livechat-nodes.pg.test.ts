import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwoNodes, type TwoNodes } from '../../testing/two-nodes.js';
import { routeQueue } from './use-cases/route-queue.js';
import { chatSocket, joinChat, onDutyAgent, type FrameSocket } from './livechat.test-helpers.js';

/** Waits, polling both nodes' event feeds, until `cond` holds. */
async function until(n: TwoNodes, cond: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await Promise.all([n.a.ctx.feed.poll(), n.b.ctx.feed.poll()]);
    await new Promise((r) => setTimeout(r, 15));
  }
}

describe('live help on two nodes sharing PostgreSQL', () => {
  let n: TwoNodes;
  const open: FrameSocket[] = [];
  beforeAll(async () => {
    n = await createTwoNodes();
  });
  afterAll(async () => {
    open.forEach((s) => s.ws.terminate());
    await n.close();
  });

  it('one routing decision per citizen when both nodes route at once, and no agent over the limit', async () => {
    const office = await n.a.as('office1');
    expect((await office.put('/api/chat/settings', { maxChatsPerAgent: 3 })).statusCode).toBe(200);
    const citizens: Awaited<ReturnType<typeof joinChat>>[] = [];
    for (let i = 0; i < 10; i++) citizens.push(await joinChat(n.a)); // no one on duty yet: all wait
    const a1 = await onDutyAgent(n.a);
    const a2 = await onDutyAgent(n.b);
    // both nodes route at once, while the duty.signed_in consumer (on whichever node holds it)
    // routes too: together they place each citizen once and no agent over the limit
    await Promise.all([routeQueue(n.a.ctx, n.a.clock.now()), routeQueue(n.b.ctx, n.b.clock.now())]);
    const placed = () =>
      n.a.ctx.db
        .selectFrom('chat_conversations')
        .select('id')
        .where('status', '=', 'active')
        .where(
          'id',
          'in',
          citizens.map((c) => c.id),
        )
        .execute();
    for (let i = 0; i < 10; i++) await Promise.all([n.a.ctx.feed.poll(), n.b.ctx.feed.poll()]); // consumers done
    expect(await placed()).toHaveLength(6);
    const rows = await n.a.ctx.db
      .selectFrom('chat_conversations')
      .select(['id', 'agent_id', 'status'])
      .where(
        'id',
        'in',
        citizens.map((c) => c.id),
      )
      .execute();
    const load = (id: string) => rows.filter((r) => r.agent_id === id).length;
    expect([load(a1.id), load(a2.id)]).toEqual([3, 3]);
    const assigned = await n.a.ctx.db
      .selectFrom('events')
      .select('subject_id')
      .where('type', '=', 'livechat.assigned')
      .where(
        'subject_id',
        'in',
        citizens.map((c) => c.id),
      )
      .execute();
    expect(assigned).toHaveLength(6);
    // tidy up: these agents leave, their chats end
    for (const r of rows.filter((r) => r.status === 'active')) {
      const who = r.agent_id === a1.id ? a1 : a2;
      await who.client.post(`/api/chat/agent/conversations/${r.id}/close`, { outcome: 'answered' });
    }
    for (const a of [a1, a2]) {
      expect((await a.client.post('/api/duty/sign-out')).statusCode).toBe(200);
      await a.client.post('/api/auth/logout');
    }
    for (const c of citizens) await c.post('/api/chat/end');
  });

  it('a citizen on one node and the agent on the other chat through the event feed, in order, nothing lost or doubled', async () => {
    // (the join goes to node b: node a's per-client join limit was used by the first test)
    const agent = await onDutyAgent(n.a);
    const c = await joinChat(n.b);
    const cs = await chatSocket(n.b, { token: c.token });
    const as = await chatSocket(n.a, { staff: agent.client });
    open.push(cs, as);
    expect(as.of('welcome')[0].conversationIds).toContain(c.id);
    for (let i = 1; i <= 10; i++)
      cs.send({ t: 'send', conversationId: c.id, clientId: `citizen-${i}-xxxx`, text: `市民${i}` });
    await until(n, () => cs.of('ack').length === 10);
    await until(n, () => as.of('message').filter((f) => f.message.from === 'citizen').length >= 10);
    const got = as.of('message').filter((f) => f.message.clientId?.startsWith('citizen-'));
    expect(got.map((f) => f.message.text)).toEqual(Array.from({ length: 10 }, (_, i) => `市民${i + 1}`));
    const seqs = as.of('message').map((f) => f.message.seq);
    expect([...seqs].sort((p, q) => p - q)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    as.send({ t: 'send', conversationId: c.id, clientId: 'agent-reply-1', text: '您好，我在' });
    await until(n, () => cs.of('message').some((f) => f.message.clientId === 'agent-reply-1'));
    // the citizen's node pushed the assignment too
    expect(cs.of('conversation').at(-1)!.conversation.status).toBe('active');
  });
});
