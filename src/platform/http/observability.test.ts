import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('health, readiness, metrics, OpenAPI and error hygiene', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { metricsToken: 'scrape-me' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    expect((await t.client().get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.client().get('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('shows metrics to administrators or the scraper token only', async () => {
    expect((await t.client().get('/metrics')).statusCode).toBe(401);
    expect((await (await t.as('window1')).get('/metrics')).statusCode).toBe(403);
    const admin = await (await t.as('admin')).get('/metrics');
    expect(admin.statusCode).toBe(200);
    expect(admin.body).toContain('bangban_http_request_duration_seconds');
    expect((await t.client().get('/metrics', { authorization: 'Bearer scrape-me' })).statusCode).toBe(200);
  });

  it('describes the API as OpenAPI 3 with every route and a browsable page', async () => {
    const spec = (await t.client().get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/users',
      '/api/users/{id}',
      '/api/auth/login',
      '/api/calendar/days/{date}',
      '/api/audit',
      '/api/matters',
    ])
      expect(spec.paths).toHaveProperty([path]);
    expect(spec.paths['/api/users'].post.requestBody).toBeDefined();
    expect((await t.client().get('/api/docs/')).statusCode).toBe(200);
  });

  it('answers an unknown API path with a bilingual 404, a request id and no stack', async () => {
    const res = await t.client().get('/api/nothing-here', { 'x-request-id': 'trace-abc-123' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', requestId: 'trace-abc-123' });
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
  });

  it('sends security headers', async () => {
    const res = await t.client().get('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
