import type { Kysely } from 'kysely';

/**
 * Issue 9: which "您是不是想问" choices a turn offered and which one the citizen took, and the
 * questions citizens confirmed for an entry (proposed similar questions, accepted by the owning
 * department's editor before the bot matches with them).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('bot_turns')
    .addColumn('suggested', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('bot_turns').addColumn('choice', 'text').execute();
  await db.schema.alterTable('bot_turns').addColumn('choice_at', 'text').execute();

  await db.schema
    .createTable('bot_learned_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('turn_id', 'text', (c) => c.notNull())
    .addColumn('citizens', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('bot_learned_entry_question_idx')
    .on('bot_learned_questions')
    .columns(['entry_id', 'question'])
    .unique()
    .execute();
  await db.schema
    .createIndex('bot_learned_status_idx')
    .on('bot_learned_questions')
    .columns(['status', 'department_id'])
    .execute();
}
