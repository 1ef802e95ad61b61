import { poolOf, type DbOrTrx } from '../db/connect.js';

/** PostgreSQL: the channel every node's event feed LISTENs on. */
export const EVENTS_CHANNEL = 'bangban_events';

const recordedHooks = new Set<() => void>();

/**
 * Calls `fn` whenever this process records an event (inside the transaction, before it commits).
 * The SQLite event feed uses it to read at once: its read waits for the one connection, so it
 * runs after the commit. Returns a function that removes the hook.
 */
export function onEventRecorded(fn: () => void): () => void {
  recordedHooks.add(fn);
  return () => void recordedHooks.delete(fn);
}

/** Per pool: a NOTIFY on its way, and whether another was asked for meanwhile. */
const notifying = new WeakMap<object, { again: boolean }>();

/**
 * Events were just written through `db` (in a transaction or a statement of their own). SQLite:
 * this process's feed reads at once (the hooks). PostgreSQL: every node's feed is woken by a
 * NOTIFY sent from a pooled connection of its own, outside the writer's transaction — inside it,
 * PostgreSQL's one notification lock would be held until the commit is on disk, so every
 * committing writer would wait for the others. Sent on the next turn of the event loop, when the
 * writer has usually committed; when not, a woken feed reads again every few milliseconds for a
 * while (event-feed.ts), and every half second in any case. Asked again while one is on its way:
 * one more follows it, not one per call.
 */
export function eventsRecorded(db: DbOrTrx): void {
  for (const hook of recordedHooks) hook();
  const pool = poolOf(db);
  if (!pool) return;
  const pending = notifying.get(pool);
  if (pending) return void (pending.again = true);
  const state = { again: false };
  notifying.set(pool, state);
  const send = () => {
    state.again = false;
    // a failure loses only the wake-up: the feeds' timers read all the same
    pool
      .query(`NOTIFY ${EVENTS_CHANNEL}`)
      .catch(() => undefined)
      .finally(() => {
        if (state.again) setImmediate(send);
        else notifying.delete(pool);
      });
  };
  setImmediate(send);
}
