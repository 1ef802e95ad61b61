import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { fixedClock } from '../clock.js';
import { createTestDb, testDbKind, type TestDb } from '../../testing/test-db.js';
import { JobRunner } from './job-runner.js';
import { scheduleJob } from './job-queue.js';

describe(`job runner shared by two nodes (${testDbKind()})`, () => {
  let t: TestDb;
  let second: Db;
  beforeAll(async () => {
    t = await createTestDb(undefined, { shared: true });
    await migrateToLatest(t.db);
    second = connectDatabase(t.url);
  });
  afterAll(async () => {
    await second.destroy();
    await t.drop();
  });

  it('runs each sweep bucket once even when both nodes tick at the same moment', async () => {
    const clock = fixedClock('2026-11-25T02:00:00Z');
    const runs: string[] = [];
    const make = (db: Db, name: string) => {
      const r = new JobRunner(db, clock, name);
      r.addSweep({
        name: 'test.sweep',
        everyMs: 60_000,
        handler: async (_p, now) => {
          runs.push(`${name}@${now.toISOString()}`);
        },
      });
      return r;
    };
    const a = make(t.db, 'node-a');
    const b = make(second, 'node-b');
    for (let i = 0; i < 3; i++) {
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      clock.advance(60_000);
    }
    expect(runs).toHaveLength(3);
  });

  it('runs a scheduled one-off job once, only when due, and retries a failure later', async () => {
    const clock = fixedClock('2026-11-25T03:00:00Z');
    let attempts = 0;
    const runner = new JobRunner(t.db, clock, 'node-c');
    runner.register('flaky', async () => {
      attempts++;
      if (attempts === 1) throw new Error('boom');
    });
    await scheduleJob(t.db, { name: 'flaky', key: 'case-1', runAt: new Date('2026-11-25T03:10:00Z') }, clock.now());
    await scheduleJob(t.db, { name: 'flaky', key: 'case-1', runAt: new Date('2026-11-25T03:10:00Z') }, clock.now());
    expect(await runner.tick()).toBe(0);
    clock.set('2026-11-25T03:10:00Z');
    expect(await runner.tick()).toBe(1);
    const failed = await t.db.selectFrom('jobs').selectAll().where('id', '=', 'flaky:case-1').executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'pending', last_error: 'boom', attempts: 1 });
    expect(await runner.tick()).toBe(0);
    clock.advance(10 * 60_000);
    expect(await runner.tick()).toBe(1);
    expect(
      (await t.db.selectFrom('jobs').select('status').where('id', '=', 'flaky:case-1').executeTakeFirstOrThrow())
        .status,
    ).toBe('done');
    expect(attempts).toBe(2);
  });
});
