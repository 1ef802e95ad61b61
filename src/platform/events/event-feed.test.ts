import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { testDbKind } from '../../testing/test-db.js';
import { createTwoNodes, type TwoNodes } from '../../testing/two-nodes.js';
import type { StoredEvent } from './event-feed.js';

describe(`two server nodes on one ${testDbKind()} database`, () => {
  let nodes: TwoNodes;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    nodes = await createTwoNodes();
    ({ a, b } = nodes);
  });
  afterAll(() => nodes.close());

  it('seed only once, even when both start on the same database', async () => {
    const n = await a.ctx.db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(10);
  });

  it('an event committed on node A reaches node B within 2 seconds', async () => {
    const seen: StoredEvent[] = [];
    b.ctx.feed.on('event', (e: StoredEvent) => seen.push(e));
    const admin = await a.as('admin');
    const started = Date.now();
    expect((await admin.put('/api/calendar/days/2026-12-31', { kind: 'holiday', name: '测试' })).statusCode).toBe(200);
    while (!seen.some((e) => e.type === 'calendar.day_set') && Date.now() - started < 2000)
      await new Promise((r) => setTimeout(r, 50));
    expect(seen.find((e) => e.type === 'calendar.day_set')).toMatchObject({ subjectId: '2026-12-31' });
  });

  it("node B's working-time cache is refreshed by node A's calendar change", async () => {
    const adminB = await b.as('admin');
    const q = '/api/calendar/deadline?from=2026-12-29T10:00:00%2B08:00&workingDays=1';
    expect((await adminB.get(q)).json().due).toBe('2026-12-30T09:00:00.000Z');
    const adminA = await a.as('admin');
    await adminA.put('/api/calendar/days/2026-12-30', { kind: 'holiday', name: '测试' });
    const started = Date.now();
    let due = '';
    while (Date.now() - started < 2000) {
      due = (await adminB.get(q)).json().due;
      if (due !== '2026-12-30T09:00:00.000Z') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // 30 and 31 Dec are now holidays; 2027 has no calendar yet, so Friday 1 Jan counts as a working day
    expect(due).toBe('2027-01-01T09:00:00.000Z');
  });

  it('counts a failing consumer in /metrics (errors and lag)', async () => {
    const stop = a.ctx.feed.subscribe({
      name: 'test.failing',
      types: ['service_hours.*'],
      handle: () => {
        throw new Error('cannot');
      },
    });
    const admin = await a.as('admin');
    const periods = [{ start: '09:00', end: '17:00' }];
    expect((await admin.put('/api/service-hours/live_help', { periods })).statusCode).toBe(200);
    const started = Date.now();
    let metrics = '';
    while (!metrics.includes('consumer="test.failing"} 1') && Date.now() - started < 3000) {
      await a.ctx.feed.poll();
      metrics = (await admin.get('/metrics')).body;
    }
    expect(metrics).toContain('bangban_event_consumer_errors_total{consumer="test.failing"} 1');
    expect(metrics).toMatch(/bangban_event_consumer_lag_seconds\{consumer="test.failing"\} \d/);
    stop();
  });
});
