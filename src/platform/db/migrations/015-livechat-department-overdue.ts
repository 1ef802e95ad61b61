import type { Kysely } from 'kysely';

/**
 * Issue 7, live help: a conversation waiting for its department (no business agent on duty) past
 * its one-working-day due time is marked once (department_overdue_at), with an event that tells
 * the department and the supervisors.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('chat_conversations').addColumn('department_overdue_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('chat_conversations').dropColumn('department_overdue_at').execute();
}
