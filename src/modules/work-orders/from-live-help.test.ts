import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { joinChat, onDutyAgent, until } from '../livechat/livechat.test-helpers.js';
import { receiveLiveHelpCase } from './use-cases/from-live-help.js';

describe('live help pushed to the hotline office becomes a work order', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Wednesday 2026-11-25 10:00 Shanghai: live help is open
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('one help-request order per case, also when the event is handled twice', async () => {
    const a = await onDutyAgent(t);
    const c = await joinChat(t, { question: '自来水水压低怎么办？' });
    const res = await a.client.post(`/api/chat/agent/conversations/${c.id}/close`, {
      outcome: 'pushed_to_hotline',
      note: '需现场核查水压',
    });
    expect(res.statusCode).toBe(200);
    const orders = () => t.ctx.db.selectFrom('work_orders').selectAll().where('source', '=', 'live_help').execute();
    await until(t, async () => (await orders()).length === 1);
    const [o] = await orders();
    expect(o).toMatchObject({ type: 'help_request', status: 'received', content: '需现场核查水压' });
    // a second delivery of the same event (durable consumers may) changes nothing
    await receiveLiveHelpCase(t.ctx, t.clock.now(), o.external_no!);
    expect(await orders()).toHaveLength(1);
  });
});
