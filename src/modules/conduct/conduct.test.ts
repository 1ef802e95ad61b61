import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { createTwoNodes, type TwoNodes } from '../../testing/two-nodes.js';
import { recordPhraseWarning, screenStaffMessage } from './use-cases/screen-staff-message.js';

const deptId = async (t: TestApp, code: string) =>
  (await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

describe('forbidden phrases (禁语): the list, the check, the counts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('ships a preset list that agents check drafts against, with the polite wording to use', async () => {
    const w = await t.as('window1');
    const list = (await w.get('/api/conduct/phrases')).json().items.map((p: { phrase: string }) => p.phrase);
    expect(list).toEqual(
      expect.arrayContaining(['不知道', '不归我管', '你自己去看', '不清楚', '没办法', '找别人去', '我也没办法']),
    );
    const res = await w.post('/api/conduct/check', { text: '这个不归我管，你 自己 去看' });
    expect(res.json().warnings).toEqual([
      { phrase: '不归我管', suggestion: expect.stringContaining('转接') },
      { phrase: '你自己去看', suggestion: expect.stringContaining('办事指南') },
    ]);
    expect((await w.post('/api/conduct/check', { text: '您好，我帮您查询一下。' })).json().warnings).toEqual([]);
  });

  it('only the supervisor and admin edit the list; a duplicate is refused; edits apply at once on this node', async () => {
    const w = await t.as('window1');
    const office = await t.as('office1');
    expect(
      (await w.post('/api/conduct/phrases', { phrase: '爱办不办', suggestion: '我来帮您办理。' })).statusCode,
    ).toBe(403);
    const added = await office.post('/api/conduct/phrases', { phrase: '爱办不办', suggestion: '我来帮您办理。' });
    expect(added.statusCode).toBe(201);
    expect(await screenStaffMessage(t.ctx.db, '爱 办 不 办')).toEqual([
      { phrase: '爱办不办', suggestion: '我来帮您办理。' },
    ]);
    const dup = await office.post('/api/conduct/phrases', { phrase: '爱办不办', suggestion: '另一种' });
    expect(dup.statusCode).toBe(409);
    const id = added.json().id;
    expect(
      (
        await office.put(`/api/conduct/phrases/${id}`, { phrase: '爱办不办', suggestion: '请稍候，我马上为您办理。' })
      ).json(),
    ).toMatchObject({
      suggestion: '请稍候，我马上为您办理。',
    });
    expect((await screenStaffMessage(t.ctx.db, '爱办不办'))[0].suggestion).toBe('请稍候，我马上为您办理。');
    expect((await office.delete(`/api/conduct/phrases/${id}`)).statusCode).toBe(200);
    expect(await screenStaffMessage(t.ctx.db, '爱办不办')).toEqual([]);
    expect((await office.delete(`/api/conduct/phrases/${id}`)).statusCode).toBe(404);
  });

  it('counts each warning per phrase for the supervisor, without storing the message', async () => {
    const now = t.clock.now();
    const actor = { userId: null, label: 'test' };
    for (const [i, phrases] of [['不知道'], ['不知道', '没办法'], ['不知道']].entries())
      await t.ctx.db.transaction().execute((trx) =>
        recordPhraseWarning(trx, actor, now, {
          channel: 'live_help',
          subjectType: 'chat',
          subjectId: `c${i}`,
          phrases,
        }),
      );
    const office = await t.as('office1');
    const stats = (await office.get('/api/conduct/phrase-stats')).json();
    expect(stats).toMatchObject({ from: '2026-11-01', to: '2026-11-25', total: 4 });
    expect(stats.items.slice(0, 2)).toEqual([
      { phrase: '不知道', count: 3 },
      { phrase: '没办法', count: 1 },
    ]);
    expect(stats.items.find((i: { phrase: string }) => i.phrase === '找别人去')).toEqual({
      phrase: '找别人去',
      count: 0,
    });
    expect((await office.get('/api/conduct/phrase-stats?from=2026-12-01&to=2026-12-31')).json().total).toBe(0);
    expect((await (await t.as('window1')).get('/api/conduct/phrase-stats')).statusCode).toBe(403);
    const ev = await t.ctx.db.selectFrom('events').select('data').where('type', '=', 'conduct.phrase_warned').execute();
    expect(ev.map((e) => JSON.parse(e.data))).toContainEqual({ channel: 'live_help', phrases: ['不知道', '没办法'] });
  });
});

