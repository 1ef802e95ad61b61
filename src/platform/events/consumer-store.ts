import type { Db } from '../db/connect.js';
import { FEED_START, tailPosition, type FeedPosition, type StoredEvent } from './event-reader.js';

/** A durable consumer's row: where it stands and how often the next event has failed. */
export interface ConsumerState {
  pos: FeedPosition;
  attempts: number;
}

/**
 * Creates the consumer's row on first use, at the tail (new consumers do not replay history)
 * or at the very start. A second node doing the same at the same moment changes nothing.
 */
export async function ensureConsumer(db: Db, name: string, from: 'tail' | 'start', now: Date): Promise<void> {
  const exists = await db.selectFrom('event_consumers').select('name').where('name', '=', name).executeTakeFirst();
  if (exists) return;
  const pos = from === 'tail' ? await tailPosition(db) : FEED_START;
  await db
    .insertInto('event_consumers')
    .values({
      name,
      cursor_tx: pos.tx,
      cursor_id: pos.id,
      attempts: 0,
      last_error: null,
      locked_by: null,
      locked_until: null,
      updated_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/**
 * Takes or renews the consumer's lease for `node` (a conditional UPDATE, so one node at a time
 * runs it); returns the consumer's state when this node holds the lease, otherwise null.
 */
export async function holdLease(
  db: Db,
  name: string,
  node: string,
  now: Date,
  leaseMs: number,
): Promise<ConsumerState | null> {
  const nowIso = now.toISOString();
  const res = await db
    .updateTable('event_consumers')
    .set({ locked_by: node, locked_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: nowIso })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('locked_by', 'is', null), eb('locked_by', '=', node), eb('locked_until', '<', nowIso)]))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return null;
  return readConsumer(db, name);
}

/** The consumer's cursor and failed attempts (for the node that holds its lease). */
export async function readConsumer(db: Db, name: string): Promise<ConsumerState> {
  const row = await db
    .selectFrom('event_consumers')
    .select(['cursor_tx', 'cursor_id', 'attempts'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return { pos: { tx: row.cursor_tx, id: Number(row.cursor_id) }, attempts: Number(row.attempts) };
}

/** Moves the cursor past a finished event; false when this node no longer holds the lease. */
export async function advanceCursor(
  db: Db,
  name: string,
  node: string,
  pos: FeedPosition,
  now: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('event_consumers')
    .set({ cursor_tx: pos.tx, cursor_id: pos.id, attempts: 0, last_error: null, updated_at: now.toISOString() })
    .where('name', '=', name)
    .where('locked_by', '=', node)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Counts a failed attempt on the event after the cursor (kept across restarts). */
export async function recordFailure(
  db: Db,
  name: string,
  node: string,
  attempts: number,
  error: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('event_consumers')
    .set({ attempts, last_error: error.slice(0, 2000), updated_at: now.toISOString() })
    .where('name', '=', name)
    .where('locked_by', '=', node)
    .execute();
}

/** Gives the lease back (on shutdown), so another node can take over at once. */
export async function releaseLease(db: Db, name: string, node: string): Promise<void> {
  await db
    .updateTable('event_consumers')
    .set({ locked_by: null, locked_until: null })
    .where('name', '=', name)
    .where('locked_by', '=', node)
    .execute();
}

/** Records an event a consumer gave up on, for an operator to look at and replay by hand. */
export async function parkEvent(
  db: Db,
  consumer: string,
  event: StoredEvent,
  attempts: number,
  error: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('event_parked')
    .values({
      consumer,
      event_id: event.id,
      event_type: event.type,
      attempts,
      error: error.slice(0, 2000),
      parked_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
    .execute();
}
