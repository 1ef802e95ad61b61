import { describe, expect, it } from 'vitest';
import { useSharedTestDb } from '../../testing/shared-db.js';
import type { Db } from '../db/connect.js';
import { fixedClock } from '../clock.js';
import { testDbKind } from '../../testing/test-db.js';
import { JobRunner } from './job-runner.js';
import { purgeFinishedJobs, scheduleJob } from './job-queue.js';

describe(`job runner shared by two nodes (${testDbKind()})`, () => {
  const nodes = useSharedTestDb();

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
    const a = make(nodes.t.db, 'node-a');
    const b = make(nodes.second, 'node-b');
    for (let i = 0; i < 3; i++) {
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      clock.advance(60_000);
    }
    expect(runs).toHaveLength(3);
  });

  it('runs a scheduled one-off job once, only when due, and retries a failure later', async () => {
    const clock = fixedClock('2026-11-25T03:00:00Z');
    let attempts = 0;
    const runner = new JobRunner(nodes.t.db, clock, 'node-c');
    runner.register('flaky', async () => {
      attempts++;
      if (attempts === 1) throw new Error('boom');
    });
    await scheduleJob(
      nodes.t.db,
      { name: 'flaky', key: 'case-1', runAt: new Date('2026-11-25T03:10:00Z') },
      clock.now(),
    );
    await scheduleJob(
      nodes.t.db,
      { name: 'flaky', key: 'case-1', runAt: new Date('2026-11-25T03:10:00Z') },
      clock.now(),
    );
    expect(await runner.tick()).toBe(0);
    clock.set('2026-11-25T03:10:00Z');
    expect(await runner.tick()).toBe(1);
    const failed = await nodes.t.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', 'flaky:case-1')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'pending', last_error: 'boom', attempts: 1 });
    expect(await runner.tick()).toBe(0);
    clock.advance(10 * 60_000);
    expect(await runner.tick()).toBe(1);
    expect(
      (await nodes.t.db.selectFrom('jobs').select('status').where('id', '=', 'flaky:case-1').executeTakeFirstOrThrow())
        .status,
    ).toBe('done');
    expect(attempts).toBe(2);
  });

  it('renews the lease while a long job runs, so a nodes.second node does not run it again', async () => {
    const clock = fixedClock('2026-11-26T03:00:00Z');
    const runs: string[] = [];
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = new Promise<void>((r) => (started = r));
    const make = (db: Db, name: string) => {
      const r = new JobRunner(db, clock, name, undefined, { leaseMs: 1000, heartbeatMs: 20 });
      r.register('long', async () => {
        runs.push(name);
        started();
        await gate;
      });
      return r;
    };
    const a = make(nodes.t.db, 'node-a');
    const b = make(nodes.second, 'node-b');
    await scheduleJob(nodes.t.db, { name: 'long', key: 'k', runAt: clock.now() }, clock.now());
    const aTick = a.tick();
    await running;
    clock.advance(5000); // the job has now run five times longer than its lease
    const lockedAt = () =>
      nodes.t.db.selectFrom('jobs').select('locked_at').where('id', '=', 'long:k').executeTakeFirstOrThrow();
    for (let i = 0; i < 100 && (await lockedAt()).locked_at !== clock.now().toISOString(); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect((await lockedAt()).locked_at).toBe(clock.now().toISOString()); // the heartbeat renewed it
    expect(await b.tick()).toBe(0);
    release();
    expect(await aTick).toBe(1);
    expect(runs).toEqual(['node-a']);
    expect(
      (await nodes.t.db.selectFrom('jobs').select('status').where('id', '=', 'long:k').executeTakeFirstOrThrow())
        .status,
    ).toBe('done');
  });

  it('purges finished rows after their retention, keeping pending and recent ones', async () => {
    const now = new Date('2026-12-20T00:00:00Z');
    const row = (id: string, status: string, updated: string) => ({
      id,
      name: 'purge-test',
      payload: '{}',
      run_at: updated,
      status,
      attempts: 1,
      locked_by: null,
      locked_at: null,
      last_error: null,
      created_at: updated,
      updated_at: updated,
    });
    await nodes.t.db
      .insertInto('jobs')
      .values([
        row('p:old-done', 'done', '2026-12-01T00:00:00Z'),
        row('p:new-done', 'done', '2026-12-18T00:00:00Z'),
        row('p:old-failed', 'failed', '2026-11-01T00:00:00Z'),
        row('p:recent-failed', 'failed', '2026-12-01T00:00:00Z'),
        row('p:old-pending', 'pending', '2026-01-01T00:00:00Z'),
      ])
      .execute();
    expect(await purgeFinishedJobs(nodes.t.db, now, { batch: 1 })).toBeGreaterThanOrEqual(2);
    const left = await nodes.t.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', 'purge-test')
      .orderBy('id')
      .execute();
    expect(left.map((r) => r.id)).toEqual(['p:new-done', 'p:old-pending', 'p:recent-failed']);
  });
});
