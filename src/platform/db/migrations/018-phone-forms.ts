import { sql, type Kysely } from 'kysely';

/**
 * Issue 8, phone transfer forms:
 * - the KB entry date is the day the entry a form's proposal became is published, found by the
 *   entry id (kb.entry_published names the entry, not the proposal);
 * - the deadline alerts work orders have (reminder, overdue, escalation, each once): the next
 *   alert to send and when each was sent, read through (pending_alert, due_at). Forms waiting for
 *   their department start at 'remind' (or 'escalate' when already flagged overdue).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('phone_forms_entry_idx').on('phone_forms').column('kb_entry_id').execute();
  await db.schema.alterTable('phone_forms').addColumn('pending_alert', 'text').execute();
  await db.schema.alterTable('phone_forms').addColumn('reminded_at', 'text').execute();
  await db.schema.alterTable('phone_forms').addColumn('escalated_at', 'text').execute();
  await sql`update phone_forms set pending_alert = case when overdue_at is null then 'remind' else 'escalate' end
    where status = 'transferred'`.execute(db);
  await db.schema.createIndex('phone_forms_alert_idx').on('phone_forms').columns(['pending_alert', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('phone_forms_alert_idx').execute();
  for (const c of ['escalated_at', 'reminded_at', 'pending_alert'])
    await db.schema.alterTable('phone_forms').dropColumn(c).execute();
  await db.schema.dropIndex('phone_forms_entry_idx').execute();
}
