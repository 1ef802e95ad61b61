import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { TChatServerFrame } from '../../contracts/livechat.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import { ChatClient, ChatHub } from './chat-hub.js';
import { findConversation, messagesAfter } from './livechat.repo.js';
import { presentMessages } from './livechat.presenters.js';
import { joinChat, onDutyAgent } from './livechat.test-helpers.js';

// Wednesday 2026-11-25 10:00 in Shanghai: live help is open
const OPEN = '2026-11-25T02:00:00Z';

/** A socket that keeps what the hub sends it. */
function fakeSocket() {
  const frames: TChatServerFrame[] = [];
  return {
    frames,
    socket: { readyState: 1, send: (d: string) => void frames.push(JSON.parse(d)), close: () => undefined },
  };
}

const posted = (conversationId: string, seq: number): StoredEvent => ({
  id: seq,
  type: 'livechat.message_posted',
  actorId: null,
  subjectType: 'chat_conversation',
  subjectId: conversationId,
  departmentId: null,
  data: { conversationId, seq },
  createdAt: OPEN,
});

describe('ChatHub delivery order', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ now: OPEN });
  });
  afterEach(async () => {
    await t.close();
  });

  it('a message whose event comes before an earlier one (PostgreSQL transaction order) brings the earlier one first', async () => {
    const agent = await onDutyAgent(t);
    const c = await joinChat(t);
    const row = (await findConversation(t.ctx.db, c.id))!;
    expect(row.agent_id).toBe(agent.id);
    for (const text of ['一', '二'])
      expect((await c.post('/api/chat/messages', { clientId: `hub-message-${text}`, text })).statusCode).toBe(200);
    const last = Number(
      (
        await t.ctx.db
          .selectFrom('chat_conversations')
          .select('last_seq')
          .where('id', '=', c.id)
          .executeTakeFirstOrThrow()
      ).last_seq,
    );
    const hub = new ChatHub({ db: t.ctx.db, clock: t.clock, workingTime: t.ctx.workingTime, log: t.app.log });
    const s = fakeSocket();
    const citizen = new ChatClient(s.socket, 'citizen', null, c.id);
    hub.addCitizen(citizen, row);
    citizen.sentSeq.set(c.id, last - 2);
    hub.release(citizen);

    await hub.handle(posted(c.id, last)); // the later message's event first …
    await hub.handle(posted(c.id, last - 1)); // … then the earlier one's
    const got = s.frames.flatMap((f) => (f.t === 'message' ? [[f.message.seq, f.message.text]] : []));
    expect(got).toEqual([
      [last - 1, '一'],
      [last, '二'],
    ]);
  });

  it.each([
    ['its holder as this node knows it', true],
    ['another holder (a hand-over this node has not heard of yet): the agent waits for the feed', false],
  ])(
    'a message this node stores goes at once to the sockets waiting for exactly it; one that would skip a message waits for the feed, which sends nothing twice — the sender’s conversation naming %s',
    async (_, sameHolder) => {
      const agent = await onDutyAgent(t);
      const c = await joinChat(t);
      const row = (await findConversation(t.ctx.db, c.id))!;
      expect((await c.post('/api/chat/messages', { clientId: 'hub-stored-1', text: '一' })).statusCode).toBe(200);
      expect((await c.post('/api/chat/messages', { clientId: 'hub-stored-2', text: '二' })).statusCode).toBe(200);
      const [before, m] = await presentMessages(
        t.ctx.db,
        await messagesAfter(t.ctx.db, c.id, 0, { notes: true }).then((r) => r.slice(-2)),
      );
      const hub = new ChatHub({ db: t.ctx.db, clock: t.clock, workingTime: t.ctx.workingTime, log: t.app.log });
      const sockets = { sender: fakeSocket(), tab: fakeSocket(), behind: fakeSocket(), agent: fakeSocket() };
      const sender = new ChatClient(sockets.sender.socket, 'citizen', null, c.id);
      const tab = new ChatClient(sockets.tab.socket, 'citizen', null, c.id);
      const behind = new ChatClient(sockets.behind.socket, 'citizen', null, c.id);
      const principal = {
        id: agent.id,
        username: 'a',
        displayName: 'A',
        departmentId: null,
        departmentCode: null,
        roles: [],
      };
      const agentClient = new ChatClient(sockets.agent.socket, 'agent', principal, null);
      for (const x of [sender, tab, behind]) {
        hub.addCitizen(x, row);
        x.sentSeq.set(c.id, x === behind ? before.seq - 1 : before.seq);
        hub.release(x);
      }
      hub.addAgent(agentClient, [row]);
      agentClient.sentSeq.set(c.id, before.seq);
      hub.release(agentClient);

      hub.stored(m, sender, sameHolder ? agent.id : 'another-agent');
      const seqs = (f: { frames: TChatServerFrame[] }) =>
        f.frames.flatMap((x) => (x.t === 'message' ? [x.message.seq] : []));
      expect(seqs(sockets.sender)).toEqual([]); // its ack is its copy
      expect(seqs(sockets.tab)).toEqual([m.seq]);
      expect(seqs(sockets.agent)).toEqual(sameHolder ? [m.seq] : []);
      expect(seqs(sockets.behind)).toEqual([]); // it lacks the one before: not out of order

      await hub.handle(posted(c.id, m.seq)); // the feed's copy
      expect(seqs(sockets.sender)).toEqual([]);
      expect(seqs(sockets.tab)).toEqual([m.seq]);
      expect(seqs(sockets.agent)).toEqual([m.seq]);
      expect(seqs(sockets.behind)).toEqual([before.seq, m.seq]);
    },
  );
});
