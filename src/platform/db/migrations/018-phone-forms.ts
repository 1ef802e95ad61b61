import type { Kysely } from 'kysely';

/**
 * Issue 8, phone transfer forms: the KB entry date is the day the entry a form's proposal became is
 * published, found by the entry id (kb.entry_published names the entry, not the proposal).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('phone_forms_entry_idx').on('phone_forms').column('kb_entry_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('phone_forms_entry_idx').execute();
}
