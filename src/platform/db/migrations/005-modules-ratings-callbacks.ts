import type { Kysely } from 'kysely';

/**
 * Issue 6, core domain: events keep the human name of their subject at record time (the audit
 * trail shows "KB-000123 …", not an id); a rating is one per service (channel + subject) and says
 * whether it was given anonymously or by name; a callback case names its channel and subject; the
 * KB's own entry codes have one format (kb-000001).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').addColumn('subject_label', 'text').execute();

  await db.schema
    .alterTable('ratings')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('ratings').addColumn('rater_id', 'text').execute();
  await db.schema.alterTable('ratings').addColumn('rater_name', 'text').execute();
  await db.schema.dropIndex('ratings_subject_idx').execute();
  await db.schema
    .createIndex('ratings_service_idx')
    .on('ratings')
    .columns(['channel', 'subject_type', 'subject_id'])
    .unique()
    .execute();

  // A callback case names the service it comes from, whatever the channel.
  await db.schema.alterTable('callback_requests').addColumn('subject_type', 'text').execute();
  await db.schema.alterTable('callback_requests').addColumn('subject_id', 'text').execute();
  await db
    .updateTable('callback_requests')
    .set({ subject_type: 'bot_session', subject_id: (eb: any) => eb.ref('bot_session_id') })
    .where('bot_session_id', 'is not', null)
    .execute();

  await normaliseKbCodes(db);
}

/** One format for the KB's own entry codes: the seeded kb-0001 becomes kb-000001, like new ones. */
export async function normaliseKbCodes(db: Kysely<any>): Promise<void> {
  const short = await db.selectFrom('kb_entries').select(['id', 'code']).where('code', 'like', 'kb-____').execute();
  for (const e of short as { id: string; code: string }[]) {
    if (!/^kb-\d{4}$/.test(e.code)) continue;
    const code = `kb-00${e.code.slice(3)}`;
    const taken = await db.selectFrom('kb_entries').select('id').where('code', '=', code).executeTakeFirst();
    if (!taken) await db.updateTable('kb_entries').set({ code }).where('id', '=', e.id).execute();
  }
}
