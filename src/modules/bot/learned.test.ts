import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../testing/test-app.js';
import { testDbKind } from '../../testing/test-db.js';
import { createTwoNodes, type TwoNodes } from '../../testing/two-nodes.js';

/** A colloquial question the demo KB only suggests for (no entry words it this way). */
const QUESTION = '抽水要办啥证';

async function conversation(t: TestApp) {
  const c = t.client();
  const token = (await c.post('/api/bot/sessions', { channel: 'portal' })).json().token as string;
  const call = async (url: string, json: object) =>
    (await c.request({ method: 'POST', url, json, headers: { 'x-bot-token': token } })).json();
  return {
    ask: (question: string) => call('/api/bot/ask', { question }),
    feedback: (turnId: string, solved: boolean) => call(`/api/bot/turns/${turnId}/feedback`, { solved }),
  };
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 2000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(`the KB learns from what citizens confirm, across two nodes on ${testDbKind()}`, () => {
  let nodes: TwoNodes;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    nodes = await createTwoNodes();
    ({ a, b } = nodes);
  });
  afterAll(() => nodes.close());

  it('a confirmed suggestion is proposed to the owning editor; once accepted both nodes answer it directly', async () => {
    const citizen = await conversation(a);
    const first = await citizen.ask(QUESTION);
    expect(first.decision).toBe('suggest');
    const target = first.suggestion.entryId as string;
    expect(first.suggestion.department).toBe('水资源管理处');
    await citizen.feedback(first.turnId, true);
    // a second citizen confirming the same counts once more, in one proposal
    const other = await conversation(b);
    const again = await other.ask(QUESTION);
    expect(again.suggestion.entryId).toBe(target);
    await other.feedback(again.turnId, true);

    // nothing is learned before review: node b still only suggests
    expect((await (await conversation(b)).ask(QUESTION)).decision).toBe('suggest');

    // another department's editor neither sees nor decides it
    const drain = await a.as('drain1');
    const theirs = (await drain.get('/api/bot/learned')).json().items as { question: string }[];
    expect(theirs.map((i) => i.question)).not.toContain(QUESTION);
    const water = await a.as('water1');
    const list = (await water.get('/api/bot/learned')).json().items as {
      id: string;
      question: string;
      citizens: number;
      entry: { id: string };
    }[];
    const proposal = list.find((i) => i.question === QUESTION)!;
    expect(proposal).toMatchObject({ citizens: 2, entry: { id: target } });
    expect((await drain.post(`/api/bot/learned/${proposal.id}/accept`, {})).statusCode).toBe(404);

    // one click by the owning department's editor
    expect((await water.post(`/api/bot/learned/${proposal.id}/accept`, {})).statusCode).toBe(200);
    expect((await water.post(`/api/bot/learned/${proposal.id}/accept`, {})).statusCode).toBe(409);
    const accepted = await a.ctx.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'bot.learned_accepted')
      .where('subject_id', '=', proposal.id)
      .execute();
    expect(accepted.map((e) => JSON.parse(e.data))).toEqual([{ entryId: target, from: 'proposed', to: 'accepted' }]);

    for (const node of [a, b]) {
      const r = await eventually(
        async () => (await conversation(node)).ask(QUESTION),
        (x) => x.decision === 'answer',
      );
      expect(r.decision).toBe('answer');
      expect(r.answer.entryId).toBe(target);
    }
    // the published entry itself is unchanged: the learned question serves matching only
    const entry = await a.ctx.db
      .selectFrom('kb_entries')
      .select(['status', 'similar'])
      .where('id', '=', target)
      .executeTakeFirstOrThrow();
    expect(entry.status).toBe('published');
    expect(JSON.parse(entry.similar)).not.toContain(QUESTION);
  });
});
