import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { TChatServerFrame } from '../../contracts/livechat.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import { ChatClient, ChatHub } from './chat-hub.js';
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
    const row = await t.ctx.db
      .selectFrom('chat_conversations')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
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
});
