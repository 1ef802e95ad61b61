import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { handOverChats } from './use-cases/hand-over.js';
import { routeQueue } from './use-cases/route-queue.js';
import { sweepTimers } from './use-cases/sweep-timers.js';
import { joinChat, onDutyAgent, until } from './livechat.test-helpers.js';

// Wednesday 2026-11-25 10:00 in Shanghai: live help is open (09:00–11:30, 13:30–16:30)
const OPEN = '2026-11-25T02:00:00Z';

describe('live help: queue, routing, the first-response minute, transfer, hand-over', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ now: OPEN });
  });
  afterEach(async () => {
    await t.close();
  });

  const conv = (id: string) =>
    t.ctx.db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = (type: string, subjectId: string) =>
    t.ctx.db.selectFrom('events').select('data').where('type', '=', type).where('subject_id', '=', subjectId).execute();

  it('routes each citizen to the agent with the fewest open chats, up to the per-agent limit', async () => {
    const office = await t.as('office1');
    expect((await office.put('/api/chat/settings', { maxChatsPerAgent: 2 })).statusCode).toBe(200);
    const a = await onDutyAgent(t);
    const b = await onDutyAgent(t);
    const citizens = [];
    for (let i = 0; i < 5; i++) citizens.push(await joinChat(t));
    const rows = await Promise.all(citizens.map((c) => conv(c.id)));
    const loads = new Map<string | null, number>();
    for (const r of rows) loads.set(r.agent_id, (loads.get(r.agent_id) ?? 0) + 1);
    expect(loads.get(a.id)).toBe(2);
    expect(loads.get(b.id)).toBe(2);
    expect(rows[4]).toMatchObject({ status: 'queued', agent_id: null });
    expect(rows[0].number).toMatch(/^ZX2026\d{6}$/);
    // the waiting citizen sees a position and an estimate; the served one sees the agent's name
    const waiting = (await citizens[4].get('/api/chat/conversation')).json();
    expect(waiting).toMatchObject({ status: 'queued', position: 1, agent: null });
    expect(waiting.estimatedWaitSeconds).toBeGreaterThan(0);
    const served = (await citizens[0].get('/api/chat/conversation')).json();
    expect(served.status).toBe('active');
    expect(served.agent.displayName).toMatch(/测试用户/);
    // a's list holds its two; closing one frees a place, and the waiting citizen goes there
    const list = (await a.client.get('/api/chat/agent/conversations')).json().items;
    expect(list).toHaveLength(2);
    const first = list[0].id as string;
    expect(
      (await a.client.post(`/api/chat/agent/conversations/${first}/close`, { outcome: 'answered' })).statusCode,
    ).toBe(200);
    expect((await conv(citizens[4].id)).agent_id).toBe(a.id);
    expect(await events('livechat.assigned', citizens[4].id)).toHaveLength(1);
  });

  it('routes a burst of requests in at most two passes per node, each waiting citizen once', async () => {
    const waiting = [];
    for (let i = 0; i < 4; i++) waiting.push(await joinChat(t)); // nobody on duty: they wait
    for (const c of waiting) expect((await conv(c.id)).status).toBe('queued');
    await onDutyAgent(t);
    const calls = Array.from({ length: 20 }, () => routeQueue(t.ctx, t.clock.now()));
    // the first call runs a pass; the 19 others share the one pass that follows it
    expect(new Set(calls).size).toBeLessThanOrEqual(2);
    await Promise.all(calls);
    for (const c of waiting) {
      expect((await conv(c.id)).status).toBe('active');
      expect(await events('livechat.assigned', c.id)).toHaveLength(1);
    }
  });

  it('holds back an agent message with a forbidden phrase: warned with the wording to use, counted, sent only when insisted on', async () => {
    const a = await onDutyAgent(t);
    const c = await joinChat(t);
    const send = (force?: boolean) =>
      a.client.post(`/api/chat/agent/conversations/${c.id}/messages`, {
        clientId: 'agent-msg-0001',
        text: '这个不归我管，你自己去看',
        force,
      });
    const warned = await send();
    expect(warned.statusCode).toBe(200);
    expect(warned.json().message).toBeNull();
    expect(
      warned
        .json()
        .warning.map((w: { phrase: string }) => w.phrase)
        .sort(),
    ).toEqual(['不归我管', '你自己去看']);
    expect(warned.json().warning[0].suggestion).not.toBe('');
    const stored = () => t.ctx.db.selectFrom('chat_messages').select('id').where('author', '=', 'agent').execute();
    expect(await stored()).toHaveLength(0);
    const stats = (await (await t.as('office1')).get('/api/conduct/phrase-stats')).json();
    expect(JSON.stringify(stats)).toContain('不归我管');
    const sent = await send(true);
    expect(sent.json().message.text).toBe('这个不归我管，你自己去看');
    expect(await stored()).toHaveLength(1);
  });

  it('warns ~15 s before the minute, records the breach when it lapses and offers the chat to another agent', async () => {
    const a = await onDutyAgent(t);
    const c = await joinChat(t);
    const row = await conv(c.id);
    expect(row.agent_id).toBe(a.id);
    expect(row.first_response_due_at).toBe('2026-11-25T02:01:00.000Z'); // one working minute, stored
    const b = await onDutyAgent(t); // signs in after the assignment

    t.clock.set('2026-11-25T02:00:40Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).warned).toEqual([]);
    t.clock.set('2026-11-25T02:00:46Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).warned).toEqual([c.id]);
    expect((await sweepTimers(t.ctx, t.clock.now())).warned).toEqual([]); // once
    expect(await events('livechat.first_response_warning', c.id)).toHaveLength(1);

    t.clock.set('2026-11-25T02:01:00Z');
    const swept = await sweepTimers(t.ctx, t.clock.now());
    expect(swept.breached).toEqual([c.id]);
    expect(swept.assigned).toEqual([c.id]);
    const after = await conv(c.id);
    expect(after).toMatchObject({ status: 'active', agent_id: b.id, breached: 1 });
    expect(after.first_response_due_at).toBe('2026-11-25T02:02:00.000Z');
    const breaches = await t.ctx.db
      .selectFrom('chat_breaches')
      .selectAll()
      .where('conversation_id', '=', c.id)
      .execute();
    expect(breaches).toMatchObject([{ agent_id: a.id, due_at: '2026-11-25T02:01:00.000Z' }]);
    expect(await events('livechat.first_response_breached', c.id)).toHaveLength(1);
    // the supervisor's wall counts it; a's list no longer has it
    const wall = (await (await t.as('office1')).get('/api/chat/wall')).json();
    expect(wall.today.breaches).toBe(1);
    expect(wall.breaches[0]).toMatchObject({ conversationId: c.id });
    expect((await a.client.get('/api/chat/agent/conversations')).json().items).toEqual([]);

    // b answers in time: the first response is stored and the timer stops
    t.clock.set('2026-11-25T02:01:30Z');
    const sent = await b.client.post(`/api/chat/agent/conversations/${c.id}/messages`, {
      clientId: 'agent-msg-0001',
      text: '您好，请问有什么可以帮您？',
    });
    expect(sent.statusCode).toBe(200);
    expect((await conv(c.id)).first_response_at).toBe('2026-11-25T02:01:30.000Z');
    t.clock.set('2026-11-25T02:03:00Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).breached).toEqual([]);
  });

  it('transfers to an on-duty business agent of the department, or leaves it with the department for a working day', async () => {
    const a = await onDutyAgent(t);
    const water = await onDutyAgent(t, 'business_agent', 'water-resources');
    const outsider = await onDutyAgent(t, 'business_agent', 'water-supply');
    const dept = async (code: string) =>
      (await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

    const c1 = await joinChat(t);
    const res = await a.client.post(`/api/chat/agent/conversations/${c1.id}/transfer`, {
      departmentId: await dept('water-resources'),
      note: '取水许可变更，需业务处室答复',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'transferred', agentId: water.id });
    const seen = (await c1.get('/api/chat/conversation')).json();
    expect(seen.status).toBe('transferred');
    expect(seen.department.zh).toBeTruthy();
    const msgs = (await c1.get('/api/chat/messages')).json().items;
    expect(msgs.at(-1).text).toContain(seen.department.zh);
    // the business agent sees the whole history and the note; another department does not see it at all
    const detail = (await water.client.get(`/api/chat/agent/conversations/${c1.id}`)).json();
    expect(detail.messages.map((m: { text: string }) => m.text)).toContain('取水许可怎么办？');
    expect(detail.transfers[0]).toMatchObject({ note: '取水许可变更，需业务处室答复' });
    expect((await outsider.client.get(`/api/chat/agent/conversations/${c1.id}`)).statusCode).toBe(404);
    // the window agent who held it still reads it but can no longer answer
    expect((await a.client.get(`/api/chat/agent/conversations/${c1.id}`)).statusCode).toBe(200);
    const late = await a.client.post(`/api/chat/agent/conversations/${c1.id}/messages`, {
      clientId: 'late-answer-1',
      text: '还在吗',
    });
    expect(late.statusCode).toBe(403);

    // drainage has no business agent on duty: the department answers within one working day
    const c2 = await joinChat(t);
    const drainage = await dept('drainage');
    const res2 = await a.client.post(`/api/chat/agent/conversations/${c2.id}/transfer`, {
      departmentId: drainage,
      note: '排水接管问题',
    });
    expect(res2.json()).toMatchObject({ status: 'awaiting_department', agentId: null, departmentId: drainage });
    expect((await conv(c2.id)).department_due_at).toBe('2026-11-26T09:00:00.000Z');
    const drain = await onDutyAgent(t, 'business_agent', 'drainage');
    const list = (await drain.client.get('/api/chat/agent/conversations')).json().items;
    expect(list.map((x: { id: string }) => x.id)).toEqual([c2.id]);
    expect(list[0]).toMatchObject({ departmentDueAt: '2026-11-26T09:00:00.000Z', departmentOverdue: false });
    // past the due time the sweep marks it overdue once, with an event naming the department
    const past = new Date('2026-11-26T09:00:01Z');
    expect((await sweepTimers(t.ctx, past)).departmentOverdue).toEqual([c2.id]);
    expect((await sweepTimers(t.ctx, past)).departmentOverdue).toEqual([]);
    const overdue = await t.ctx.db
      .selectFrom('events')
      .select(['department_id', 'data'])
      .where('type', '=', 'livechat.department_overdue')
      .execute();
    expect(overdue).toHaveLength(1);
    expect(overdue[0].department_id).toBe(drainage);
    expect(JSON.parse(overdue[0].data)).toMatchObject({ conversationId: c2.id, dueAt: '2026-11-26T09:00:00.000Z' });
    const later = (await drain.client.get('/api/chat/agent/conversations')).json().items;
    expect(later[0]).toMatchObject({ id: c2.id, departmentOverdue: true });
    expect((await water.client.post(`/api/chat/agent/conversations/${c2.id}/take`)).statusCode).toBe(404);
    expect((await drain.client.post(`/api/chat/agent/conversations/${c2.id}/take`)).statusCode).toBe(200);
    expect(await conv(c2.id)).toMatchObject({ status: 'transferred', agent_id: drain.id });
  });

  it('gives the business agent a minute after a transfer: warned, breach recorded, offered to another of the department, then the department', async () => {
    const a = await onDutyAgent(t);
    const w1 = await onDutyAgent(t, 'business_agent', 'water-resources');
    const w2 = await onDutyAgent(t, 'business_agent', 'water-resources');
    const water = (
      await t.ctx.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'water-resources')
        .executeTakeFirstOrThrow()
    ).id;
    const transfer = (id: string) =>
      a.client.post(`/api/chat/agent/conversations/${id}/transfer`, { departmentId: water, note: '请业务处室答复' });
    const holderOf = async (id: string) => ((await conv(id)).agent_id === w1.id ? w1 : w2);
    const otherThan = (x: { id: string }) => (x.id === w1.id ? w2 : w1);

    const c1 = await joinChat(t);
    await a.client.post(`/api/chat/agent/conversations/${c1.id}/messages`, { clientId: 'win-0001', text: '您好' });
    expect((await transfer(c1.id)).statusCode).toBe(200);
    const first = await holderOf(c1.id);
    // the due time is stored from `now` (one working minute), and the workspace gets it
    expect(await conv(c1.id)).toMatchObject({
      transfer_due_at: '2026-11-25T02:01:00.000Z',
      transfer_response_at: null,
    });
    const listed = (await first.client.get('/api/chat/agent/conversations')).json().items;
    expect(listed[0]).toMatchObject({ id: c1.id, transferDueAt: '2026-11-25T02:01:00.000Z', transferResponseAt: null });

    t.clock.set('2026-11-25T02:00:40Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).warned).toEqual([]);
    t.clock.set('2026-11-25T02:00:46Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).warned).toEqual([c1.id]);
    expect((await sweepTimers(t.ctx, t.clock.now())).warned).toEqual([]); // once
    const warned = await events('livechat.first_response_warning', c1.id);
    expect(warned.map((e) => JSON.parse(e.data))).toMatchObject([{ agentId: first.id, afterTransfer: true }]);

    // lapsed: the breach is recorded (the wall counts it), the chat goes to the other business agent with a fresh minute
    t.clock.set('2026-11-25T02:01:00Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).breached).toEqual([c1.id]);
    const second = otherThan(first);
    expect(await conv(c1.id)).toMatchObject({
      status: 'transferred',
      agent_id: second.id,
      department_id: water,
      transfer_due_at: '2026-11-25T02:02:00.000Z',
      warned_at: null,
    });
    const breaches = await t.ctx.db
      .selectFrom('chat_breaches')
      .selectAll()
      .where('conversation_id', '=', c1.id)
      .execute();
    expect(breaches).toMatchObject([{ agent_id: first.id, due_at: '2026-11-25T02:01:00.000Z' }]);
    const breached = await events('livechat.first_response_breached', c1.id);
    expect(breached.map((e) => JSON.parse(e.data))).toMatchObject([{ agentId: first.id, afterTransfer: true }]);
    const moves = await events('livechat.transferred', c1.id);
    expect(JSON.parse(moves.at(-1)!.data)).toMatchObject({ from: 'transferred', agentId: second.id });
    const wall = (await (await t.as('office1')).get('/api/chat/wall')).json();
    expect(wall.today.breaches).toBe(1);
    expect((await first.client.get('/api/chat/agent/conversations')).json().items).toEqual([]);
    expect((await c1.get('/api/chat/messages')).json().items.at(-1).text).toContain('另一位业务客服');
    // supervisors are alerted (notification centre, an escalation naming the transfer)
    const alerts = () =>
      t.ctx.db
        .selectFrom('notifications')
        .select(['kind', 'title_zh'])
        .where('subject_id', '=', c1.id)
        .where('kind', '=', 'escalation')
        .execute();
    await until(t, async () => (await alerts()).length > 0);
    expect((await alerts())[0].title_zh).toContain('转派后业务客服响应超时');

    // the second answers in time: the answer is stored once, and the clock no longer lapses
    t.clock.set('2026-11-25T02:01:30Z');
    const sent = await second.client.post(`/api/chat/agent/conversations/${c1.id}/messages`, {
      clientId: 'biz-0001',
      text: '您好，我是业务处室的客服。',
    });
    expect(sent.statusCode).toBe(200);
    expect((await conv(c1.id)).transfer_response_at).toBe('2026-11-25T02:01:30.000Z');
    const answered = await events('livechat.first_responded', c1.id);
    expect(answered.map((e) => JSON.parse(e.data)).filter((d) => d.afterTransfer)).toMatchObject([
      { agentId: second.id, withinDue: true },
    ]);
    t.clock.set('2026-11-25T02:03:00Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).breached).toEqual([]);
    expect((await conv(c1.id)).agent_id).toBe(second.id);

    // neither lets the minute pass twice: once both have lapsed the department answers within a working day
    const c2 = await joinChat(t);
    expect((await transfer(c2.id)).statusCode).toBe(200);
    const x = await holderOf(c2.id);
    expect(x.id).toBe(first.id); // the one with fewer open chats
    t.clock.set('2026-11-25T02:04:00Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).breached).toEqual([c2.id]);
    expect((await conv(c2.id)).agent_id).toBe(second.id);
    t.clock.set('2026-11-25T02:05:00Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).breached).toEqual([c2.id]);
    expect(await conv(c2.id)).toMatchObject({
      status: 'awaiting_department',
      agent_id: null,
      department_due_at: '2026-11-26T09:00:00.000Z',
      transfer_due_at: null,
    });
    expect(await events('livechat.first_response_breached', c2.id)).toHaveLength(2);
    // taken from the department's list: the business agent chose it, no clock runs
    expect((await first.client.post(`/api/chat/agent/conversations/${c2.id}/take`)).statusCode).toBe(200);
    expect(await conv(c2.id)).toMatchObject({ status: 'transferred', agent_id: first.id, transfer_due_at: null });
    t.clock.set('2026-11-25T02:10:00Z');
    expect((await sweepTimers(t.ctx, t.clock.now())).breached).toEqual([]);
  });

  it('hands a signed-out agent’s chats to the others (duty.signed_out, once per cluster)', async () => {
    const a = await onDutyAgent(t);
    const c = await joinChat(t);
    expect((await conv(c.id)).agent_id).toBe(a.id);
    const b = await onDutyAgent(t);
    await a.client.post('/api/auth/logout'); // off duty (until the duty module: no live session)
    // the duty module's event, as it will be recorded (the type is not in this branch's catalogue yet)
    await t.ctx.feed.poll(); // the durable consumer starts at the tail
    await t.ctx.db
      .insertInto('events')
      .values({
        type: 'duty.signed_out',
        actor_id: a.id,
        actor_label: 'a',
        subject_type: 'user',
        subject_id: a.id,
        subject_label: null,
        department_id: null,
        data: JSON.stringify({ userId: a.id, reason: 'self' }),
        ip: null,
        request_id: null,
        created_at: t.clock.now().toISOString(),
        created_on: '2026-11-25',
      })
      .execute();
    await until(t, async () => (await conv(c.id)).agent_id === b.id);
    expect(await conv(c.id)).toMatchObject({ status: 'active', agent_id: b.id });
    expect(await events('livechat.requeued', c.id)).toHaveLength(1);
    // running it again changes nothing
    expect(await handOverChats(t.ctx, SYSTEM_ACTOR, t.clock.now(), a.id, 'self')).toEqual({ handedOver: 0 });
  });

  it('a business agent signing out passes each transferred chat to the least-loaded colleague with a fresh minute, then to the department', async () => {
    await t.ctx.feed.poll(); // the durable hand-over consumer starts at the tail
    const a = await onDutyAgent(t);
    const water = (
      await t.ctx.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'water-resources')
        .executeTakeFirstOrThrow()
    ).id;
    const transfer = async () => {
      const c = await joinChat(t);
      const res = await a.client.post(`/api/chat/agent/conversations/${c.id}/transfer`, {
        departmentId: water,
        note: '请答复',
      });
      expect(res.statusCode, res.body).toBe(200);
      return c;
    };
    // w1 holds two, w2 two, w3 none
    const w1 = await onDutyAgent(t, 'business_agent', 'water-resources');
    const [c1, c2] = [await transfer(), await transfer()];
    const w2 = await onDutyAgent(t, 'business_agent', 'water-resources');
    const [c3, c4] = [await transfer(), await transfer()];
    const w3 = await onDutyAgent(t, 'business_agent', 'water-resources');
    for (const c of [c1, c2]) expect((await conv(c.id)).agent_id).toBe(w1.id);
    for (const c of [c3, c4]) expect((await conv(c.id)).agent_id).toBe(w2.id);

    // 10:00:30 w1 signs out: both go to w3 (0, then 1 open chat against w2's 2), each with a minute from now
    t.clock.set('2026-11-25T02:00:30Z');
    expect((await w1.client.post('/api/duty/sign-out', {})).statusCode).toBe(200);
    await until(t, async () => (await conv(c2.id)).agent_id === w3.id);
    for (const c of [c1, c2]) {
      expect(await conv(c.id)).toMatchObject({
        status: 'transferred',
        agent_id: w3.id,
        department_id: water,
        transfer_due_at: '2026-11-25T02:01:30.000Z',
        transfer_response_at: null,
        department_due_at: null,
      });
      const moves = await events('livechat.transferred', c.id);
      expect(JSON.parse(moves.at(-1)!.data)).toMatchObject({ from: 'transferred', agentId: w3.id });
      expect((await c.get('/api/chat/messages')).json().items.at(-1).text).toContain('另一位业务客服');
    }
    expect((await w3.client.get('/api/chat/agent/conversations')).json().items).toHaveLength(2);

    // w3 signs out: its two to w2, the only one left; then w2 signs out: all four wait for the department
    t.clock.set('2026-11-25T02:00:40Z');
    expect((await w3.client.post('/api/duty/sign-out', {})).statusCode).toBe(200);
    await until(t, async () => (await conv(c2.id)).agent_id === w2.id && (await conv(c1.id)).agent_id === w2.id);
    expect((await conv(c1.id)).transfer_due_at).toBe('2026-11-25T02:01:40.000Z');
    expect((await w2.client.post('/api/duty/sign-out', {})).statusCode).toBe(200);
    await until(t, async () => {
      const rows = await Promise.all([c1, c2, c3, c4].map((c) => conv(c.id)));
      return rows.every((r) => r.status === 'awaiting_department');
    });
    for (const c of [c1, c2, c3, c4])
      expect(await conv(c.id)).toMatchObject({
        agent_id: null,
        department_id: water,
        department_due_at: '2026-11-26T09:00:00.000Z',
        transfer_due_at: null,
      });
    expect((await c4.get('/api/chat/messages')).json().items.at(-1).text).toContain('1 个工作日内答复');
    // signing out lapses no minute: no breach was recorded
    expect(await t.ctx.db.selectFrom('chat_breaches').select('id').execute()).toEqual([]);
  });

  it('at the end of hours waiting and window chats end, the citizen offered a message; joining is refused (409)', async () => {
    await onDutyAgent(t);
    const served = await joinChat(t);
    const office = await t.as('office1');
    await office.put('/api/chat/settings', { maxChatsPerAgent: 1 });
    const waiting = await joinChat(t);
    t.clock.set('2026-11-25T03:31:00Z'); // 11:31, lunch break
    const swept = await sweepTimers(t.ctx, t.clock.now());
    expect(swept.closed.sort()).toEqual([served.id, waiting.id].sort());
    expect(await conv(waiting.id)).toMatchObject({ status: 'closed', outcome: 'out_of_hours' });
    const last = (await waiting.get('/api/chat/messages')).json().items.at(-1);
    expect(last.text).toContain('留言');
    const refused = await t.client().post('/api/chat/conversations', { channel: 'portal' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ reason: 'out_of_hours', leaveMessage: '/api/bot/messages' });
  });

  it('the bot stays silent once the citizen is with live help, and its history travels to the agent', async () => {
    const a = await onDutyAgent(t);
    const anon = t.client();
    const s = (await anon.post('/api/bot/sessions', { channel: 'portal' })).json();
    const bot = { 'x-bot-token': s.token };
    expect((await anon.post('/api/bot/ask', { question: '取水许可证怎么申请？' }, bot)).statusCode).toBe(200);
    const c = await joinChat(t, { botToken: s.token, question: undefined });
    const detail = (await a.client.get(`/api/chat/agent/conversations/${c.id}`)).json();
    expect(detail.botHistory.map((h: { question: string }) => h.question)).toEqual(['取水许可证怎么申请？']);
    expect(detail.topic).toBe('取水许可证怎么申请？');
    const silent = await anon.post('/api/bot/ask', { question: '人呢？' }, bot);
    expect(silent.statusCode).toBe(409);
    expect(silent.json().error.details).toMatchObject({ reason: 'with_live_help' });
    const turns = await t.ctx.db.selectFrom('bot_turns').select('id').where('session_id', '=', s.sessionId).execute();
    expect(turns).toHaveLength(1);
  });

  it('closes with an outcome (hotline case stored), keeps notes from the citizen, rates once, proposes the answer to the KB, gives a transcript', async () => {
    const a = await onDutyAgent(t);
    const c = await joinChat(t);
    const base = `/api/chat/agent/conversations/${c.id}`;
    await a.client.post(`${base}/messages`, { clientId: 'answer-00001', text: '<b>请</b>带身份证到窗口办理。' });
    await a.client.post(`${base}/note`, { clientId: 'note-0000001', text: '市民情绪稳定' });
    const citizenView = (await c.get('/api/chat/messages')).json().items;
    expect(citizenView.some((m: { kind: string }) => m.kind === 'note')).toBe(false);
    expect(citizenView.some((m: { text: string }) => m.text === '<b>请</b>带身份证到窗口办理。')).toBe(true); // as typed
    const proposed = await a.client.post(`${base}/propose-kb`, {
      question: '取水许可怎么办？',
      answer: '带身份证到窗口办理。',
      departmentId: (
        await t.ctx.db
          .selectFrom('departments')
          .select('id')
          .where('code', '=', 'water-resources')
          .executeTakeFirstOrThrow()
      ).id,
    });
    expect(proposed.statusCode).toBe(200);
    const p = await t.ctx.db
      .selectFrom('kb_proposals')
      .selectAll()
      .where('id', '=', proposed.json().proposalId)
      .executeTakeFirstOrThrow();
    expect(p).toMatchObject({ source: 'live_help', status: 'open' });
    expect((await c.post('/api/chat/rating', { level: 5 })).statusCode).toBe(409); // not ended yet
    const sent = await c.post('/api/chat/messages', { clientId: 'before-close-1', text: '好的，谢谢' });
    expect(sent.statusCode).toBe(200);
    expect(
      (await a.client.post(`${base}/close`, { outcome: 'pushed_to_hotline', note: '需现场核查' })).statusCode,
    ).toBe(200);
    const hotline = await t.ctx.db
      .selectFrom('chat_hotline_cases')
      .selectAll()
      .where('conversation_id', '=', c.id)
      .execute();
    expect(hotline).toMatchObject([{ note: '需现场核查', status: 'pending' }]);
    expect((await c.post('/api/chat/rating', { level: 5, comment: '很好' })).statusCode).toBe(200);
    expect((await c.post('/api/chat/rating', { level: 5, comment: '很好' })).statusCode).toBe(200); // a retry
    expect((await c.post('/api/chat/rating', { level: 1 })).statusCode).toBe(409);
    expect((await c.get('/api/chat/conversation')).json()).toMatchObject({ rated: true, outcome: 'pushed_to_hotline' });
    const txt = await c.get('/api/chat/transcript?format=txt');
    expect(txt.headers['content-type']).toContain('text/plain');
    expect(txt.body).toContain('带身份证到窗口办理');
    expect(txt.body).not.toContain('市民情绪稳定');
    const pdf = await c.get('/api/chat/transcript?format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await c.post('/api/chat/messages', { clientId: 'after-close-1', text: '还有问题' })).statusCode).toBe(409);
    // a retry of a message stored before the end (its answer lost) is answered with it, not refused
    const again = await c.post('/api/chat/messages', { clientId: 'before-close-1', text: '好的，谢谢' });
    expect(again.statusCode).toBe(200);
    expect(again.json().message.id).toBe(sent.json().message.id);
  });

  it('consults a department staff-only beside the conversation; lists are scoped by department', async () => {
    const a = await onDutyAgent(t);
    const water = await onDutyAgent(t, 'business_agent', 'water-resources');
    const supply = await onDutyAgent(t, 'business_agent', 'water-supply');
    const c = await joinChat(t);
    const waterId = (
      await t.ctx.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'water-resources')
        .executeTakeFirstOrThrow()
    ).id;
    const asked = await a.client.post(`/api/chat/agent/conversations/${c.id}/consults`, {
      departmentId: waterId,
      text: '取水许可延续要多久？',
    });
    expect(asked.statusCode).toBe(201);
    const consultId = asked.json().id as string;
    // the department's business agent sees it in their consultations and answers; the conversation is readable to them
    const theirs = (await water.client.get('/api/chat/consults')).json().items;
    expect(theirs.map((k: { id: string }) => k.id)).toEqual([consultId]);
    expect(
      (await water.client.post(`/api/chat/consults/${consultId}/messages`, { text: '20 个工作日' })).statusCode,
    ).toBe(200);
    expect((await water.client.get(`/api/chat/agent/conversations/${c.id}`)).statusCode).toBe(200);
    // another department sees nothing of it
    expect((await supply.client.get('/api/chat/consults')).json().items).toEqual([]);
    expect((await supply.client.post(`/api/chat/consults/${consultId}/messages`, { text: '插话' })).statusCode).toBe(
      404,
    );
    expect((await supply.client.get(`/api/chat/agent/conversations/${c.id}`)).statusCode).toBe(404);
    const thread = (await a.client.get(`/api/chat/agent/conversations/${c.id}/consults`)).json().items[0];
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual(['取水许可延续要多久？', '20 个工作日']);
    // never shown to the citizen
    const seen = JSON.stringify((await c.get('/api/chat/messages')).json());
    expect(seen).not.toContain('20 个工作日');
    // the wall is the supervisors'; an agent gets 403; a citizen token is not a session
    expect((await a.client.get('/api/chat/wall')).statusCode).toBe(403);
    expect((await (await t.as('office1')).get('/api/chat/wall')).statusCode).toBe(200);
    expect((await a.client.get('/api/chat/agent/conversations?scope=all')).statusCode).toBe(403);
    expect((await t.client().get('/api/chat/agent/conversations')).statusCode).toBe(401);
  });
});
