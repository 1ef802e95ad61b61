import { sql } from 'kysely';
import { isPostgres, type DbOrTrx } from '../db/connect.js';
import { runPrepared } from '../db/prepared.js';
import type { EventTable } from '../db/schema.js';

/** One event as consumers receive it. */
export interface StoredEvent {
  id: number;
  type: string;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  departmentId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/**
 * Where a reader stands in commit order: on PostgreSQL the (transaction id, event id) of the last
 * event read; on SQLite only the event id (one writer at a time, so id order is commit order).
 */
export interface FeedPosition {
  tx: string | null;
  id: number;
}

export const FEED_START: FeedPosition = { tx: null, id: 0 };

/**
 * Only rows whose transaction is older than every transaction still running: those have all
 * committed (or rolled back), so nothing can later appear before them. A transaction that
 * commits late keeps the reader waiting instead of being skipped.
 */
const SETTLED = sql<boolean>`tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

function after(pos: FeedPosition) {
  return sql<boolean>`(tx_id, id) > (cast(${pos.tx ?? '0'} as xid8), ${pos.id})`;
}

/** The position just after the newest settled event: a reader starting here replays no history. */
export async function tailPosition(db: DbOrTrx): Promise<FeedPosition> {
  if (!isPostgres(db)) {
    const row = await db
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    return { tx: null, id: Number(row?.max ?? 0) };
  }
  const row = await db
    .selectFrom('events')
    .select(['id', sql<string>`tx_id::text`.as('tx')])
    .where(SETTLED)
    .orderBy('tx_id', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { tx: row.tx, id: Number(row.id) } : { tx: '0', id: 0 };
}

/** What one read found: events in commit order, each with the position it leaves the reader at. */
export type ReadBatch = { event: StoredEvent; pos: FeedPosition }[] & {
  /** PostgreSQL: committed events stay unread behind a transaction still running; read again soon */
  heldBack?: boolean;
};

/** Up to `limit` settled events after `pos`, in commit order. */
export async function readAfter(db: DbOrTrx, pos: FeedPosition, limit: number): Promise<ReadBatch> {
  if (!isPostgres(db)) {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('id', '>', pos.id)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ event: toStoredEvent(r), pos: { tx: null, id: Number(r.id) } }));
  }
  // settled rows sort before unsettled ones (both by tx_id), so they are a prefix of this read;
  // a committed row after them tells that delivery is held back, not that there is nothing new
  // every node reads this many times a second: parsed and planned once per connection
  const rows = await runPrepared(
    db,
    'events_read_after',
    db
      .selectFrom('events')
      .selectAll()
      .select([sql<string>`tx_id::text`.as('tx'), SETTLED.as('settled')])
      .where(after(pos))
      .orderBy('tx_id')
      .orderBy('id')
      .limit(limit)
      .compile(),
  );
  const settled = rows.filter((r) => r.settled);
  const batch: ReadBatch = settled.map((r) => ({ event: toStoredEvent(r), pos: { tx: r.tx, id: Number(r.id) } }));
  batch.heldBack = settled.length < rows.length;
  return batch;
}

type EventRow = Omit<EventTable, 'id' | 'tx_id'> & { id: number | string };

function toStoredEvent(r: EventRow): StoredEvent {
  return {
    id: Number(r.id),
    type: r.type,
    actorId: r.actor_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    departmentId: r.department_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    createdAt: r.created_at,
  };
}
