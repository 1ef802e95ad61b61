import { describe, expect, it } from 'vitest';
import { emitTestEvent, pollUntil, uncatalogued } from '../../testing/test-events.js';
import { recordEvents, SYSTEM_ACTOR } from './record-event.js';
import { useSharedTestDb } from '../../testing/shared-db.js';
import type { Db } from '../db/connect.js';
import { fixedClock } from '../clock.js';
import { testDbKind } from '../../testing/test-db.js';
import { BotIndex } from '../../modules/bot/bot-index.js';
import { EventFeed, type StoredEvent } from './event-feed.js';
import { tailPosition } from './event-reader.js';

const clock = fixedClock('2026-11-25T02:00:00Z');
const emit = (db: Db, type: string, subjectId?: string) => emitTestEvent(db, clock, type, subjectId);

describe(`event delivery on ${testDbKind()}`, () => {
  const nodes = useSharedTestDb();

  it('a durable consumer restarted mid-stream resumes after the last event it finished', async () => {
    await emit(nodes.t.db, 'test.mail.before'); // history: a new consumer starts at the tail…
    const last = await nodes.t.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    let tail = 0;
    const readTail = async () => void (tail = (await tailPosition(nodes.t.db)).id);
    await pollUntil(readTail, () => tail >= Number(last.id)); // …once settled (PostgreSQL)
    const handled: Record<string, string[]> = { n1: [], n2: [], n3: [] };
    const node = (db: Db, id: string, batchSize = 100) => {
      const feed = new EventFeed(db, { clock, nodeId: id, batchSize, leaseMs: 60_000 });
      feed.subscribe({
        name: 'test.mailer',
        durable: true,
        types: ['test.mail.*'],
        handle: (e) => void handled[id].push(String(e.subjectId)),
      });
      return feed;
    };
    const n1 = node(nodes.t.db, 'n1', 2);
    await n1.poll(); // registers the consumer at the tail
    for (const n of ['1', '2', '3', '4', '5']) await emit(nodes.t.db, 'test.mail.sent', n);
    await emit(nodes.t.db, 'test.other'); // not for this consumer
    await pollUntil(n1, () => handled.n1.length >= 2);
    const k = handled.n1.length; // 2 (one batch), unless the events became visible one by one
    expect(handled.n1).toEqual(['1', '2', '3', '4', '5'].slice(0, k));
    await n1.stop(); // a restart: the lease is given back

    await emit(nodes.t.db, 'test.mail.sent', '6');
    const n2 = node(nodes.second, 'n2');
    const n3 = node(nodes.t.db, 'n3');
    const both = () => Promise.all([n2.poll(), n3.poll()]); // two nodes: only the lease holder works
    await pollUntil(both, () => handled.n2.length + handled.n3.length >= 5 - k + 1);
    expect([...handled.n2, ...handled.n3]).toEqual(['1', '2', '3', '4', '5', '6'].slice(k));

    // the holder dies without giving the lease back: the other node takes over once it expires
    const lease = () => nodes.t.db.selectFrom('event_consumers').selectAll().where('name', '=', 'test.mailer');
    const holder = (await lease().executeTakeFirstOrThrow()).locked_by;
    const survivor = holder === 'n2' ? n3 : n2;
    await emit(nodes.t.db, 'test.mail.sent', '7');
    await survivor.poll();
    expect((await lease().executeTakeFirstOrThrow()).locked_by).toBe(holder); // still leased
    clock.advance(61_000);
    await pollUntil(survivor, () => handled.n2.length + handled.n3.length === 5);
    expect((await lease().executeTakeFirstOrThrow()).locked_by).toBe(holder === 'n2' ? 'n3' : 'n2');
    expect([...handled.n2, ...handled.n3].sort()).toEqual(['3', '4', '5', '6', '7']); // each once
    await n2.stop();
    await n3.stop();
  });

  it('a durable consumer that keeps up reads nothing of its own, and writes its cursor past skipped events later', async () => {
    let reads = 0;
    const counted = nodes.t.db.withPlugin({
      transformQuery: (a) => {
        if (a.node.kind === 'SelectQueryNode' && JSON.stringify(a.node.from).includes('"events"')) reads++;
        return a.node;
      },
      transformResult: (a) => Promise.resolve(a.result),
    });
    const feed = new EventFeed(counted, { clock, nodeId: 'k1', batchSize: 1000, leaseMs: 60_000 });
    const handled: string[] = [];
    feed.subscribe({
      name: 'test.keepup',
      durable: true,
      types: ['test.keep.*'],
      handle: (e) => void handled.push(String(e.subjectId)),
    });
    const cursor = async () =>
      Number(
        (
          await nodes.t.db
            .selectFrom('event_consumers')
            .select('cursor_id')
            .where('name', '=', 'test.keepup')
            .executeTakeFirstOrThrow()
        ).cursor_id,
      );
    const lastId = async () =>
      Number(
        (
          await nodes.t.db
            .selectFrom('events')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirstOrThrow()
        ).id,
      );
    // the feed and the consumer both reach the tail
    for (let i = 0; i < 50; i++) await feed.poll();
    await emit(nodes.t.db, 'test.keep.a', 'a');
    await pollUntil(feed, () => handled.length === 1);
    let rounds = 0;
    reads = 0;
    const round = async () => void (rounds++, await feed.poll());
    for (const n of ['1', '2', '3']) await emit(nodes.t.db, 'test.other', n);
    await emit(nodes.t.db, 'test.keep.b', 'b');
    const b = await lastId();
    await pollUntil(round, () => handled.length === 2);
    expect(handled).toEqual(['a', 'b']);
    expect(reads).toBe(rounds); // one read per round: the one every consumer shares
    expect(await cursor()).toBe(b); // saved with the event it took

    for (const n of ['4', '5']) await emit(nodes.t.db, 'test.other', n);
    const skipped = await lastId();
    for (let i = 0; i < 5; i++) await round();
    expect(await cursor()).toBe(b); // skipped events: not written on every round…
    await feed.stop();
    expect(await cursor()).toBe(skipped); // …but when the node stops
    expect(handled).toEqual(['a', 'b']);
  });

  it('parks a poisoned event after repeated failures and goes on with the next ones', async () => {
    const logs: string[] = [];
    const feed = new EventFeed(nodes.t.db, { clock, nodeId: 'p1', maxAttempts: 3, log: (m) => logs.push(m) });
    await feed.start();
    const broadcast: string[] = [];
    const durable: string[] = [];
    let flaky = 0;
    const handle = (into: string[]) => (e: StoredEvent) => {
      if (e.subjectId === 'poison') throw new Error('cannot handle this one');
      if (e.subjectId === 'flaky' && into === broadcast && flaky++ === 0) throw new Error('transient');
      into.push(String(e.subjectId));
    };
    feed.subscribe({ name: 'test.cache', types: ['test.poison.*'], handle: handle(broadcast) });
    feed.subscribe({ name: 'test.notify', durable: true, types: ['test.poison.*'], handle: handle(durable) });
    await feed.poll(); // the durable consumer starts at the tail
    for (const s of ['a', 'poison', 'flaky', 'b']) await emit(nodes.t.db, 'test.poison.x', s);
    await pollUntil(feed, () => broadcast.length === 3 && durable.length === 3);
    expect(broadcast).toEqual(['a', 'flaky', 'b']);
    expect(durable).toEqual(['a', 'flaky', 'b']);
    const parked = await nodes.t.db.selectFrom('event_parked').selectAll().orderBy('consumer').execute();
    expect(parked.map((p) => [p.consumer, p.attempts, p.error])).toEqual([
      ['test.cache@p1', 3, 'cannot handle this one'],
      ['test.notify', 3, 'cannot handle this one'],
    ]);
    expect(logs.filter((m) => m.includes('parked'))).toHaveLength(2);
    expect(logs.filter((m) => m.includes('failed on'))).toHaveLength(3 + 3 + 1);
    await feed.stop();
  });

  it("a broadcast consumer's prefetch sees the round's events before it handles the first; a failing prefetch stops nothing", async () => {
    const logs: string[] = [];
    const feed = new EventFeed(nodes.t.db, { clock, nodeId: 'pf', log: (m) => logs.push(m) });
    await feed.start();
    const steps: string[] = [];
    let failPrefetch = false;
    feed.subscribe({
      name: 'test.prefetching',
      types: ['test.prefetch.*'],
      prefetch: async (events) => {
        steps.push(`prefetch ${events.map((e) => e.subjectId).join(',')}`);
        if (failPrefetch) throw new Error('read failed');
      },
      handle: (e) => void steps.push(`handle ${e.subjectId}`),
    });
    // three events committed together: one round reads them
    await recordEvents(
      nodes.t.db,
      ['a', 'b', 'c'].map((s) => ({
        actor: SYSTEM_ACTOR,
        now: clock.now(),
        input: uncatalogued('test.prefetch.x', s),
      })),
    );
    await pollUntil(feed, () => steps.filter((s) => s.startsWith('handle')).length === 3);
    expect(steps).toEqual(['prefetch a,b,c', 'handle a', 'handle b', 'handle c']);
    failPrefetch = true;
    await emit(nodes.t.db, 'test.prefetch.x', 'd');
    await pollUntil(feed, () => steps.includes('handle d'));
    expect(logs).toEqual([expect.stringContaining('event consumer test.prefetching failed on bookkeeping')]);
    await feed.stop();
  });

  it("the bot index's reload errors are reported and retried, not swallowed", async () => {
    const logs: string[] = [];
    const feed = new EventFeed(nodes.t.db, { clock, log: (m) => logs.push(m) });
    await feed.start();
    const index = new BotIndex(nodes.t.db, feed);
    const reloaded: string[] = [];
    let fail = true;
    index.reloadEntry = async (id) => {
      if (fail) throw new Error('database unreachable');
      reloaded.push(id);
    };
    await emit(nodes.t.db, 'kb.entry_published', 'entry-1');
    await pollUntil(feed, () => logs.length > 0);
    expect(logs).toEqual([expect.stringContaining('event consumer bot-index failed on event')]);
    fail = false;
    await pollUntil(feed, () => reloaded.length > 0);
    expect(reloaded).toEqual(['entry-1']);
    await feed.stop();
  });
});
