import type { Kysely } from 'kysely';

/** Working a callback: what the call achieved, who made it and when. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('callback_requests').addColumn('result', 'text').execute();
  await db.schema.alterTable('callback_requests').addColumn('handled_by', 'text').execute();
  await db.schema.alterTable('callback_requests').addColumn('handled_at', 'text').execute();
}
