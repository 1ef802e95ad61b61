import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { recordEvent, SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { readAfter, FEED_START } from '../../platform/events/event-reader.js';
import { mayReceive } from '../../platform/realtime/live-updates.js';
import { createCallback } from '../callbacks/use-cases/create-callback.js';
import { remindCallbacks } from '../callbacks/jobs/remind-callbacks.js';
import { deliverDue } from './delivery/outbox.js';
import { notifyEvent } from './use-cases/notify-event.js';
import { bucketOf } from './my-work.js';

const deptId = async (t: TestApp, code: string) =>
  (await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

/** Notices of one event, by recipient's username. */
const noticesOf = async (t: TestApp, subjectId: string) =>
  (
    await t.ctx.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.recipient_id')
      .select(['users.username', 'notifications.kind', 'notifications.title_zh', 'notifications.link'])
      .where('notifications.subject_id', '=', subjectId)
      .execute()
  )
    .map((n) => n.username)
    .sort();

/** The text of a quoted-printable mail body (UTF-8). */
const quotedPrintable = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/** Polls the event feed until `cond` holds (the durable consumer runs in rounds). */
async function until(t: TestApp, cond: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await t.ctx.feed.poll();
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function openCase(t: TestApp, n: number, departmentId: string | null = null) {
  return createCallback(
    t.ctx.db,
    SYSTEM_ACTOR,
    t.clock.now(),
    await t.ctx.workingTime.getCalendar(),
    await t.ctx.workingTime.closeOfBusiness(),
    {
      channel: 'phone',
      subjectType: 'phone_call',
      subjectId: `call-${n}`,
      name: '张三',
      phone: '13800138000',
      question: `取水许可证什么时候能办好？（${n}）`,
      departmentId,
      workingDays: 1,
    },
  );
}

/** The stored event of a subject, as the feed hands it to consumers. */
async function storedEvent(t: TestApp, type: string, subjectId: string) {
  const all = await readAfter(t.ctx.db, FEED_START, 100_000);
  return all.find((x) => x.event.type === type && x.event.subjectId === subjectId)!.event;
}

describe('notification centre (one durable consumer, idempotent, as people chose)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    await t.ctx.feed.poll(); // the durable consumer takes its place at the tail
  });
  afterAll(async () => {
    await t.close();
  });

  it('a new callback case notifies the front-line handlers once, even when the consumer sees the event twice', async () => {
    const c = await openCase(t, 1);
    await until(t, async () => (await noticesOf(t, c.id)).length === 2);
    expect(await noticesOf(t, c.id)).toEqual(['hotline1', 'window1']);
    // at least once: the same event handled again (a crash before the cursor moved) adds nothing
    const e = await storedEvent(t, 'callback.created', c.id);
    const deps = { db: t.ctx.db, clock: t.clock, emailEnabled: false, publicUrl: '' };
    expect(await notifyEvent(deps, e)).toBe(0);
    expect(await notifyEvent(deps, e)).toBe(0);
    expect(await noticesOf(t, c.id)).toEqual(['hotline1', 'window1']);
    const created = await t.ctx.db
      .selectFrom('events')
      .select(['subject_type', 'subject_id'])
      .where('type', '=', 'notification.created')
      .where('data', 'like', `%"eventId":${e.id}%`)
      .execute();
    expect(created.map((x) => x.subject_type)).toEqual(['user_inbox', 'user_inbox']);

    const w = await t.as('window1');
    const list = (await w.get('/api/notifications')).json();
    expect(list.items[0]).toMatchObject({
      kind: 'assignment',
      title: { zh: `新的留言回电 ${c.number}` },
      link: `/workspace/callbacks?id=${c.id}`,
      readAt: null,
    });
    expect((await w.get('/api/notifications/unread-count')).json().unread).toBeGreaterThanOrEqual(1);
  });

  it('a case of a department with handlers notifies only them (recipients scoped by department)', async () => {
    const c = await openCase(t, 2, await deptId(t, 'hotline'));
    await until(t, async () => (await noticesOf(t, c.id)).length > 0);
    expect(await noticesOf(t, c.id)).toEqual(['hotline1']);
  });

  it("a conversation handed to a department reaches that department's business agents only", async () => {
    const water = await deptId(t, 'water-resources');
    await t.ctx.db.transaction().execute((trx) =>
      recordEvent(trx, SYSTEM_ACTOR, t.clock.now(), {
        type: 'livechat.awaiting_department',
        subjectType: 'chat_conversation',
        subjectId: 'conv-1',
        subjectLabel: 'ZX2026000001',
        departmentId: water,
        data: {
          conversationId: 'conv-1',
          number: 'ZX2026000001',
          from: 'transferred',
          to: 'awaiting_department',
          agentId: null,
          departmentId: water,
          dueAt: '2026-11-26T09:00:00.000Z',
        },
      }),
    );
    await until(t, async () => (await noticesOf(t, 'conv-1')).length > 0);
    expect(await noticesOf(t, 'conv-1')).toEqual(['water1']);
  });

  it('respects what each person chose: a kind switched off in the centre is not delivered there', async () => {
    const w = await t.as('window1');
    const prefs = (await w.get('/api/notifications/prefs')).json();
    expect(prefs.kinds.find((k: { kind: string }) => k.kind === 'assignment')).toEqual({
      kind: 'assignment',
      inApp: true,
      email: false,
    });
    const saved = await w.put('/api/notifications/prefs', {
      email: 'Wang.Min@example.gov.cn',
      kinds: [{ kind: 'assignment', inApp: false, email: false }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().email).toBe('wang.min@example.gov.cn');
    const c = await openCase(t, 3);
    await until(t, async () => (await noticesOf(t, c.id)).length > 0);
    expect(await noticesOf(t, c.id)).toEqual(['hotline1']);
    await w.put('/api/notifications/prefs', {
      email: null,
      kinds: [{ kind: 'assignment', inApp: true, email: false }],
    });
  });

  it('each user sees and marks only their own notices (404 for someone else’s)', async () => {
    const h = await t.as('hotline1');
    const mine = (await h.get('/api/notifications?limit=1')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.next).toBeTruthy();
    const second = (await h.get(`/api/notifications?limit=1&cursor=${mine.next}`)).json();
    expect(second.items[0].id).not.toBe(mine.items[0].id);
    const w = await t.as('water1');
    expect((await w.post(`/api/notifications/${mine.items[0].id}/read`)).statusCode).toBe(404);
    expect((await h.post(`/api/notifications/${mine.items[0].id}/read`)).statusCode).toBe(200);
    const before = (await h.get('/api/notifications/unread-count')).json().unread;
    expect(before).toBe(mine.unread - 1);
    expect((await h.post('/api/notifications/read-all')).json()).toEqual({ unread: 0 });
    expect((await h.get('/api/notifications/unread-count')).json().unread).toBe(0);
    // water1's own are untouched
    expect((await w.get('/api/notifications/unread-count')).json().unread).toBe(1);
  });

  it('a notice is pushed live only to its recipient', () => {
    const e = { type: 'notification.created', departmentId: null, subjectType: 'user_inbox', subjectId: 'u1' };
    expect(mayReceive({ all: true, userId: 'u1' }, e)).toBe(true);
    expect(mayReceive({ all: true, userId: 'u2' }, e)).toBe(false);
    expect(mayReceive({ all: false, departmentId: null, userId: 'u2' }, e)).toBe(false);
    expect(mayReceive({ all: true }, e)).toBe(false);
  });

  it('the callbacks sweep records due-soon and overdue once per case, and they notify the handlers', async () => {
    const c = await openCase(t, 4); // due Thu 17:00 Shanghai
    t.clock.set('2026-11-26T07:30:00Z'); // 15:30, 1.5 h before
    expect(await remindCallbacks(t.ctx.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await remindCallbacks(t.ctx.db, t.clock.now())).toBe(0);
    t.clock.set('2026-11-26T09:30:00Z');
    expect(await remindCallbacks(t.ctx.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await remindCallbacks(t.ctx.db, t.clock.now())).toBe(0);
    const kinds = async () =>
      (
        await t.ctx.db
          .selectFrom('notifications')
          .innerJoin('users', 'users.id', 'notifications.recipient_id')
          .select(['notifications.kind'])
          .where('notifications.subject_id', '=', c.id)
          .where('users.username', '=', 'window1')
          .execute()
      )
        .map((n) => n.kind)
        .sort();
    await until(t, async () => (await kinds()).length === 3);
    expect(await kinds()).toEqual(['assignment', 'overdue', 'reminder']);
    t.clock.set('2026-11-25T02:00:00Z');
  });
});

describe('outbox: e-mail over SMTP and webhooks, retried, never sent twice', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const mails: { to: string[]; raw: string }[] = [];
  let refuseNext = 0;
  const hooks: { body: unknown }[] = [];
  let failHooks = 0;
  let hook: http.Server;
  let hookUrl = '';

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        let raw = '';
        stream.on('data', (d: Buffer) => (raw += d.toString()));
        stream.on('end', () => {
          if (refuseNext > 0) {
            refuseNext--;
            const err = Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 });
            return done(err);
          }
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (failHooks > 0) {
          failHooks--;
          res.writeHead(500).end('down');
          return;
        }
        hooks.push({ body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/cgi-bin/webhook/send?key=secret-key`;
    t = await createTestApp({
      now: '2026-11-25T02:00:00Z',
      config: { smtpUrl: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`, publicUrl: 'https://bangban.example' },
    });
    await t.ctx.feed.poll();
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise<void>((r) => hook.close(() => r()));
  });

  const deliveries = (eventSubject: string) =>
    t.ctx.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('event_id', 'in', t.ctx.db.selectFrom('events').select('id').where('subject_id', '=', eventSubject))
      .orderBy('channel')
      .execute();

  it('a department channel is set by an administrator only', async () => {
    const service = await deptId(t, 'service-centre');
    const w = await t.as('window1');
    expect((await w.get('/api/notification-channels')).statusCode).toBe(403);
    const a = await t.as('admin');
    const bad = await a.put(`/api/notification-channels/${service}`, {
      emails: ['not-an-address'],
      webhookUrl: null,
      enabled: true,
    });
    expect(bad.statusCode).toBe(400);
    const ok = await a.put(`/api/notification-channels/${service}`, {
      emails: ['Window@example.gov.cn'],
      webhookUrl: hookUrl,
      enabled: true,
    });
    expect(ok.statusCode).toBe(200);
    const list = (await a.get('/api/notification-channels')).json().items;
    expect(list.find((c: { departmentId: string }) => c.departmentId === service)).toMatchObject({
      emails: ['window@example.gov.cn'],
      webhookUrl: hookUrl,
      enabled: true,
    });
  });

  it('the e-mail reaches the SMTP server exactly once, though the first attempt fails and the sweep runs twice', async () => {
    const c = await openCase(t, 10, await deptId(t, 'service-centre'));
    await until(t, async () => (await deliveries(c.id)).length === 2);
    refuseNext = 1;
    failHooks = 1;
    const now = t.clock.now();
    const first = await deliverDue(t.ctx.db, t.ctx.notificationSenders, now);
    expect(first).toMatchObject({ sent: 0, failed: 2 });
    const [mail, web] = await deliveries(c.id);
    expect(mail).toMatchObject({ channel: 'email', status: 'pending', attempts: 1 });
    expect(mail.last_error).toContain('451');
    expect(web).toMatchObject({ channel: 'webhook', status: 'pending', attempts: 1, last_error: 'HTTP 500' });
    // back-off: nothing is due again at once
    expect(await deliverDue(t.ctx.db, t.ctx.notificationSenders, now)).toMatchObject({ sent: 0, failed: 0 });
    const later = new Date(now.getTime() + 60_000);
    // two passes at once (two nodes): each message is claimed by one of them
    const both = await Promise.all([
      deliverDue(t.ctx.db, t.ctx.notificationSenders, later),
      deliverDue(t.ctx.db, t.ctx.notificationSenders, later),
    ]);
    expect(both[0].sent + both[1].sent).toBe(2);
    expect(await deliverDue(t.ctx.db, t.ctx.notificationSenders, new Date(later.getTime() + 3600_000))).toMatchObject({
      sent: 0,
    });
    const got = mails.filter((m) => m.raw.includes(c.number));
    expect(got).toHaveLength(1);
    expect(got[0].to).toEqual(['window@example.gov.cn']);
    const text = quotedPrintable(got[0].raw);
    expect(text).toContain(`https://bangban.example/workspace/callbacks?id=${c.id}`);
    expect(text).toContain(`【待办分派】新的留言回电 ${c.number}`);
    const posted = hooks.filter((h) => JSON.stringify(h.body).includes(c.number));
    expect(posted).toEqual([
      {
        body: {
          msgtype: 'text',
          text: { content: expect.stringContaining(`新的留言回电 ${c.number}`) as unknown },
        },
      },
    ]);
    expect((await deliveries(c.id)).map((d) => d.status)).toEqual(['sent', 'sent']);
  });

  it('gives up after the maximum attempts (a dead letter the administrator sees and replays)', async () => {
    const c = await openCase(t, 11, await deptId(t, 'service-centre'));
    await until(t, async () => (await deliveries(c.id)).length === 2);
    failHooks = 100;
    let at = t.clock.now().getTime();
    for (let i = 0; i < 5; i++) {
      await deliverDue(t.ctx.db, t.ctx.notificationSenders, new Date(at));
      at += 3600_000;
    }
    const web = (await deliveries(c.id)).find((d) => d.channel === 'webhook')!;
    expect(web).toMatchObject({ status: 'dead', attempts: 5, last_error: 'HTTP 500' });
    const a = await t.as('admin');
    const dead = (await a.get('/api/notification-deliveries?status=dead')).json().items;
    expect(dead.map((d: { id: string }) => d.id)).toContain(web.id);
    // the webhook's key is not shown
    expect(JSON.stringify(dead)).not.toContain('secret-key');
    expect((await (await t.as('window1')).post(`/api/notification-deliveries/${web.id}/replay`)).statusCode).toBe(403);
    failHooks = 0;
    expect((await a.post(`/api/notification-deliveries/${web.id}/replay`)).statusCode).toBe(200);
    expect((await a.post(`/api/notification-deliveries/${web.id}/replay`)).statusCode).toBe(409);
    const before = hooks.length;
    await deliverDue(t.ctx.db, t.ctx.notificationSenders, t.clock.now());
    expect(hooks.length).toBe(before + 1);
    expect((await deliveries(c.id)).find((d) => d.channel === 'webhook')!.status).toBe('sent');
    const types = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('subject_id', '=', web.id)
      .orderBy('id')
      .execute();
    expect(types.map((x) => x.type)).toEqual(['notification.delivery_dead', 'notification.delivery_replayed']);
  });

  it("a person's own e-mail goes out only when they chose e-mail for that kind", async () => {
    const w = await t.as('hotline1');
    await w.put('/api/notifications/prefs', {
      email: 'chen@example.gov.cn',
      kinds: [{ kind: 'assignment', inApp: true, email: true }],
    });
    const c = await openCase(t, 12, await deptId(t, 'hotline'));
    await until(t, async () => (await deliveries(c.id)).length === 1);
    expect((await deliveries(c.id)).map((d) => d.target)).toEqual(['chen@example.gov.cn']);
  });
});

