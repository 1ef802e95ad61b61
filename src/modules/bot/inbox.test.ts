import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../testing/test-app.js';
import { testDbKind } from '../../testing/test-db.js';
import { createTwoNodes, type TwoNodes } from '../../testing/two-nodes.js';

const QUESTION = '楼顶水箱好几年没洗了向谁反映';

/** Asks once in a new conversation; when 小申 only offers choices, the citizen answers "都不是" (unsolved). */
async function ask(t: TestApp, question: string, rejectSuggestions = false) {
  const c = t.client();
  const token = (await c.post('/api/bot/sessions', { channel: 'widget' })).json().token;
  const res = (
    await c.request({ method: 'POST', url: '/api/bot/ask', json: { question }, headers: { 'x-bot-token': token } })
  ).json();
  if (rejectSuggestions && res.decision === 'suggest') {
    await c.request({
      method: 'POST',
      url: `/api/bot/turns/${res.turnId}/feedback`,
      json: { solved: false },
      headers: { 'x-bot-token': token },
    });
  }
  return res;
}

describe(`unanswered inbox → similar question → answered, across two nodes on ${testDbKind()}`, () => {
  let nodes: TwoNodes;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    nodes = await createTwoNodes();
    ({ a, b } = nodes);
  });
  afterAll(() => nodes.close());

  it('an editor attaches the question to an entry and both nodes answer it within 2 seconds', async () => {
    const first = await ask(a, QUESTION, true);
    expect(['none', 'suggest']).toContain(first.decision);
    await ask(a, QUESTION, true);
    const reviewer = await a.as('legal1');
    const inbox = (await reviewer.get('/api/bot/inbox')).json();
    const group = inbox.groups.find((g: { question: string }) => g.question === QUESTION);
    expect(group).toBeDefined();
    expect(group.count).toBe(2);
    const search = (await reviewer.get(`/api/bot/search?q=${encodeURIComponent('二次供水水箱多久清洗一次')}`)).json();
    const target = search.items[0] as { entryId: string; question: string };
    expect(target.question).toContain('水箱');
    // a KB editor of another department may not attach to this entry
    const drainEditor = await a.as('drain1');
    const outsider = await drainEditor.post('/api/bot/inbox/attach', {
      entryId: target.entryId,
      turnIds: group.items.map((i: { id: string }) => i.id),
    });
    expect(outsider.statusCode).toBe(404);
    const res = await reviewer.post('/api/bot/inbox/attach', {
      entryId: target.entryId,
      turnIds: group.items.map((i: { id: string }) => i.id),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().added).toContain(QUESTION);
    const replay = await reviewer.post('/api/bot/inbox/attach', {
      entryId: target.entryId,
      turnIds: group.items.map((i: { id: string }) => i.id),
    });
    expect(replay.statusCode).toBe(409);
    expect((await ask(a, QUESTION)).answer?.entryId).toBe(target.entryId);
    const started = Date.now();
    let onB: { answer?: { entryId: string } } = {};
    while (Date.now() - started < 2000) {
      onB = await ask(b, QUESTION);
      if (onB.answer?.entryId === target.entryId) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(onB.answer?.entryId).toBe(target.entryId);
    const attachedIds = new Set(group.items.map((i: { id: string }) => i.id));
    const left = (await reviewer.get('/api/bot/inbox'))
      .json()
      .groups.flatMap((g: { items: { id: string }[] }) => g.items.map((i) => i.id));
    expect(left.filter((id: string) => attachedIds.has(id))).toEqual([]);
    const versions = await a.ctx.db
      .selectFrom('kb_versions')
      .select('version')
      .where('entry_id', '=', target.entryId)
      .execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('keeps the inbox for KB staff only, and reports the bot figures', async () => {
    expect((await (await a.as('window1')).get('/api/bot/inbox')).statusCode).toBe(403);
    const stats = (await (await a.as('office1')).get('/api/bot/stats')).json();
    expect(stats.questions).toBeGreaterThan(0);
    expect(stats.resolutionRate).not.toBeNull();
  });

  it('serves agents a KB search with the same matcher', async () => {
    const res = (await (await a.as('window1')).get(`/api/bot/search?q=${encodeURIComponent('海域使用金')}`)).json();
    expect(res.items[0].question).toContain('海域使用金');
  });
});
