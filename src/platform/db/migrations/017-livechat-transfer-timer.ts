import type { Kysely } from 'kysely';

/**
 * Issue 7, live help: a business agent who receives a transferred conversation has one minute to
 * answer (seed art. 7: 线上人工帮办客服人员 … 1分钟内及时响应), like the window agent. The due time
 * is stored when the conversation reaches them (transfer_due_at) and their first answer once
 * (transfer_response_at); the warning mark (warned_at) and the breach rows are the existing ones.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('chat_conversations').addColumn('transfer_due_at', 'text').execute();
  await db.schema.alterTable('chat_conversations').addColumn('transfer_response_at', 'text').execute();
}
