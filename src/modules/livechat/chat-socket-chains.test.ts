import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommitOf } from '../../platform/db/group-commit.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { chatSocket, joinChat, onDutyAgent, until, type FrameSocket } from './livechat.test-helpers.js';

describe('an agent socket carries many chats: one conversation waiting never holds up another', () => {
  let t: TestApp;
  const open: FrameSocket[] = [];
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  });
  afterAll(async () => {
    open.forEach((s) => s.ws.terminate());
    await t.close();
  });

  it('a send in conversation B is acked while A is still being stored; A keeps its order', async () => {
    const agent = await onDutyAgent(t);
    const a = await joinChat(t);
    const b = await joinChat(t);
    const as = await chatSocket(t, { staff: agent.client });
    open.push(as);
    expect(as.of('welcome')[0].conversationIds).toEqual(expect.arrayContaining([a.id, b.id]));

    // conversation A's store is held until released (a slow disk, a lock held elsewhere)
    const gc = groupCommitOf(t.ctx.db);
    const add = gc.add.bind(gc);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    gc.add = (key: string, ...rest: [never, never]) =>
      key === a.id ? held.then(() => add(key, ...rest)) : add(key, ...rest);
    try {
      as.send({ t: 'send', conversationId: a.id, clientId: 'chain-a-0001', text: '第一条' });
      as.send({ t: 'send', conversationId: b.id, clientId: 'chain-b-0001', text: '另一位市民' });
      as.send({ t: 'send', conversationId: a.id, clientId: 'chain-a-0002', text: '第二条' });
      await until(t, () => as.of('ack').some((f) => f.clientId === 'chain-b-0001'));
      expect(as.of('ack').filter((f) => f.clientId.startsWith('chain-a'))).toHaveLength(0);
    } finally {
      release();
      gc.add = add;
    }
    await until(t, () => as.of('ack').filter((f) => f.clientId.startsWith('chain-a')).length === 2);
    const acksA = as.of('ack').filter((f) => f.clientId.startsWith('chain-a'));
    expect(acksA.map((f) => f.clientId)).toEqual(['chain-a-0001', 'chain-a-0002']);
    expect(acksA[0].message.seq).toBeLessThan(acksA[1].message.seq);
  });
});
