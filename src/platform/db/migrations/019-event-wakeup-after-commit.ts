import { sql, type Kysely } from 'kysely';

/**
 * PostgreSQL: the NOTIFY that wakes every node's event feed leaves the writers' transactions.
 * Sent by the trigger of migration 008, it made each committing transaction that recorded an
 * event hold PostgreSQL's one notification lock until its commit was on disk, so those commits —
 * most of a busy node's — went one after another. The node now notifies from a connection of its
 * own once it has recorded events (`platform/db/notify.ts`), outside any transaction.
 */
export async function up(db: Kysely<any>, postgres: boolean): Promise<void> {
  if (!postgres) return;
  await sql`DROP TRIGGER IF EXISTS events_notify ON events`.execute(db);
  await sql`DROP FUNCTION IF EXISTS bangban_events_notify()`.execute(db);
}
