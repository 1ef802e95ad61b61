import { describe, expect, it } from 'vitest';
import { emitTestEvent, pollUntil, uncatalogued } from '../../testing/test-events.js';
import { useSharedTestDb } from '../../testing/shared-db.js';
import type { Db } from '../db/connect.js';
import { fixedClock } from '../clock.js';
import { EventFeed } from './event-feed.js';
import { recordEvent, SYSTEM_ACTOR } from './record-event.js';

const clock = fixedClock('2026-11-25T02:00:00Z');
const emit = (db: Db, type: string, subjectId?: string) => emitTestEvent(db, clock, type, subjectId);

describe('event delivery on postgres', () => {
  const nodes = useSharedTestDb();

  // SQLite admits one writer at a time (the nodes.second would wait for the first), so a later id can
  // never commit first there; the case only exists on PostgreSQL.
  it('waits for a transaction that commits after a later one, instead of skipping it', async () => {
    const feed = new EventFeed(nodes.t.db, { clock });
    await feed.start();
    const seen: string[] = [];
    feed.subscribe({ name: 'test.concurrent', types: ['test.tx.*'], handle: (e) => void seen.push(e.type) });
    let release!: () => void;
    let inserted!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const firstInserted = new Promise<void>((r) => (inserted = r));
    const first = nodes.t.db.transaction().execute(async (trx) => {
      await recordEvent(trx, SYSTEM_ACTOR, clock.now(), uncatalogued('test.tx.first'));
      inserted();
      await gate;
    });
    await firstInserted;
    await emit(nodes.second, 'test.tx.second'); // higher id, committed first
    await feed.poll();
    expect(seen).toEqual([]); // the later event waits for the earlier transaction
    release();
    await first;
    await pollUntil(feed, () => seen.length >= 2);
    expect(seen).toEqual(['test.tx.first', 'test.tx.second']);
    await feed.stop();
  });
});
