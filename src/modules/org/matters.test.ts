import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('matter catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("is seeded with the Water Authority's main matters, each with an owner department", async () => {
    const items = (await t.client().get('/api/matters')).json().items;
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(items.some((m: { name: string }) => m.name.includes('取水许可'))).toBe(true);
    expect(
      items.every(
        (m: { ownerDepartmentName: string; kind: string }) =>
          m.ownerDepartmentName && ['依申请权力事项', '公共服务事项'].includes(m.kind),
      ),
    ).toBe(true);
    const live = (await t.client().get('/api/matters?liveHelp=false')).json().items;
    expect(live.every((m: { liveHelp: boolean }) => !m.liveHelp)).toBe(true);
    const search = (await t.client().get(`/api/matters?q=${encodeURIComponent('排水')}`)).json().items;
    expect(search.map((m: { id: string }) => m.id)).toEqual(
      items.filter((m: { name: string }) => m.name.includes('排水')).map((m: { id: string }) => m.id),
    );
    expect(search).toHaveLength(6);
  });

  it('links each seeded matter to its own service guide or to none, never to one shared generic page', async () => {
    const items: { guideUrl: string | null }[] = (await t.client().get('/api/matters')).json().items;
    expect(items.length).toBeGreaterThanOrEqual(25);
    const urls = items.map((m) => m.guideUrl).filter((u): u is string => !!u);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('is edited by the legal division: retire a matter and it leaves the public list', async () => {
    const legal = await t.as('legal1');
    const first = (await t.client().get('/api/matters')).json().items[0];
    expect((await legal.patch(`/api/matters/${first.id}`, { active: false })).statusCode).toBe(200);
    expect(
      (await t.client().get('/api/matters')).json().items.find((m: { id: string }) => m.id === first.id),
    ).toBeUndefined();
    expect((await t.client().get(`/api/matters/${first.id}`)).statusCode).toBe(404);
    expect((await legal.get(`/api/matters/${first.id}`)).statusCode).toBe(200);
    const bad = await legal.patch(`/api/matters/${first.id}`, { ownerDepartmentId: 'nope' });
    expect(bad.statusCode).toBe(400);
    const water = await t.as('water1');
    expect((await water.patch(`/api/matters/${first.id}`, { active: true })).statusCode).toBe(403);
    const dup = await legal.post('/api/matters', {
      code: first.code,
      name: 'x',
      kind: '公共服务事项',
      ownerDepartmentId: first.ownerDepartmentId,
      liveHelp: true,
      category: '水利',
    });
    expect(dup.statusCode).toBe(409);
    const badUrl = await legal.post('/api/matters', {
      code: 'NEW-1',
      name: 'x',
      kind: '公共服务事项',
      ownerDepartmentId: first.ownerDepartmentId,
      liveHelp: true,
      category: '水利',
      guideUrl: 'javascript:alert(1)',
    });
    expect(badUrl.statusCode).toBe(400);
  });
});
