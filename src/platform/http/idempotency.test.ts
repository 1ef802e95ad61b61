import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('Idempotency-Key', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T12:00:00Z' }); // 20:00 in Shanghai: leave a message
    token = (await t.client().post('/api/bot/sessions', { channel: 'portal' })).json().token;
  });
  afterAll(async () => {
    await t.close();
  });

  const message = { name: '张三', phone: '13812345678', question: '取水许可证到期怎么延续？' };
  const send = (key: string) =>
    t.client().request({
      method: 'POST',
      url: '/api/bot/messages',
      json: message,
      headers: { 'x-bot-token': token, 'x-csrf-token': '', 'idempotency-key': key },
    });
  const stored = async () =>
    (await t.ctx.db.selectFrom('callback_requests').select('id').where('phone', '=', message.phone).execute()).length;

  it('replays the first answer to a retry', async () => {
    const first = await send('k-replay');
    const again = await send('k-replay');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await stored()).toBe(1);
  });

  it('lets a retry through once the node that took the key has been gone past its short lease', async () => {
    // A node reserved the key and was killed mid-request: the row stays "in progress".
    await t.ctx.db
      .insertInto('idempotency_keys')
      .values({
        key: '127.0.0.1:/api/bot/messages:k-killed',
        request_hash: crypto.createHash('sha256').update(JSON.stringify(message)).digest('hex'),
        status_code: null,
        response: null,
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    const before = await stored();
    t.clock.advance(5_000);
    const early = await send('k-killed');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('REQUEST_IN_PROGRESS');
    t.clock.advance(60_000);
    const retry = await send('k-killed');
    expect(retry.statusCode).toBe(201);
    expect(await stored()).toBe(before + 1);
    expect((await send('k-killed')).headers['idempotent-replay']).toBe('true');
    expect(await stored()).toBe(before + 1);
  });
});
