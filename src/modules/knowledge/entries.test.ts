import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';

const deptId = async (t: TestApp, code: string) =>
  (await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const events = (t: TestApp, subjectId: string) =>
  t.ctx.db
    .selectFrom('events')
    .select(['type', 'subject_id', 'department_id'])
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
const draft = (over: Record<string, unknown> = {}) => ({
  question: '取水许可证遗失了怎么补办？',
  similar: ['取水证丢了怎么办'],
  answer: '<p>请携带身份证明到窗口申请补办。</p>',
  category: '水利',
  tags: ['取水许可'],
  ...over,
});

describe('knowledge entries: workflow, scope, versions', () => {
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

  it('an editor creates a draft for their department with a generated code, and the answer is sanitised', async () => {
    const res = await water.post(
      '/api/kb/entries',
      draft({
        answer:
          '<p onclick="x()">请到窗口<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">办理</a><a href="https://ywtb.sh.gov.cn">网办</a></p><style>p{}</style>',
      }),
    );
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      status: 'draft',
      liveVersion: 0,
      departmentId: await deptId(t, 'water-resources'),
      category: '水利',
    });
    expect(e.code).toMatch(/^kb-\d{6}$/);
    expect(e.answer).not.toMatch(/script|onerror|onclick|javascript|style|<img/i);
    expect(e.answer).toContain('<a href="https://ywtb.sh.gov.cn" rel="noopener noreferrer">网办</a>');
    const patched = await water.patch(`/api/kb/entries/${e.id}`, {
      answer: '<h3>材料</h3><ul><li onmouseover="x">身份证</li></ul><iframe src="https://evil"></iframe>',
    });
    expect(patched.json().answer).toBe('<h3>材料</h3><ul><li>身份证</li></ul>');
  });

  it('keeps another department out: 404 on its draft (and absent from lists), 403 on editing its published entry', async () => {
    const e = (await water.post('/api/kb/entries', draft({ question: '水资源费怎么缴纳？' }))).json();
    expect((await drain.get(`/api/kb/entries/${e.id}`)).statusCode).toBe(404);
    expect((await drain.patch(`/api/kb/entries/${e.id}`, { question: 'x' })).statusCode).toBe(404);
    expect((await drain.post(`/api/kb/entries/${e.id}/submit`)).statusCode).toBe(404);
    expect((await window.get(`/api/kb/entries/${e.id}`)).statusCode).toBe(404);
    const list = (await drain.get(`/api/kb/entries?q=${encodeURIComponent('水资源费怎么缴纳')}`)).json();
    expect(list.total).toBe(0);
    expect(
      (await drain.post('/api/kb/entries', draft({ departmentId: await deptId(t, 'water-resources') }))).statusCode,
    ).toBe(403);
    expect((await window.post('/api/kb/entries', draft())).statusCode).toBe(403);
    const published = (
      await drain.get('/api/kb/entries?departmentId=' + (await deptId(t, 'water-resources')) + '&pageSize=1')
    ).json().items[0];
    expect(published.status).toBe('published');
    expect((await drain.patch(`/api/kb/entries/${published.id}`, { question: '改一下' })).statusCode).toBe(403);
  });

  it('walks draft → submitted → returned (with comment) → draft → submitted → published, one event per move', async () => {
    const e = (await water.post('/api/kb/entries', draft({ question: '取水许可延续需要什么材料？' }))).json();
    expect((await legal.post(`/api/kb/entries/${e.id}/publish`)).statusCode).toBe(409);
    expect((await water.post(`/api/kb/entries/${e.id}/submit`)).json().status).toBe('submitted');
    expect((await water.patch(`/api/kb/entries/${e.id}`, { question: '改' })).json().error.code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await water.post(`/api/kb/entries/${e.id}/publish`)).statusCode).toBe(403);
    expect((await legal.post(`/api/kb/entries/${e.id}/return`, {})).statusCode).toBe(400);
    const returned = (await legal.post(`/api/kb/entries/${e.id}/return`, { comment: '请补充法律依据' })).json();
    expect(returned).toMatchObject({ status: 'returned', reviewComment: '请补充法律依据' });
    expect(
      (
        await water.patch(`/api/kb/entries/${e.id}`, { answer: '<p>依据《取水许可和水资源费征收管理条例》……</p>' })
      ).json().status,
    ).toBe('draft');
    await water.post(`/api/kb/entries/${e.id}/submit`);
    const pub = (await legal.post(`/api/kb/entries/${e.id}/publish`)).json();
    expect(pub).toMatchObject({ status: 'published', liveVersion: 1 });
    expect((await legal.post(`/api/kb/entries/${e.id}/publish`)).json().error.code).toBe('INVALID_TRANSITION');
    const types = (await events(t, e.id)).map((x) => x.type);
    expect(types).toEqual([
      'kb.entry_created',
      'kb.entry_submitted',
      'kb.entry_returned',
      'kb.entry_updated',
      'kb.entry_submitted',
      'kb.entry_published',
    ]);
    const published = (await events(t, e.id)).find((x) => x.type === 'kb.entry_published')!;
    expect(published).toMatchObject({ subject_id: e.id, department_id: await deptId(t, 'water-resources') });
  });

  it('editing a published entry makes a working draft while agents still see the live version; publishing makes v2', async () => {
    const e = (await water.post('/api/kb/entries', draft({ question: '取水计量设施怎么安装？' }))).json();
    await water.post(`/api/kb/entries/${e.id}/submit`);
    await legal.post(`/api/kb/entries/${e.id}/publish`);
    const edited = (await water.patch(`/api/kb/entries/${e.id}`, { question: '取水计量设施应当如何安装？' })).json();
    expect(edited).toMatchObject({ status: 'draft', liveVersion: 1, question: '取水计量设施应当如何安装？' });
    const seen = (await window.get(`/api/kb/entries/${e.id}`)).json();
    expect(seen).toMatchObject({ status: 'published', question: '取水计量设施怎么安装？', liveVersion: 1 });
    expect((await window.get(`/api/kb/entries/${e.id}/versions`)).statusCode).toBe(404);
    const diff = (await water.get(`/api/kb/entries/${e.id}/diff?from=1&to=working`)).json();
    expect(diff.changed).toEqual(['question']);
    expect(
      diff.fields.question
        .filter((s: { added: boolean }) => s.added)
        .map((s: { value: string }) => s.value)
        .join(''),
    ).toContain('应当');
    await water.post(`/api/kb/entries/${e.id}/submit`);
    expect((await legal.post(`/api/kb/entries/${e.id}/publish`)).json().liveVersion).toBe(2);
    const versions = (await water.get(`/api/kb/entries/${e.id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ authorName: '李强（水资源）', reviewerName: '周洁（法规处）' });
    const d12 = (await legal.get(`/api/kb/entries/${e.id}/diff?from=1&to=2`)).json();
    expect(
      d12.fields.question.some((s: { removed: boolean; value: string }) => s.removed && s.value.includes('怎么')),
    ).toBe(true);

    const restored = (await water.post(`/api/kb/entries/${e.id}/versions/1/restore`)).json();
    expect(restored).toMatchObject({ status: 'draft', liveVersion: 2, question: '取水计量设施怎么安装？' });
    expect((await water.get(`/api/kb/entries/${e.id}/diff?from=1&to=working`)).json().changed).toEqual([]);
    expect((await events(t, e.id)).map((x) => x.type).at(-1)).toBe('kb.entry_restored');
  });

  it('archives (reviewer only; the bot stops answering) and restores to draft', async () => {
    const e = (await water.post('/api/kb/entries', draft({ question: '取水许可注销怎么办理？' }))).json();
    await water.post(`/api/kb/entries/${e.id}/submit`);
    await legal.post(`/api/kb/entries/${e.id}/publish`);
    expect((await water.post(`/api/kb/entries/${e.id}/archive`)).statusCode).toBe(403);
    const archived = (await legal.post(`/api/kb/entries/${e.id}/archive`)).json();
    expect(archived).toMatchObject({ status: 'archived', liveVersion: 0 });
    expect((await window.get(`/api/kb/entries/${e.id}`)).statusCode).toBe(404);
    const ev = (await events(t, e.id)).find((x) => x.type === 'kb.entry_archived');
    expect(ev?.subject_id).toBe(e.id);
    expect((await water.post(`/api/kb/entries/${e.id}/submit`)).statusCode).toBe(409);
    const reopened = await water.request({ method: 'POST', url: `/api/kb/entries/${e.id}/reopen` }); // a bodyless POST is fine
    expect(reopened.json()).toMatchObject({ status: 'draft', liveVersion: 0 });
  });

  it('lists with filters and paging, and shows statistics in the detail', async () => {
    const list = (await window.get('/api/kb/entries?category=排水&pageSize=5')).json();
    expect(list.items.length).toBe(5);
    expect(list.total).toBeGreaterThan(5);
    expect(
      list.items.every((x: { category: string; status: string }) => x.category === '排水' && x.status === 'published'),
    ).toBe(true);
    const tagged = (await water.post('/api/kb/entries', draft({ question: '取水许可证遗失了怎么补办？' }))).json();
    const untagged = (await water.post('/api/kb/entries', draft({ question: '水资源公报在哪看？', tags: [] }))).json();
    const byTag = (await water.get(`/api/kb/entries?tag=${encodeURIComponent('取水许可')}&status=draft`)).json();
    const ids = byTag.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(tagged.id);
    expect(ids).not.toContain(untagged.id);
    expect(
      byTag.items.every((x: { tags: string[]; status: string }) => x.tags.includes('取水许可') && x.status === 'draft'),
    ).toBe(true);
    expect(byTag.total).toBe(ids.length);
    const one = (await window.get(`/api/kb/entries/${list.items[0].id}`)).json();
    expect(one.stats).toMatchObject({ shown: 0, solved: 0, unsolved: 0 });
    const me = (await legal.get('/api/auth/me')).json();
    expect(me.abilities).toEqual(
      expect.arrayContaining(['knowledge.review', 'knowledge.read', 'knowledge.manageTerms']),
    );
    expect((await window.get('/api/auth/me')).json().abilities).not.toContain('knowledge.edit');
  });
});
