import type { Kysely } from 'kysely';

/**
 * Issue 6, core domain: events keep the human name of their subject at record time (the audit
 * trail shows "KB-000123 …", not an id); a rating is one per service (channel + subject) and says
 * whether it was given anonymously or by name.
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
}
