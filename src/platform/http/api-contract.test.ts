import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { ZErrorResponse } from '../../contracts/common.js';
import { API_ERROR_STATUSES } from './api-contract.js';

type Operation = { responses?: Record<string, unknown> };

describe('the API contract in the OpenAPI document', () => {
  let t: TestApp;
  let operations: { name: string; op: Operation }[];
  beforeAll(async () => {
    t = await createTestApp();
    const spec = (await t.client().get('/api/openapi.json')).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
      );
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every /api operation', () => {
    expect(operations.length).toBeGreaterThanOrEqual(70);
  });

  it('declares the error answers on every /api operation', () => {
    const missing = operations.flatMap(({ name, op }) =>
      API_ERROR_STATUSES.filter((s) => !op.responses?.[String(s)]).map((s) => `${name} ${s}`),
    );
    expect(missing).toEqual([]);
    const sample = operations[0].op.responses!['404'] as { content: Record<string, { schema: any }> };
    expect(sample.content['application/json'].schema.properties.error.required).toEqual(
      expect.arrayContaining(['code', 'message', 'messages', 'requestId']),
    );
  });

  it('declares a success answer (2xx) on every /api operation', () => {
    const missing = operations
      .filter(({ op }) => !Object.keys(op.responses ?? {}).some((s) => /^2\d\d$/.test(s)))
      .map((o) => o.name);
    expect(missing).toEqual([]);
  });

  it('answers errors in the declared shape', async () => {
    const res = await t.client().get('/api/users');
    expect(res.statusCode).toBe(401);
    expect(ZErrorResponse.safeParse(res.json()).success).toBe(true);
  });
});
