import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { emitTestEvent } from '../../testing/test-events.js';
import { useSharedTestDb } from '../../testing/shared-db.js';
import { fixedClock } from '../clock.js';
import { EventFeed } from './event-feed.js';

const clock = fixedClock('2026-11-25T02:00:00Z');

describe('event feed wake-up on postgres', () => {
  const nodes = useSharedTestDb();

  it("wakes the nodes from outside the writers' transactions: no trigger notifies in them (it held the notification lock through every commit)", async () => {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_trigger where tgname = 'events_notify'`.execute(nodes.t.db);
    expect(rows[0].n).toBe(0);
  });

  it('keeps reading while a committed event waits behind an older transaction that commits without an event', async () => {
    const feed = new EventFeed(nodes.second, { clock, intervalMs: 60_000 });
    await feed.start();
    const seen: string[] = [];
    feed.subscribe({ name: 'test.held', types: ['test.held'], handle: (e) => void seen.push(e.type) });
    try {
      await new Promise((r) => setTimeout(r, 200)); // the LISTEN connection is up
      let release!: () => void;
      let started!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const hasXid = new Promise<void>((r) => (started = r));
      // an older write transaction (it has a transaction id) that records no event, so it never notifies
      const older = nodes.t.db.transaction().execute(async (trx) => {
        await sql`select pg_current_xact_id()`.execute(trx);
        started();
        await gate;
      });
      await hasXid;
      await emitTestEvent(nodes.second, clock, 'test.held'); // notifies, but waits behind `older`
      await new Promise((r) => setTimeout(r, 600)); // longer than the quick rounds after a wake-up
      expect(seen).toEqual([]);
      release();
      await older;
      const t0 = performance.now();
      while (seen.length === 0 && performance.now() - t0 < 1500) await new Promise((r) => setTimeout(r, 2));
      expect(seen).toEqual(['test.held']); // read within 1.5 s of the commit, not at the minute's poll
    } finally {
      await feed.stop();
    }
  });
});
