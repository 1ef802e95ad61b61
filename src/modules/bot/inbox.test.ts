import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment, buildEntry, buildUser } from '../../testing/factories.js';
import { type TestApp } from '../../testing/test-app.js';
import { testDbKind } from '../../testing/test-db.js';
import { createTwoNodes, type TwoNodes } from '../../testing/two-nodes.js';

/** No entry of the demo knowledge base is about a science centre: the bot has no answer. */
const QUESTION = '水务科普馆周一开放参观吗';

/** Asks once in a new conversation. */
async function ask(t: TestApp, question: string) {
  const c = t.client();
  const token = (await c.post('/api/bot/sessions', { channel: 'widget' })).json().token;
  return (
    await c.request({ method: 'POST', url: '/api/bot/ask', json: { question }, headers: { 'x-bot-token': token } })
  ).json();
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

  it('an editor attaches the question to an entry for review; once published both nodes answer it within 2 seconds', async () => {
    const first = await ask(a, QUESTION);
    expect(first.decision).toBe('none');
    await ask(a, QUESTION);
    const reviewer = await a.as('legal1');
    const inbox = (await reviewer.get('/api/bot/inbox')).json();
    const group = inbox.groups.find((g: { question: string }) => g.question === QUESTION);
    expect(group).toBeDefined();
    expect(group.count).toBe(2);
    // an entry of the Water Supply Division answers it (published on node a); its own wording shares
    // nothing with the question, so only the attached similar question can make the bot answer with it
    const admin = await a.as('admin');
    const departments = (await admin.get('/api/departments')).json().items as { id: string; code: string }[];
    const supply = departments.find((d) => d.code === 'water-supply')!;
    const built = await buildEntry(admin, {
      question: '节水宣传教育基地对外接待安排',
      departmentId: supply.id,
    });
    const target = { entryId: built.id };
    // a KB editor of another department may not attach to this entry
    const elsewhere = await buildDepartment(admin);
    const editor = await buildUser(admin, { departmentId: elsewhere.id, roles: ['kb_editor'] });
    const otherEditor = a.client();
    expect(
      (await otherEditor.post('/api/auth/login', { username: editor.username, password: editor.password })).statusCode,
    ).toBe(200);
    const outsider = await otherEditor.post('/api/bot/inbox/attach', {
      entryId: target.entryId,
      turnIds: group.items.map((i: { id: string }) => i.id),
    });
    // it sees the live entry but may not edit it
    expect(outsider.statusCode).toBe(403);
    const res = await reviewer.post('/api/bot/inbox/attach', {
      entryId: target.entryId,
      turnIds: group.items.map((i: { id: string }) => i.id),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted' });
    expect(res.json().added).toContain(QUESTION);
    const replay = await reviewer.post('/api/bot/inbox/attach', {
      entryId: target.entryId,
      turnIds: group.items.map((i: { id: string }) => i.id),
    });
    expect(replay.statusCode).toBe(409);
    // like any change to a published entry it waits for review: the attach publishes nothing
    expect((await reviewer.get(`/api/kb/entries/${target.entryId}`)).json().status).toBe('submitted');
    const published = await a.ctx.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'kb.entry_published')
      .where('subject_id', '=', target.entryId)
      .execute();
    expect(published).toHaveLength(1); // the entry's first publication only
    expect((await ask(a, QUESTION)).answer?.entryId).not.toBe(target.entryId);
    expect((await reviewer.post(`/api/kb/entries/${target.entryId}/publish`, {})).statusCode).toBe(200);
    // once published, both nodes answer it within 2 seconds (each follows the shared event feed)
    for (const node of [a, b]) {
      const started = Date.now();
      let got: { answer?: { entryId: string } } = {};
      while (Date.now() - started < 2000) {
        got = await ask(node, QUESTION);
        if (got.answer?.entryId === target.entryId) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(got.answer?.entryId).toBe(target.entryId);
    }
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
    // every question asked above (node b's count depends on how soon it saw the new similar question)
    const asked = await a.ctx.db.selectFrom('bot_turns').select('decision').execute();
    expect(asked.length).toBeGreaterThanOrEqual(4);
    expect(stats.questions).toBe(asked.filter((r) => r.decision !== 'smalltalk').length);
    expect(stats.resolutionRate).not.toBeNull();
  });

  it('serves agents a KB search with the same matcher', async () => {
    const res = (await (await a.as('window1')).get(`/api/bot/search?q=${encodeURIComponent('海域使用金')}`)).json();
    expect(res.items[0].question).toContain('海域使用金');
  });
});