describe('my work: what waits for each person, across modules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('sorts by due time into overdue, today, soon and waiting (Shanghai days)', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    expect(bucketOf(null, now)).toBe('waiting');
    expect(bucketOf('2026-11-25T01:00:00Z', now)).toBe('overdue');
    expect(bucketOf('2026-11-25T09:00:00Z', now)).toBe('today');
    expect(bucketOf('2026-11-26T09:00:00Z', now)).toBe('soon');
    expect(bucketOf('2026-12-10T09:00:00Z', now)).toBe('waiting');
  });

  it("a reviewer's home shows the entry waiting for review; the editor's the entry returned", async () => {
    const water = await t.as('water1');
    const e = (
      await water.post('/api/kb/entries', {
        question: '取水许可证遗失了怎么补办？',
        similar: [],
        answer: '<p>请携带身份证明到窗口申请补办。</p>',
        category: '水利',
        tags: [],
      })
    ).json();
    expect((await water.post(`/api/kb/entries/${e.id}/submit`)).statusCode).toBe(200);
    const legal = await t.as('legal1');
    const work = (await legal.get('/api/my-work')).json();
    expect(work.items).toContainEqual(
      expect.objectContaining({ source: 'knowledge', reference: e.code, link: `/admin/kb/${e.id}`, bucket: 'waiting' }),
    );
    expect(
      (await water.get('/api/my-work')).json().items.some((i: { reference: string }) => i.reference === e.code),
    ).toBe(false);
    expect((await legal.post(`/api/kb/entries/${e.id}/return`, { comment: '请补充办理地点' })).statusCode).toBe(200);
    expect((await water.get('/api/my-work')).json().items).toContainEqual(
      expect.objectContaining({ source: 'knowledge', reference: e.code }),
    );
    // another department's editor does not see it
    expect((await (await t.as('drain1')).get('/api/my-work')).json().items).toEqual([]);
  });

  it("a window agent's home shows the callbacks due tomorrow and the overdue ones", async () => {
    const due = await openCase(t, 20); // Thu 17:00
    t.clock.set('2026-11-23T02:00:00Z'); // Monday: due Tue 17:00, overdue by Wednesday
    const late = await openCase(t, 21);
    t.clock.set('2026-11-25T02:00:00Z');
    const w = await t.as('window1');
    const work = (await w.get('/api/my-work')).json();
    const mine = work.items.filter((i: { source: string }) => i.source === 'callbacks');
    expect(mine.map((i: { reference: string; bucket: string }) => [i.reference, i.bucket])).toEqual([
      [late.number, 'overdue'],
      [due.number, 'soon'],
    ]);
    expect(work.counts).toMatchObject({ overdue: 1, soon: 1 });
    // a business agent does not work callbacks
    expect((await (await t.as('supply1')).get('/api/my-work')).json().items).toEqual([]);
  });
});
