import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/connect.js';
import { EventFeed } from '../platform/events/event-feed.js';
import { recordEvent, SYSTEM_ACTOR, type EventInput } from '../platform/events/record-event.js';

/** Platform tests load no module, so their made-up event types are outside the (typed) catalogue. */
export const uncatalogued = (type: string, subjectId?: string) => ({ type, subjectId }) as unknown as EventInput;

/** Commits one made-up event in its own transaction. */
export const emitTestEvent = (db: Db, clock: Clock, type: string, subjectId?: string) =>
  db.transaction().execute((trx) => recordEvent(trx, SYSTEM_ACTOR, clock.now(), uncatalogued(type, subjectId)));

/**
 * Polls until `done()`, for up to 5 s: a consumer in back-off sits out a few polls, and on PostgreSQL
 * a write transaction of another test file on the same server briefly holds delivery back.
 */
export async function pollUntil(feed: EventFeed | (() => Promise<unknown>), done: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !done(); i++) {
    await (feed instanceof EventFeed ? feed.poll() : feed());
    if (!done()) await new Promise((r) => setTimeout(r, 20));
  }
}
