import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { chatSocket, joinChat, onDutyAgent, until, type Agent, type FrameSocket } from './livechat.test-helpers.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('live help over /api/chat/ws: stored before the ack, retries, resume, bad input', () => {
  let t: TestApp;
  let agent: Agent;
  const staff: Agent[] = [];
  const open: FrameSocket[] = [];
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    agent = await onDutyAgent(t);
    staff.push(agent);
  });
  afterAll(async () => {
    open.forEach((s) => s.ws.terminate());
    await t.close();
  });
  const track = (s: FrameSocket) => (open.push(s), s);
  const stored = (id: string) =>
    t.ctx.db.selectFrom('chat_messages').selectAll().where('conversation_id', '=', id).orderBy('seq').execute();

  it('a citizen message is stored, acked with its seq, and delivered to the agent; a retried clientId is one message', async () => {
    const c = await joinChat(t);
    const cs = track(await chatSocket(t, { token: c.token }));
    const as = track(await chatSocket(t, { staff: agent.client }));
    expect(cs.of('welcome')[0]).toMatchObject({ role: 'citizen', conversationIds: [c.id] });
    expect(as.of('welcome')[0].conversationIds).toContain(c.id);
    expect(cs.of('conversation')[0].conversation).toMatchObject({ status: 'active' });

    cs.send({ t: 'send', conversationId: c.id, clientId: 'cid-00000001', text: '<script>alert(1)</script> 你好' });
    await until(t, () => cs.of('ack').length === 1);
    const ack = cs.of('ack')[0];
    const rows = await stored(c.id);
    expect(rows.at(-1)).toMatchObject({ client_id: 'cid-00000001', seq: ack.message.seq, author: 'citizen' });
    expect(ack.message.text).toBe('<script>alert(1)</script> 你好'); // stored as typed; the web shows text
    await until(t, () => as.of('message').some((f) => f.message.clientId === 'cid-00000001'));

    // the same clientId again (a retry after a lost ack), also twice at once: the stored message answers
    cs.send({ t: 'send', conversationId: c.id, clientId: 'cid-00000001', text: '<script>alert(1)</script> 你好' });
    cs.send({ t: 'send', conversationId: c.id, clientId: 'cid-00000001', text: '<script>alert(1)</script> 你好' });
    const rest = await Promise.all([
      c.post('/api/chat/messages', { clientId: 'cid-00000002', text: '并发' }),
      c.post('/api/chat/messages', { clientId: 'cid-00000002', text: '并发' }),
    ]);
    expect(rest.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(rest[0].json().message.id).toBe(rest[1].json().message.id);
    await until(t, () => cs.of('ack').length === 3);
    expect(new Set(cs.of('ack').map((a) => a.message.id)).size).toBe(1);
    expect((await stored(c.id)).filter((m) => m.client_id?.startsWith('cid-')).length).toBe(2);
    await new Promise((r) => setTimeout(r, 100));
    await t.ctx.feed.poll();
    const delivered = as.of('message').filter((f) => f.message.conversationId === c.id);
    expect(delivered.filter((f) => f.message.clientId === 'cid-00000001')).toHaveLength(1);
    // the agent's reply reaches the citizen with the agent's name; the first response is stored
    as.send({ t: 'send', conversationId: c.id, clientId: 'agent-0000001', text: '您好' });
    await until(t, () => cs.of('message').some((f) => f.message.clientId === 'agent-0000001'));
    expect(cs.of('message').find((f) => f.message.clientId === 'agent-0000001')!.message.author?.displayName).toMatch(
      /测试用户/,
    );
    // … and the agent's screens are told the clock stopped, in one small frame (no re-read of the chat)
    await until(t, () => as.of('first_responded').length === 1);
    expect(as.of('first_responded')[0]).toMatchObject({ conversationId: c.id, afterTransfer: false });
    expect(cs.of('first_responded')).toHaveLength(0);
    // a note never reaches the citizen
    as.send({ t: 'send', conversationId: c.id, clientId: 'agent-note-01', kind: 'note', text: '内部' });
    await until(t, () => as.of('ack').some((a) => a.clientId === 'agent-note-01'));
    await new Promise((r) => setTimeout(r, 100));
    await t.ctx.feed.poll();
    expect(cs.frames.some((f) => f.t === 'message' && f.message.kind === 'note')).toBe(false);
    // typing and read reach the other side; read is stored
    cs.send({ t: 'typing', conversationId: c.id });
    await until(t, () => as.of('typing').length > 0);
    const last = (await stored(c.id)).at(-1)!.seq;
    cs.send({ t: 'read', conversationId: c.id, seq: last });
    await until(t, () => as.of('read').some((r) => r.seq === last));
    const conv = await t.ctx.db
      .selectFrom('chat_conversations')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(conv.citizen_read_seq).toBe(last);
  });

  it('resumes after a reconnect with exactly the missed messages, in order, once', async () => {
    const c = await joinChat(t);
    const first = track(await chatSocket(t, { token: c.token }));
    const as = track(await chatSocket(t, { staff: agent.client }));
    await until(t, () => as.of('agent_conversation').some((f) => f.conversation.id === c.id) || true);
    const before = (await stored(c.id)).at(-1)!.seq;
    first.ws.terminate(); // network drop
    for (let i = 1; i <= 5; i++)
      await agent.client.post(`/api/chat/agent/conversations/${c.id}/messages`, {
        clientId: `missed-${i}-xxxxx`,
        text: `第${i}条`,
      });
    const again = track(await chatSocket(t, { token: c.token }, [{ conversationId: c.id, afterSeq: before }]));
    await agent.client.post(`/api/chat/agent/conversations/${c.id}/messages`, {
      clientId: 'live-after-x1',
      text: '第6条',
    });
    await until(t, () => again.of('message').some((f) => f.message.clientId === 'live-after-x1'));
    await new Promise((r) => setTimeout(r, 100));
    await t.ctx.feed.poll();
    const seqs = again.of('message').map((f) => f.message.seq);
    const expected = (await stored(c.id)).filter((m) => m.seq > before && m.kind !== 'note').map((m) => m.seq);
    expect(seqs).toEqual(expected); // nothing lost, nothing twice, in order
    expect(again.of('message').map((f) => f.message.text)).toEqual([
      '第1条',
      '第2条',
      '第3条',
      '第4条',
      '第5条',
      '第6条',
    ]);
  });

  it('refuses bad input: malformed frames, another conversation, oversized frames, floods, lying files', async () => {
    const mine = await joinChat(t);
    const other = await joinChat(t);
    const s = track(await chatSocket(t, { token: mine.token }));
    const count = async () => (await stored(other.id)).length;
    const otherBefore = await count();
    s.ws.send('{not json');
    s.send({ t: 'send', conversationId: mine.id, clientId: 'short', text: 'x' }); // clientId too short
    s.send({ t: 'send', conversationId: other.id, clientId: 'intruder-0001', text: '我是别人' });
    await until(t, () => s.of('reject').length === 3);
    expect(s.of('reject').map((r) => r.code)).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED', 'NOT_FOUND']);
    expect(s.of('reject')[2].message.zh).toBeTruthy();
    expect(await count()).toBe(otherBefore);
    // a staff socket of an outsider cannot write either
    const outsider = await onDutyAgent(t);
    staff.push(outsider);
    const os = track(await chatSocket(t, { staff: outsider.client }));
    os.send({ t: 'send', conversationId: mine.id, clientId: 'outsider-0001', text: '插话' });
    await until(t, () => os.of('reject').length === 1);
    expect(os.of('reject')[0].code).toBe('NOT_FOUND');
    // a staff socket from another site is closed
    const foreign = await chatSocket(t, { staff: agent.client }, undefined, 'https://evil.example');
    expect(foreign.closedWith).toBe(4403);
    expect(foreign.of('welcome')).toEqual([]);
    // flood: past the burst, frames are rejected (RATE_LIMITED) and not stored
    for (let i = 0; i < 40; i++)
      s.send({ t: 'send', conversationId: mine.id, clientId: `flood-${i}-xxxxxx`, text: `刷屏${i}` });
    await until(t, () => s.of('reject').some((r) => r.code === 'RATE_LIMITED') && s.of('ack').length >= 15);
    const flooded = (await stored(mine.id)).filter((m) => m.client_id?.startsWith('flood-')).length;
    expect(flooded).toBeLessThan(40);
    // other conversations are unaffected: a second socket still chats
    const o = track(await chatSocket(t, { token: other.token }));
    o.send({ t: 'send', conversationId: other.id, clientId: 'other-ok-0001', text: '正常' });
    await until(t, () => o.of('ack').length === 1);
    // oversized frame: the socket is closed with 1009
    s.ws.send(
      JSON.stringify({ t: 'send', conversationId: mine.id, clientId: 'huge-0000001', text: 'x'.repeat(20_000) }),
    );
    await until(t, () => s.closedWith !== null);
    expect(s.closedWith).toBe(1009);
    // a PDF named .png is refused; a real PNG is stored and served only to the participants
    const lying = await mine.post('/api/chat/files?clientId=file-000001&name=photo.png', undefined);
    expect(lying.statusCode).toBe(400);
  });

  it('files: type read from the content, a lying extension refused, served only to the participants', async () => {
    const c = await joinChat(t);
    const other = await joinChat(t);
    const up = (who: typeof c, name: string, body: Buffer, clientId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/chat/files?clientId=${clientId}&name=${encodeURIComponent(name)}`,
        headers: { 'content-type': 'application/octet-stream', 'x-chat-token': who.token },
        payload: body,
      });
    const lying = await up(c, 'photo.png', Buffer.from('%PDF-1.4 fake'), 'file-lie-0001');
    expect(lying.statusCode).toBe(400);
    expect(lying.json().error.messages.zh).toContain('.png');
    const exe = await up(c, 'a.pdf', Buffer.from('MZ\x90\x00'), 'file-exe-0001');
    expect(exe.statusCode).toBe(400);
    const ok = await up(c, '水表.png', PNG, 'file-png-0001');
    expect(ok.statusCode).toBe(200);
    const file = ok.json().message.file;
    expect(file).toMatchObject({ mime: 'image/png', name: '水表.png', size: PNG.length });
    const again = await up(c, '水表.png', PNG, 'file-png-0001');
    expect(again.json().message.id).toBe(ok.json().message.id);
    const mineGet = await t.app.inject({ url: `/api/chat/files/${file.id}`, headers: { 'x-chat-token': c.token } });
    expect(mineGet.statusCode).toBe(200);
    expect(mineGet.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(mineGet.rawPayload, PNG)).toBe(0);
    const theirs = await t.app.inject({ url: `/api/chat/files/${file.id}`, headers: { 'x-chat-token': other.token } });
    expect(theirs.statusCode).toBe(404);
    const row = await t.ctx.db
      .selectFrom('chat_conversations')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const holder = staff.find((a) => a.id === row.agent_id)!;
    expect((await holder.client.get(`/api/chat/agent/files/${file.id}`)).statusCode).toBe(200);
    const outsider = await onDutyAgent(t, 'business_agent', 'drainage');
    expect((await outsider.client.get(`/api/chat/agent/files/${file.id}`)).statusCode).toBe(404);
    const big = await up(
      c,
      'big.pdf',
      Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5 * 1024 * 1024)]),
      'file-big-0001',
    );
    expect([400, 413]).toContain(big.statusCode);
  });
});
