import { sql, type Kysely } from 'kysely';
import { shanghaiDate } from '../../calendar/shanghai-time.js';

/** Tables that get a Shanghai-local `created_on` date beside their UTC `created_at`. */
export const SHANGHAI_DATED_TABLES = ['events', 'bot_sessions', 'bot_turns', 'callback_requests', 'ratings'] as const;

/**
 * Commit-safe event delivery (events.tx_id, durable consumer cursors, parked events), job purging,
 * and Shanghai-local dates that reports group by on both databases.
 */
export async function up(db: Kysely<any>, postgres: boolean): Promise<void> {
  // PostgreSQL: the id of the writing transaction. A reader only takes rows whose transaction is
  // older than every transaction still in flight, so a late commit is never skipped. SQLite has
  // one writer at a time, so id order is commit order there and the column stays NULL.
  if (postgres) {
    await sql`ALTER TABLE events ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id()`.execute(db);
    await db.schema.createIndex('events_tx_idx').on('events').columns(['tx_id', 'id']).execute();
  } else {
    await db.schema.alterTable('events').addColumn('tx_id', 'text').execute();
  }

  // A durable consumer: its cursor and a lease, so one node at a time processes it, and a
  // restart resumes after the last event it finished.
  await db.schema
    .createTable('event_consumers')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cursor_tx', 'text')
    .addColumn('cursor_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Events a consumer gave up on after repeated failures: kept for an operator to look at.
  await db.schema
    .createTable('event_parked')
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('event_id', 'bigint', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('parked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_parked_pk', ['consumer', 'event_id'])
    .execute();

  await db.schema.createIndex('jobs_finished_idx').on('jobs').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('policy_documents_publish_by_idx').on('policy_documents').column('publish_by').execute();

  for (const table of SHANGHAI_DATED_TABLES) {
    await db.schema.alterTable(table).addColumn('created_on', 'text').execute();
    await backfillCreatedOn(db, table);
    await db.schema.createIndex(`${table}_created_on_idx`).on(table).column('created_on').execute();
  }
}

/** Fills `created_on` (the Shanghai date of `created_at`) for rows written before the column existed. */
export async function backfillCreatedOn(db: Kysely<any>, table: string, batch = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const rows: { id: string | number; created_at: string }[] = await db
      .selectFrom(table)
      .select(['id', 'created_at'])
      .where('created_on', 'is', null)
      .limit(batch)
      .execute();
    for (const r of rows) {
      await db
        .updateTable(table)
        .set({ created_on: shanghaiDate(new Date(r.created_at)) })
        .where('id', '=', r.id)
        .execute();
    }
    done += rows.length;
    if (rows.length < batch) return done;
  }
}
