import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseKbCodes } from '../../platform/db/migrations/005-modules-ratings-callbacks.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';

describe('knowledge policy: proposals, policy documents, codes', () => {
  let t: TestApp;
  let water: TestClient;
  let drain: TestClient;
  let legal: TestClient;
  let auditor: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-09-01T02:00:00Z' });
    [water, drain, legal, auditor] = await Promise.all(['water1', 'drain1', 'legal1', 'auditor1'].map((u) => t.as(u)));
  });
  afterAll(async () => {
    await t.close();
  });

  const waterDept = async () =>
    (
      await t.ctx.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'water-resources')
        .executeTakeFirstOrThrow()
    ).id;

  it('the read-only auditor cannot make a KB proposal (403) and is not offered the ability', async () => {
    const res = await auditor.post('/api/kb/proposals', {
      source: 'live_help',
      question: '审计能提建议吗？',
      answer: '不能。',
      departmentId: await waterDept(),
    });
    expect(res.statusCode).toBe(403);
    expect((await auditor.get('/api/auth/me')).json().abilities).not.toContain('knowledge.propose');
    expect((await t.as('window1').then((c) => c.get('/api/auth/me'))).json().abilities).toContain('knowledge.propose');
  });

  it('refuses a proposal whose answer sanitises to nothing (400), and never accepts one into an empty entry', async () => {
    const window = await t.as('window1');
    const res = await window.post('/api/kb/proposals', {
      source: 'live_help',
      question: '空答复？',
      answer: '<script>alert(1)</script><p> </p>',
      departmentId: await waterDept(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messages.zh).toContain('答复内容为空');
    // one stored before this rule (raw) cannot be accepted either
    const id = 'legacy-empty';
    await t.ctx.db
      .insertInto('kb_proposals')
      .values({
        id,
        source: 'phone',
        source_ref: null,
        question: '旧的空答复建议',
        answer: '<style>p{}</style>',
        matter_id: null,
        department_id: await waterDept(),
        status: 'open',
        entry_id: null,
        created_by: null,
        created_at: t.clock.now().toISOString(),
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
    const accept = await water.post(`/api/kb/proposals/${id}/accept`);
    expect(accept.statusCode).toBe(400);
    const entries = await t.ctx.db
      .selectFrom('kb_entries')
      .select('id')
      .where('question', '=', '旧的空答复建议')
      .execute();
    expect(entries).toEqual([]);
  });

  it("policy documents are department-scoped: another department's editor neither reads one nor links a draft", async () => {
    const draft = (
      await water.post('/api/kb/entries', { question: '水资源草稿问答', answer: '答复', category: '水利' })
    ).json();
    const doc = (
      await water.post('/api/kb/policies', { title: '水资源政策', effectiveDate: '2026-12-01', entryIds: [draft.id] })
    ).json();
    expect(doc.entries.map((e: { id: string }) => e.id)).toEqual([draft.id]);
    expect((await drain.get(`/api/kb/policies/${doc.id}`)).statusCode).toBe(404);
    expect((await drain.get('/api/kb/policies')).json().items.map((x: { id: string }) => x.id)).not.toContain(doc.id);
    expect((await legal.get(`/api/kb/policies/${doc.id}`)).statusCode).toBe(200);
    expect((await auditor.get('/api/kb/policies')).json().items.map((x: { id: string }) => x.id)).toContain(doc.id);
    // drainage's editor links water's draft to a drainage policy: refused
    const linked = await drain.post('/api/kb/policies', {
      title: '排水政策',
      effectiveDate: '2026-12-01',
      entryIds: [draft.id],
    });
    expect(linked.statusCode).toBe(400);
  });

  it('gives seeded and new entries one code format (kb- and six digits)', async () => {
    const seeded = await t.ctx.db.selectFrom('kb_entries').select('code').orderBy('code').limit(3).execute();
    expect(seeded.map((e) => e.code)).toEqual(['kb-000001', 'kb-000002', 'kb-000003']);
    const fresh = (
      await water.post('/api/kb/entries', { question: '新条目编号', answer: '答复', category: '水利' })
    ).json();
    expect(fresh.code).toMatch(/^kb-\d{6}$/);
    const all = await t.ctx.db.selectFrom('kb_entries').select('code').where('code', 'like', 'kb-%').execute();
    expect(all.filter((e) => !/^kb-\d{6}$/.test(e.code))).toEqual([]);
  });
});

describe('migration 005 on an existing database', () => {
  it('rewrites seeded kb-0001 codes to kb-000001, leaving imported codes alone', async () => {
    const t = await createTestApp();
    try {
      const db = t.ctx.db;
      const [a, b] = await db.selectFrom('kb_entries').select(['id', 'code']).orderBy('code').limit(2).execute();
      await db.updateTable('kb_entries').set({ code: 'kb-0001' }).where('id', '=', a.id).execute();
      await db.updateTable('kb_entries').set({ code: 'imp-0002' }).where('id', '=', b.id).execute();
      await normaliseKbCodes(db);
      const after = await db.selectFrom('kb_entries').select(['id', 'code']).where('id', 'in', [a.id, b.id]).execute();
      expect(Object.fromEntries(after.map((e) => [e.id, e.code]))).toEqual({ [a.id]: 'kb-000001', [b.id]: 'imp-0002' });
    } finally {
      await t.close();
    }
  });
});