describe('canned replies (常用语) by department', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('an agent sees the shared replies and their own department’s, never another department’s', async () => {
    const office = await t.as('office1');
    const water = await deptId(t, 'water-resources');
    const drainage = await deptId(t, 'drainage');
    const mk = (title: string, departmentId: string | null) =>
      office.post('/api/conduct/canned-replies', { title, text: `${title}的答复`, departmentId });
    expect((await mk('取水许可材料', water)).statusCode).toBe(201);
    const drain = await mk('排水许可材料', drainage);
    expect(drain.json()).toMatchObject({ departmentId: drainage, departmentName: expect.any(String) });
    const titles = async (username: string, q = '') =>
      ((await (await t.as(username)).get(`/api/conduct/canned-replies${q}`)).json().items as { title: string }[]).map(
        (c) => c.title,
      );
    const waterSees = await titles('water1');
    expect(waterSees).toContain('取水许可材料');
    expect(waterSees).toContain('问候');
    expect(waterSees).not.toContain('排水许可材料');
    const windowSees = await titles('window1');
    expect(windowSees).toContain('问候');
    expect(windowSees).not.toContain('取水许可材料');
    expect(windowSees).not.toContain('排水许可材料');
    // the supervisor sees all, or filters by department
    expect(await titles('office1')).toEqual(expect.arrayContaining(['取水许可材料', '排水许可材料', '问候']));
    expect(await titles('office1', `?departmentId=${drainage}`)).toEqual(['排水许可材料']);
    expect(await titles('office1', '?departmentId=global')).not.toContain('排水许可材料');
    // an agent a filter does not widen
    expect(await titles('water1', `?departmentId=${drainage}`)).not.toContain('排水许可材料');
  });

  it('only the supervisor and admin edit them; unknown ids 404, unknown departments 400', async () => {
    const water1 = await t.as('water1');
    const office = await t.as('office1');
    expect((await water1.post('/api/conduct/canned-replies', { title: 'x', text: 'y' })).statusCode).toBe(403);
    expect((await (await t.as('hotline1')).get('/api/conduct/canned-replies')).statusCode).toBe(403);
    expect((await office.put('/api/conduct/canned-replies/none', { title: 'x', text: 'y' })).statusCode).toBe(404);
    expect(
      (await office.post('/api/conduct/canned-replies', { title: 'x', text: 'y', departmentId: 'nope' })).statusCode,
    ).toBe(400);
    const created = (await office.post('/api/conduct/canned-replies', { title: '临时', text: '临时答复' })).json();
    expect((await water1.delete(`/api/conduct/canned-replies/${created.id}`)).statusCode).toBe(403);
    expect(
      (await office.put(`/api/conduct/canned-replies/${created.id}`, { title: '临时2', text: '改' })).json(),
    ).toMatchObject({
      title: '临时2',
      departmentId: null,
    });
    expect((await office.delete(`/api/conduct/canned-replies/${created.id}`)).statusCode).toBe(200);
  });
});

describe('the phrase list on two nodes', () => {
  let n: TwoNodes;
  beforeAll(async () => {
    n = await createTwoNodes();
  });
  afterAll(async () => {
    await n.close();
  });

  it('a phrase added or removed on one node is checked on the other after its feed delivers the event', async () => {
    const text = '您去隔壁问吧';
    /** b's answer once its feed has delivered what a committed (PostgreSQL may hold it back a poll or two) */
    const onB = async (want: number) => {
      const started = Date.now();
      for (;;) {
        await n.b.ctx.feed.poll();
        const got = await screenStaffMessage(n.b.ctx.db, text);
        if (got.length === want || Date.now() - started > 5000) return got;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    expect(await onB(0)).toEqual([]); // b has loaded and cached its list
    const office = await n.a.as('office1');
    const id = (
      await office.post('/api/conduct/phrases', { phrase: '去隔壁问', suggestion: '我帮您联系相关窗口。' })
    ).json().id;
    expect(await onB(1)).toEqual([{ phrase: '去隔壁问', suggestion: '我帮您联系相关窗口。' }]);
    await office.delete(`/api/conduct/phrases/${id}`);
    expect(await onB(0)).toEqual([]);
  });
});
