import { sql, type Kysely } from 'kysely';

/**
 * PostgreSQL: every statement that inserts events also sends `NOTIFY bangban_events` (delivered
 * when its transaction commits, once per transaction), so every node's event feed reads at once
 * instead of waiting for its next poll. SQLite has one writer process: the feed there is woken
 * in process (record-event.ts), so nothing is needed.
 */
export async function up(db: Kysely<any>, postgres: boolean): Promise<void> {
  if (!postgres) return;
  await sql`
    CREATE OR REPLACE FUNCTION bangban_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('bangban_events', '');
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER events_notify AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION bangban_events_notify()`.execute(db);
}
