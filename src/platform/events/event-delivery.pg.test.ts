import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { fixedClock } from '../clock.js';
import { createTestDb, type TestDb } from '../../testing/test-db.js';
import { recordEvent, SYSTEM_ACTOR, type EventInput } from './record-event.js';
import { EventFeed } from './event-feed.js';

const clock = fixedClock('2026-11-25T02:00:00Z');
/** This platform test loads no module, so its made-up event types are outside the (typed) catalogue. */
const uncatalogued = (type: string, subjectId?: string) => ({ type, subjectId }) as unknown as EventInput;
const emit = (db: Db, type: string, subjectId?: string) =>
  db.transaction().execute((trx) => recordEvent(trx, SYSTEM_ACTOR, clock.now(), uncatalogued(type, subjectId)));

/**
 * Polls until `done()`, for up to 5 s: a consumer in back-off sits out a few polls, and on PostgreSQL
 * a write transaction of another test file on the same server briefly holds delivery back.
 */
async function pollUntil(feed: EventFeed | (() => Promise<unknown>), done: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !done(); i++) {
    await (feed instanceof EventFeed ? feed.poll() : feed());
    if (!done()) await new Promise((r) => setTimeout(r, 20));
  }
}

describe('event delivery on postgres', () => {
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

  // SQLite admits one writer at a time (the second would wait for the first), so a later id can
  // never commit first there; the case only exists on PostgreSQL.
  it('waits for a transaction that commits after a later one, instead of skipping it', async () => {
    const feed = new EventFeed(t.db, { clock });
    await feed.start();
    const seen: string[] = [];
    feed.subscribe({ name: 'test.concurrent', types: ['test.tx.*'], handle: (e) => void seen.push(e.type) });
    let release!: () => void;
    let inserted!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const firstInserted = new Promise<void>((r) => (inserted = r));
    const first = t.db.transaction().execute(async (trx) => {
      await recordEvent(trx, SYSTEM_ACTOR, clock.now(), uncatalogued('test.tx.first'));
      inserted();
      await gate;
    });
    await firstInserted;
    await emit(second, 'test.tx.second'); // higher id, committed first
    await feed.poll();
    expect(seen).toEqual([]); // the later event waits for the earlier transaction
    release();
    await first;
    await pollUntil(feed, () => seen.length >= 2);
    expect(seen).toEqual(['test.tx.first', 'test.tx.second']);
    await feed.stop();
  });
});
