import { describe, it, expect } from 'vitest';
import { PASSWORD, poll, useBrowserSession } from './browser-session.js';
import { apiClient } from './api-client.js';

const e2e = useBrowserSession();

describe('live updates', () => {
  it("a list on screen shows another user's change without a reload", async () => {
    const { page, errors } = await e2e.newPage();
    await e2e.signIn(page, 'admin');
    await page.goto(`${e2e.baseUrl}/admin/departments`);
    await page.getByRole('row', { name: /供水处/ }).waitFor();
    let reloads = 0;
    page.on('load', () => reloads++);

    // Someone else (another session, over the API) adds a department…
    const other = await apiClient(e2e.baseUrl, 'admin', PASSWORD);
    const res = await other.post('/api/departments', {
      code: 'e2e-live',
      nameZh: '实时更新测试处',
      nameEn: 'Live update test',
      kind: 'office',
    });
    expect(res.statusCode).toBe(201);

    // …and the open page lists it, pushed over /api/live and refetched by the query cache.
    await poll(() => page.getByRole('row', { name: /实时更新测试处/ }).count()).toBe(1);
    expect(reloads).toBe(0);
    expect(errors).toEqual([]);
  });
});
