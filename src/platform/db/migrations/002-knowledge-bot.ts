import type { Kysely } from 'kysely';

/** Knowledge base (entries, versions, policies, proposals, terms), the bot's sessions and turns, ratings, callbacks, counters. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kb_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('similar', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('matter_id', 'text', (c) => c.references('matters.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('live_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('review_comment', 'text')
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('last_reviewed_at', 'text')
    .addColumn('shown_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('solved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unsolved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('kb_entries_dept_idx').on('kb_entries').columns(['department_id', 'status']).execute();
  await db.schema.createIndex('kb_entries_matter_idx').on('kb_entries').column('matter_id').execute();

  // Every published version, whole: what the bot answers from is the entry's live version.
  await db.schema
    .createTable('kb_versions')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('kb_entries.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('similar', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('matter_id', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('author_id', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('kb_versions_pk', ['entry_id', 'version'])
    .execute();

  await db.schema
    .createTable('policy_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('drafting_department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('publish_by', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('policy_entries')
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policy_documents.id').onDelete('cascade'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('kb_entries.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('policy_entries_pk', ['policy_id', 'entry_id'])
    .execute();

  await db.schema
    .createTable('kb_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('matter_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('entry_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();

  // The matcher's user dictionary ('term freq tag') and synonym groups ('canonical other …').
  await db.schema
    .createTable('kb_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kb_terms_kind_value_idx').on('kb_terms').columns(['kind', 'value']).unique().execute();

  await db.schema
    .createTable('bot_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('origin', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('turns', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('bot_turns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('bot_sessions.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text')
    .addColumn('entry_version', 'integer')
    .addColumn('matter_id', 'text')
    .addColumn('confidence', 'real')
    .addColumn('candidates', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('feedback', 'text')
    .addColumn('feedback_at', 'text')
    .addColumn('inbox_status', 'text')
    .addColumn('inbox_entry_id', 'text')
    .addColumn('inbox_handled_by', 'text')
    .addColumn('inbox_handled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bot_turns_session_idx')
    .on('bot_turns')
    .columns(['session_id', 'seq'])
    .unique()
    .execute();
  await db.schema.createIndex('bot_turns_inbox_idx').on('bot_turns').columns(['inbox_status', 'created_at']).execute();
  await db.schema.createIndex('bot_turns_created_idx').on('bot_turns').column('created_at').execute();

  // 好差评: one rating per service (一事一评), for every channel.
  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('department_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ratings_subject_idx')
    .on('ratings')
    .columns(['subject_type', 'subject_id'])
    .unique()
    .execute();

  // A citizen's message left outside service hours: a callback case with a receipt number.
  await db.schema
    .createTable('callback_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('bot_session_id', 'text')
    .addColumn('matter_id', 'text')
    .addColumn('department_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Per-year sequences for receipt and form numbers.
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
}
