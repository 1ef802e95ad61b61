import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { deliverDue } from '../notifications/delivery/outbox.js';
import { signPayload, signatureMatches } from './api-keys.js';
import { queueHotlineResult } from './hotline-results.js';
import { readAfter, FEED_START } from '../../platform/events/event-reader.js';

/** A real HTTP server standing in for the city platform's callback address. */
function cityPlatform() {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let answer = 200;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  return {
    received,
    answer: (status: number) => (answer = status),
    start: () =>
      new Promise<string>((ok) =>
        server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`)),
      ),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

const order = (over: Record<string, unknown> = {}) => ({
  orderNo: 'SH12345-20261125-0001',
  type: '投诉',
  title: '取水许可证延续办理慢',
  content: '市民反映取水许可证延续申请提交后一直没有进展。',
  citizenName: '张先生',
  citizenPhone: '13812345678',
  matter: { name: '取水许可' },
  receivedAt: '2026-11-25T09:30:00+08:00',
  deadline: { limitDays: 5 },
  departmentHint: '水资源管理处',
  ...over,
});

/** Wednesday 2026-11-25 10:00 Shanghai, a fixed clock. */
describe('12345 integration: client keys, the push API, results sent back', () => {
  let t: TestApp;
  let admin: TestClient;
  let city: ReturnType<typeof cityPlatform>;
  let callbackUrl: string;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    admin = await t.as('admin');
    city = cityPlatform();
    callbackUrl = await city.start();
  });
  afterAll(async () => {
    await t.close();
    await city.stop();
  });

  const issue = async (over: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/api-clients', {
      name: '12345 市民服务热线',
      scopes: ['orders:push', 'orders:results'],
      callbackUrl,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ client: { id: string }; key: string; signingSecret: string }>();
  };
  const push = (key: string | null, body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/integrations/12345/orders',
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      payload: body as object,
    });
  const countOrders = async (orderNo: string) =>
    (await t.ctx.db.selectFrom('work_orders').select('id').where('external_no', '=', orderNo).execute()).length;

  it('issues a client: the key once, only its hash stored, audited; the list shows the hint only', async () => {
    const c = await issue();
    expect(c.key).toMatch(new RegExp(`^bb_${c.client.id}_[0-9a-f]{64}$`));
    expect(c.signingSecret).toMatch(/^bbs_[0-9a-f]{64}$/);
    const stored = await t.ctx.db
      .selectFrom('api_client_keys')
      .selectAll()
      .where('client_id', '=', c.client.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(c.key.slice(-64));
    const list = (await admin.get('/api/api-clients')).json();
    expect(JSON.stringify(list)).not.toContain(c.key.slice(-20));
    expect(list.items[0]).toMatchObject({
      id: c.client.id,
      status: 'active',
      keys: [{ hint: `…${c.key.slice(-6)}`, active: true }],
    });
    const audit = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'actor_label'])
      .where('subject_id', '=', c.client.id)
      .execute();
    expect(audit).toEqual([{ type: 'api_client.issued', actor_label: expect.stringContaining('admin') }]);
    // a staff member who is not an administrator cannot see or issue them
    expect((await (await t.as('hotline1')).get('/api/api-clients')).statusCode).toBe(403);
  });

  it('pushes an order with a bearer key: 201 received as hotline_12345 by the client system; a retry 200 duplicate', async () => {
    const c = await issue();
    const res = await push(c.key, order());
    expect(res.statusCode, res.body).toBe(201);
    // a client system gets no cookie (no session is read for it, no CSRF token given)
    expect(res.headers['set-cookie']).toBeUndefined();
    const r = res.json();
    expect(r).toMatchObject({
      orderNo: 'SH12345-20261125-0001',
      duplicate: false,
      number: expect.stringMatching(/^GD2026/),
    });
    // a complaint received Wed 09:30: 5 working days → Wed 12-02 17:00
    expect(r.dueAt).toBe('2026-12-02T09:00:00.000Z');
    const row = await t.ctx.db.selectFrom('work_orders').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'hotline_12345', type: 'complaint', status: 'received', received_by: null });
    expect(JSON.parse(row.details)).toMatchObject({
      apiClientId: c.client.id,
      hotline: { departmentHint: '水资源管理处' },
    });
    const ev = await t.ctx.db.selectFrom('events').selectAll().where('subject_id', '=', r.id).executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ type: 'work_order.received', actor_id: null });
    expect(ev.actor_label).toContain(c.client.id);
    const again = await push(c.key, order({ title: '再次推送的标题' }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: r.id, number: r.number, duplicate: true });
    expect(await countOrders('SH12345-20261125-0001')).toBe(1);
  });

  it('refuses a malformed or partial push with the field named, storing nothing', async () => {
    const c = await issue();
    const cases: [Record<string, unknown>, string][] = [
      [{ orderNo: undefined }, 'body.orderNo'],
      [{ orderNo: 'SH-BAD-1', type: '表扬' }, 'body.type'],
      [{ orderNo: 'SH-BAD-2', title: '' }, 'body.title'],
      [{ orderNo: 'SH-BAD-3', citizenPhone: '12345' }, 'body.citizenPhone'],
      [{ orderNo: 'SH-BAD-4', receivedAt: '2026-11-25 09:30' }, 'body.receivedAt'],
      [{ orderNo: 'SH-BAD-5', receivedAt: '2026-11-26T09:30:00+08:00' }, 'body.receivedAt'],
      [{ orderNo: 'SH-BAD-6', content: undefined }, 'body.content'],
    ];
    const before = (await t.ctx.db.selectFrom('work_orders').select('id').execute()).length;
    for (const [over, field] of cases) {
      const res = await push(c.key, order(over));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details.issues.map((i: { field: string }) => i.field)).toContain(field);
      expect(err.messages.zh).toContain(field);
    }
    expect((await t.ctx.db.selectFrom('work_orders').select('id').execute()).length).toBe(before);
  });

  it('two copies of one push at once make one order (the unique index decides)', async () => {
    const c = await issue();
    const answers = await Promise.all(Array.from({ length: 8 }, () => push(c.key, order({ orderNo: 'SH-RACE-1' }))));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await countOrders('SH-RACE-1')).toBe(1);
  });

  it('a burst of pushes is stored together: one order and one event each, numbers in sequence, a duplicate in it answered alone', async () => {
    const c = await issue();
    const first = await push(c.key, order({ orderNo: 'SH-BURST-DUP' }));
    expect(first.statusCode).toBe(201);
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => push(c.key, order({ orderNo: `SH-BURST-${i}` }))),
      push(c.key, order({ orderNo: 'SH-BURST-DUP' })),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([...Array(20).fill(201), 200]);
    expect(answers[20].json().id).toBe(first.json().id);
    const numbers = answers.slice(0, 20).map((a) => Number(a.json().number.slice(6)));
    expect(new Set(numbers).size).toBe(20);
    expect(Math.max(...numbers) - Math.min(...numbers)).toBe(19); // consecutive: none taken twice or lost
    const ids = answers.slice(0, 20).map((a) => a.json().id as string);
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['subject_id', 'subject_label'])
      .where('type', '=', 'work_order.received')
      .where('subject_id', 'in', ids)
      .execute();
    expect(events).toHaveLength(20);
    for (const a of answers.slice(0, 20))
      expect(events.find((e) => e.subject_id === a.json().id)?.subject_label).toBe(a.json().number);
  });

  it('refuses a missing or wrong key, a staff cookie, and a client without the scope', async () => {
    const c = await issue();
    for (const key of [null, 'nonsense', `bb_${c.client.id}_${'0'.repeat(64)}`, c.key + 'x']) {
      const res = await push(key, order({ orderNo: 'SH-AUTH-1' }));
      expect(res.statusCode).toBe(401);
      expect(res.json().error.messages.zh).toContain('对接接口认证失败');
      expect(res.json().error.messages.en).toContain('API authentication failed');
    }
    // a signed-in administrator's cookie (with a valid CSRF token) is not a key
    const staff = await admin.post('/api/integrations/12345/orders', order({ orderNo: 'SH-AUTH-1' }));
    expect(staff.statusCode).toBe(401);
    const pushOnly = await issue({ scopes: ['orders:results'] });
    const res = await push(pushOnly.key, order({ orderNo: 'SH-AUTH-1' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.messages.en).toContain('orders:push');
    expect(await countOrders('SH-AUTH-1')).toBe(0);
  });

  it('limits each client to its own requests per minute (429 past it), another client unaffected', async () => {
    const slow = await issue({ ratePerMinute: 10 });
    const other = await issue();
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push((await push(slow.key, order({ orderNo: 'SH-RATE-1' }))).statusCode);
    expect(codes.slice(0, 10).every((s) => s === 201 || s === 200)).toBe(true);
    expect(codes[10]).toBe(429);
    expect((await push(other.key, order({ orderNo: 'SH-RATE-1' }))).statusCode).toBe(200);
  });

  it('accepts an HMAC-signed push; refuses a bad signature and a stale timestamp', async () => {
    const c = await issue();
    const body = JSON.stringify(order({ orderNo: 'SH-HMAC-1' }));
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const signed = (ts: number, secret = c.signingSecret, raw = body) =>
      t.app.inject({
        method: 'POST',
        url: '/api/integrations/12345/orders',
        headers: {
          'content-type': 'application/json',
          'x-bangban-client': c.client.id,
          'x-bangban-timestamp': String(ts),
          'x-bangban-signature': signPayload(secret, String(ts), raw),
        },
        payload: body,
      });
    expect((await signed(now, 'bbs_wrong')).statusCode).toBe(401);
    expect((await signed(now, c.signingSecret, body + ' ')).statusCode).toBe(401); // signed other bytes
    const stale = await signed(now - 301);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.messages.en).toContain('5 minutes');
    expect((await signed(now + 400)).statusCode).toBe(401);
    expect(await countOrders('SH-HMAC-1')).toBe(0);
    const ok = await signed(now - 120);
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('rotates a key: the old one works for 24 hours, then stops; revoking stops every key at once', async () => {
    const c = await issue();
    const r = await admin.post(`/api/api-clients/${c.client.id}/rotate`);
    expect(r.statusCode, r.body).toBe(200);
    const rotated = r.json();
    expect(rotated.previousKeyExpiresAt).toBe('2026-11-26T02:00:00.000Z');
    expect(rotated.key).not.toBe(c.key);
    expect((await push(c.key, order({ orderNo: 'SH-ROT-1' }))).statusCode).toBe(201);
    expect((await push(rotated.key, order({ orderNo: 'SH-ROT-2' }))).statusCode).toBe(201);
    const saved = t.clock.now();
    try {
      t.clock.set(new Date(saved.getTime() + 24 * 3600_000 + 1000));
      expect(
        (await push(c.key, order({ orderNo: 'SH-ROT-3', receivedAt: t.clock.now().toISOString() }))).statusCode,
      ).toBe(401);
      expect((await push(rotated.key, order({ orderNo: 'SH-ROT-4' }))).statusCode).toBe(201);
    } finally {
      t.clock.set(saved);
    }
    const rv = await admin.post(`/api/api-clients/${c.client.id}/revoke`);
    expect(rv.json()).toMatchObject({ status: 'revoked', keys: [{ active: false }, { active: false }] });
    expect((await push(rotated.key, order({ orderNo: 'SH-ROT-5' }))).statusCode).toBe(401);
    expect((await admin.post(`/api/api-clients/${c.client.id}/rotate`)).statusCode).toBe(409);
    expect((await admin.post(`/api/api-clients/${c.client.id}/revoke`)).statusCode).toBe(409);
    const types = (
      await t.ctx.db.selectFrom('events').select('type').where('subject_id', '=', c.client.id).orderBy('id').execute()
    ).map((e) => e.type);
    expect(types).toEqual(['api_client.issued', 'api_client.key_rotated', 'api_client.revoked']);
  });

  describe('results sent back to the city platform', () => {
    const hotlineDo = async (orderId: string, steps: [string, string, unknown][]) => {
      const users: Record<string, TestClient> = { hotline: await t.as('hotline1'), water: await t.as('water1') };
      for (const [who, path, body] of steps) {
        const res = await users[who].post(`/api/work-orders/${orderId}/${path}`, body ?? {});
        expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      }
    };
    const waterId = async () =>
      (
        await t.ctx.db
          .selectFrom('departments')
          .select('id')
          .where('code', '=', 'water-resources')
          .executeTakeFirstOrThrow()
      ).id;
    /** Runs the durable consumer over every event so far (as the feed would, maybe twice). */
    const consume = async () => {
      const batch = await readAfter(t.ctx.db, FEED_START, 10_000);
      for (const { event } of batch) await queueHotlineResult(t.ctx.db, event, t.clock.now());
    };
    const deliveries = () =>
      t.ctx.db
        .selectFrom('notification_deliveries')
        .selectAll()
        .where('channel', '=', 'api_callback')
        .orderBy('created_at')
        .execute();

    it('sends reply, extension and close-out once each, signed, with one idempotency key per result', async () => {
      city.received.length = 0;
      const c = await issue();
      const o = (await push(c.key, order({ orderNo: 'SH-RES-1', type: 'help_request' }))).json();
      await hotlineDo(o.id, [
        ['hotline', 'dispatch', { departmentId: await waterId() }],
        ['water', 'accept', {}],
        ['water', 'extension', { days: 15, reason: '需现场核查' }],
        ['hotline', 'extension/approve', {}],
        ['water', 'reply', { reply: '已现场核查并办结。', resolved: true }],
        ['hotline', 'callback', { satisfaction: 5 }],
        ['hotline', 'close', {}],
      ]);
      await consume();
      await consume(); // an event delivered twice queues nothing more
      const rows = await deliveries();
      expect(rows.map((r) => JSON.parse(r.body).kind)).toEqual(['extended', 'replied', 'closed']);
      expect(await deliverDue(t.ctx.db, t.ctx.notificationSenders, t.clock.now())).toMatchObject({ sent: 3 });
      expect(await deliverDue(t.ctx.db, t.ctx.notificationSenders, t.clock.now())).toMatchObject({ sent: 0 });
      expect(city.received).toHaveLength(3);
      const [ext, reply, closed] = city.received.map((r) => ({ ...r, json: JSON.parse(r.body) }));
      expect(ext.json).toMatchObject({ kind: 'extended', orderNo: 'SH-RES-1', extension: { days: 15 } });
      expect(reply.json).toMatchObject({ kind: 'replied', reply: { text: '已现场核查并办结。', resolved: true } });
      expect(closed.json).toMatchObject({ kind: 'closed', number: o.number });
      for (const r of [ext, reply, closed]) {
        expect(r.headers['idempotency-key']).toBe(r.json.idempotencyKey);
        expect(
          signatureMatches(
            c.signingSecret,
            String(r.headers['x-bangban-timestamp']),
            r.body,
            String(r.headers['x-bangban-signature']),
          ),
        ).toBe(true);
      }
      expect(new Set(city.received.map((r) => r.headers['idempotency-key'])).size).toBe(3);
    });

    it('a failing receiver: back-off, dead letter, administrator replays, delivered once', async () => {
      city.received.length = 0;
      const c = await issue();
      const o = (await push(c.key, order({ orderNo: 'SH-RES-2', type: 'consultation' }))).json();
      await hotlineDo(o.id, [
        ['hotline', 'dispatch', { departmentId: await waterId() }],
        ['water', 'reply', { reply: '已电话答复市民。', resolved: true }],
      ]);
      await consume();
      const row = (await deliveries()).find((d) => d.target === c.client.id)!;
      city.answer(503);
      const start = t.clock.now();
      try {
        const waits: string[] = [];
        for (let i = 0; i < 5; i++) {
          const due = await t.ctx.db
            .selectFrom('notification_deliveries')
            .selectAll()
            .where('id', '=', row.id)
            .executeTakeFirstOrThrow();
          t.clock.set(new Date(Math.max(t.clock.now().getTime(), Date.parse(due.next_attempt_at!))));
          await deliverDue(t.ctx.db, t.ctx.notificationSenders, t.clock.now());
          const after = await t.ctx.db
            .selectFrom('notification_deliveries')
            .selectAll()
            .where('id', '=', row.id)
            .executeTakeFirstOrThrow();
          if (after.next_attempt_at)
            waits.push(`${(Date.parse(after.next_attempt_at) - t.clock.now().getTime()) / 60_000}`);
          if (i === 4) expect(after).toMatchObject({ status: 'dead', attempts: 5, last_error: 'HTTP 503' });
        }
        expect(waits).toEqual(['1', '2', '4', '8']);
        expect(city.received).toHaveLength(5);
        const dead = (await admin.get('/api/notification-deliveries?status=dead')).json().items;
        expect(dead.find((d: { id: string }) => d.id === row.id)).toMatchObject({
          channel: 'api_callback',
          attempts: 5,
        });
        city.answer(200);
        expect((await admin.post(`/api/notification-deliveries/${row.id}/replay`)).statusCode).toBe(200);
        expect(await deliverDue(t.ctx.db, t.ctx.notificationSenders, t.clock.now())).toMatchObject({ sent: 1 });
        expect(
          await deliverDue(t.ctx.db, t.ctx.notificationSenders, new Date(t.clock.now().getTime() + 3600_000)),
        ).toMatchObject({ sent: 0 });
        expect((await admin.post(`/api/notification-deliveries/${row.id}/replay`)).statusCode).toBe(409);
        const keys = new Set(city.received.map((r) => r.headers['idempotency-key']));
        expect(keys.size).toBe(1);
        expect(city.received).toHaveLength(6);
      } finally {
        city.answer(200);
        t.clock.set(start);
      }
    });

    it('a node that crashed after sending resends the same result with the same key, never a second result', async () => {
      city.received.length = 0;
      const c = await issue();
      const o = (await push(c.key, order({ orderNo: 'SH-RES-3', type: 'consultation' }))).json();
      await hotlineDo(o.id, [
        ['hotline', 'dispatch', { departmentId: await waterId() }],
        ['water', 'reply', { reply: '已答复。', resolved: true }],
      ]);
      await consume();
      const row = (await deliveries()).find((d) => d.target === c.client.id)!;
      await deliverDue(t.ctx.db, t.ctx.notificationSenders, t.clock.now());
      // the crash: the POST went out, the row was never marked sent (still claimed, lock running)
      await t.ctx.db
        .updateTable('notification_deliveries')
        .set({
          status: 'sending',
          sent_at: null,
          locked_until: new Date(t.clock.now().getTime() + 120_000).toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
      await consume(); // the consumer sees the event again after the restart
      expect(await deliverDue(t.ctx.db, t.ctx.notificationSenders, t.clock.now())).toMatchObject({ sent: 0 });
      expect(
        await deliverDue(t.ctx.db, t.ctx.notificationSenders, new Date(t.clock.now().getTime() + 121_000)),
      ).toMatchObject({ sent: 1 });
      expect(city.received).toHaveLength(2);
      expect(city.received[0].body).toBe(city.received[1].body);
      expect(new Set(city.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
      expect((await deliveries()).filter((d) => d.target === c.client.id)).toHaveLength(1);
    });

    it('an order typed in by the hotline office (no client) sends nothing back', async () => {
      const hotline = await t.as('hotline1');
      const o = (
        await hotline.post('/api/work-orders', {
          type: 'consultation',
          title: '手工录入',
          content: '手工录入的12345工单',
          externalNo: 'SH-MANUAL-1',
        })
      ).json();
      const before = (await deliveries()).length;
      await hotlineDo(o.id, [
        ['hotline', 'dispatch', { departmentId: await waterId() }],
        ['water', 'reply', { reply: '已答复。', resolved: true }],
      ]);
      await consume();
      expect((await deliveries()).length).toBe(before);
    });
  });
});
