import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { emitTestEvent } from '../../testing/test-events.js';
import { useSharedTestDb } from '../../testing/shared-db.js';
import { testDbKind } from '../../testing/test-db.js';
import { fixedClock } from '../clock.js';
import { EventFeed } from './event-feed.js';

const clock = fixedClock('2026-11-25T02:00:00Z');

/** Resolves with the milliseconds until `done()` holds, or rejects after `ms`. */
async function within(ms: number, done: () => boolean): Promise<number> {
  const started = performance.now();
  while (!done()) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
  return performance.now() - started;
}

describe(`event feed wake-up on ${testDbKind()}`, () => {
  const nodes = useSharedTestDb();

  it('delivers a committed event at once, not at the next poll (timer a minute away)', async () => {
    // PostgreSQL: the feed runs on the other node's connection, woken by NOTIFY from the commit;
    // SQLite: one writer process, woken in process
    const db = testDbKind() === 'postgres' ? nodes.second : nodes.t.db;
    const feed = new EventFeed(db, { clock, intervalMs: 60_000 });
    await feed.start();
    const seen: string[] = [];
    feed.subscribe({ name: 'test.wake', types: ['test.wake.*'], handle: (e) => void seen.push(e.type) });
    try {
      await new Promise((r) => setTimeout(r, 200)); // the LISTEN connection is up
      for (const n of [1, 2, 3]) {
        await emitTestEvent(nodes.t.db, clock, `test.wake.${n}`);
        // well under a second, however busy the machine; without the wake-up it would be a minute
        await within(1500, () => seen.length === n);
      }
      expect(seen).toEqual(['test.wake.1', 'test.wake.2', 'test.wake.3']);
    } finally {
      await feed.stop();
    }
  });

  it('after a wake-up, quick rounds follow on PostgreSQL only (its NOTIFY may beat the commit); on SQLite, whose wake-up comes after this process wrote, one read', async () => {
    let reads = 0;
    const counting: KyselyPlugin = {
      transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
        const node = args.node;
        if (node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes('"events"')) reads++;
        return node;
      },
      transformResult: (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> =>
        Promise.resolve(args.result),
    };
    const feed = new EventFeed(nodes.t.db.withPlugin(counting), { clock, intervalMs: 60_000 });
    await feed.start();
    const seen: string[] = [];
    feed.subscribe({ name: 'test.once', types: ['test.once'], handle: (e) => void seen.push(e.type) });
    try {
      await emitTestEvent(nodes.t.db, clock, 'test.once');
      await within(1500, () => seen.length === 1);
      const after = reads;
      await new Promise((r) => setTimeout(r, 150)); // PostgreSQL's quick rounds: one every 5 ms
      if (testDbKind() === 'postgres') expect(reads - after).toBeGreaterThan(5);
      else expect(reads - after).toBe(0);
    } finally {
      await feed.stop();
    }
  });
});
