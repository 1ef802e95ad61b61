import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { proposeKbEntry } from './use-cases/propose-entry.js';

const deptId = async (t: TestApp, code: string) =>
  (await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const eventTypes = async (t: TestApp, type: string) =>
  (await t.ctx.db.selectFrom('events').select('type').where('type', '=', type).execute()).length;

describe('KB proposals, terms and statistics', () => {
  let t: TestApp;
  let water: TestClient;
  let drain: TestClient;
  let legal: TestClient;
  let window: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    [water, drain, legal, window] = await Promise.all(['water1', 'drain1', 'legal1', 'window1'].map((u) => t.as(u)));
  });
  afterAll(async () => {
    await t.close();
  });

  it('routes a proposal to the matter’s owner department; its editor accepts it as a prefilled draft', async () => {
    const matter = await t.ctx.db
      .selectFrom('matters')
      .select(['id', 'owner_department_id', 'category'])
      .where('owner_department_id', '=', await deptId(t, 'drainage'))
      .executeTakeFirstOrThrow();
    const res = await window.post('/api/kb/proposals', {
      source: 'live_help',
      sourceRef: 'chat-1',
      question: '排水许可证到期前多久要延续？',
      answer: '有效期届满 30 日前申请延续。',
      matterId: matter.id,
    });
    expect(res.statusCode).toBe(201);
    const x = res.json();
    expect(x).toMatchObject({ status: 'open', departmentId: matter.owner_department_id });
    expect((await water.get('/api/kb/proposals')).json().items.map((p: { id: string }) => p.id)).not.toContain(x.id);
    expect((await water.post(`/api/kb/proposals/${x.id}/accept`)).statusCode).toBe(404);
    expect((await drain.get('/api/kb/proposals?status=open')).json().items.map((p: { id: string }) => p.id)).toContain(
      x.id,
    );
    const accepted = (await drain.post(`/api/kb/proposals/${x.id}/accept`)).json();
    expect(accepted.proposal).toMatchObject({ status: 'accepted', entryId: accepted.entry.id });
    expect(accepted.entry).toMatchObject({
      status: 'draft',
      question: '排水许可证到期前多久要延续？',
      answer: '<p>有效期届满 30 日前申请延续。</p>',
      category: matter.category,
      matterId: matter.id,
    });
    expect((await drain.post(`/api/kb/proposals/${x.id}/reject`, { note: '重复' })).statusCode).toBe(409);
    expect(await eventTypes(t, 'kb.proposal_accepted')).toBe(1);
  });

  it('lets other modules propose through proposeKbEntry, and editors reject with a note', async () => {
    const id = await proposeKbEntry(t.ctx.db, SYSTEM_ACTOR, t.clock.now(), {
      source: 'phone',
      question: '地下水取水井如何封井？',
      answer: '请联系所在区水务局。',
      departmentId: await deptId(t, 'water-resources'),
    });
    expect((await water.post(`/api/kb/proposals/${id}/reject`, {})).statusCode).toBe(400);
    const rejected = (await water.post(`/api/kb/proposals/${id}/reject`, { note: '已有条目 kb-0003' })).json();
    expect(rejected.proposal).toMatchObject({ status: 'rejected', decisionNote: '已有条目 kb-0003', entryId: null });
    expect(
      (await window.post('/api/kb/proposals', { source: 'staff', question: '无部门', answer: 'x' })).statusCode,
    ).toBe(400);
    expect(await eventTypes(t, 'kb.proposal_created')).toBe(2);
    expect(await eventTypes(t, 'kb.proposal_rejected')).toBe(1);
  });

  it('maintains dictionary lines and synonym groups (reviewers only), validating and refusing duplicates', async () => {
    expect((await water.post('/api/kb/terms', { kind: 'dictionary', value: '测试专用词甲 3000 n' })).statusCode).toBe(
      403,
    );
    const d = await legal.post('/api/kb/terms', { kind: 'dictionary', value: '  测试专用词甲   3000 n ' });
    expect(d.statusCode).toBe(201);
    expect(d.json().value).toBe('测试专用词甲 3000 n');
    expect((await legal.post('/api/kb/terms', { kind: 'dictionary', value: '测试专用词甲 10 n' })).statusCode).toBe(
      409,
    );
    expect((await legal.post('/api/kb/terms', { kind: 'dictionary', value: '测试专用词甲 多 n' })).statusCode).toBe(
      400,
    );
    expect((await legal.post('/api/kb/terms', { kind: 'dictionary', value: '   ' })).statusCode).toBe(400);
    expect((await legal.post('/api/kb/terms', { kind: 'synonym', value: '河长' })).statusCode).toBe(400);
    expect((await legal.post('/api/kb/terms', { kind: 'synonym', value: '取水许可证 取水证' })).statusCode).toBe(409);
    const s = (
      await legal.post('/api/kb/terms', { kind: 'synonym', value: '测试专用词甲 测试专用词乙 测试专用词丙' })
    ).json();
    expect((await legal.patch(`/api/kb/terms/${s.id}`, { value: '测试专用词甲 测试专用词乙' })).json().value).toBe(
      '测试专用词甲 测试专用词乙',
    );
    expect((await legal.delete(`/api/kb/terms/${d.json().id}`)).statusCode).toBe(200);
    expect(
      (await legal.get('/api/kb/terms?kind=synonym&q=' + encodeURIComponent('测试专用词乙'))).json().items,
    ).toHaveLength(1);
    expect(await eventTypes(t, 'kb.terms_updated')).toBe(4);
  });

  it('lists entries that often fail and entries not reviewed for 180 days', async () => {
    const drainDept = await deptId(t, 'drainage');
    const [a, b] = await t.ctx.db
      .selectFrom('kb_entries')
      .select('id')
      .where('department_id', '=', drainDept)
      .where('live_version', '>', 0)
      .limit(2)
      .execute();
    await t.ctx.db
      .updateTable('kb_entries')
      .set({ shown_count: 20, solved_count: 3, unsolved_count: 5 })
      .where('id', '=', a.id)
      .execute();
    await t.ctx.db
      .updateTable('kb_entries')
      .set({ shown_count: 40, solved_count: 20, unsolved_count: 4, last_reviewed_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', b.id)
      .execute();
    const failing = (await drain.get('/api/kb/stats/failing')).json().items;
    expect(failing.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(failing[0].stats).toMatchObject({ unsolved: 5, solved: 3, solveRate: 3 / 8 });
    const stale = (await legal.get('/api/kb/stats/stale')).json().items.map((x: { id: string }) => x.id);
    expect(stale).toContain(b.id);
    expect(stale).not.toContain(a.id);
    expect((await window.get('/api/kb/stats/failing')).statusCode).toBe(403);
  });
});
