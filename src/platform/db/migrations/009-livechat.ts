import type { Kysely } from 'kysely';

/**
 * Live help (issue 7): conversations (queue → window agent → business agent → closed), their
 * messages (seq per conversation, the sender's clientId unique so a retry is answered with the
 * stored message), files stored in the database (every node reads them), who held each
 * conversation, transfers, first-response breaches, cases pushed to the hotline office, and the
 * staff-only consultations beside a conversation.
 */
export async function up(db: Kysely<any>, postgres: boolean): Promise<void> {
  await db.schema
    .createTable('chat_conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('bot_session_id', 'text')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('department_id', 'text')
    .addColumn('skip_agent_id', 'text')
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text')
    .addColumn('first_response_due_at', 'text')
    .addColumn('first_response_at', 'text')
    .addColumn('warned_at', 'text')
    .addColumn('breached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('department_due_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('citizen_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agent_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_message_at', 'text')
    .addColumn('rated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chat_conv_status_idx')
    .on('chat_conversations')
    .columns(['status', 'queued_at'])
    .execute();
  await db.schema.createIndex('chat_conv_agent_idx').on('chat_conversations').columns(['agent_id', 'status']).execute();
  await db.schema
    .createIndex('chat_conv_dept_idx')
    .on('chat_conversations')
    .columns(['department_id', 'status'])
    .execute();
  await db.schema.createIndex('chat_conv_created_on_idx').on('chat_conversations').column('created_on').execute();

  await db.schema
    .createTable('chat_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('chat_conversations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_attach_conv_idx').on('chat_attachments').column('conversation_id').execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('chat_conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.references('chat_attachments.id'))
    .addColumn('client_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chat_msg_seq_idx')
    .on('chat_messages')
    .columns(['conversation_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('chat_msg_client_idx')
    .on('chat_messages')
    .columns(['conversation_id', 'client_id'])
    .unique()
    .execute();

  // every staff member who held the conversation (files and history stay readable to them)
  await db.schema
    .createTable('chat_holders')
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('chat_conversations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_holders_pk', ['conversation_id', 'user_id'])
    .execute();
  await db.schema.createIndex('chat_holders_user_idx').on('chat_holders').column('user_id').execute();

  await db.schema
    .createTable('chat_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('chat_conversations.id'))
    .addColumn('from_user_id', 'text')
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('to_user_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_transfers_conv_idx').on('chat_transfers').column('conversation_id').execute();

  await db.schema
    .createTable('chat_breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('chat_conversations.id'))
    .addColumn('agent_id', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_breaches_on_idx').on('chat_breaches').column('created_on').execute();

  // a case for the hotline office: the work-order issue dispatches these
  await db.schema
    .createTable('chat_hotline_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().unique().references('chat_conversations.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // staff-only side consultation: a thread beside a conversation, to a department or a colleague
  await db.schema
    .createTable('chat_consults')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('chat_conversations.id'))
    .addColumn('from_user_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_consults_conv_idx').on('chat_consults').column('conversation_id').execute();
  await db.schema
    .createTable('chat_consult_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consult_id', 'text', (c) => c.notNull().references('chat_consults.id'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chat_consult_msgs_idx')
    .on('chat_consult_messages')
    .columns(['consult_id', 'created_at'])
    .execute();
}
