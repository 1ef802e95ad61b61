import type { Kysely } from 'kysely';

/**
 * Issue 7, live help:
 * - a business agent who receives a transferred conversation has one minute to answer (seed art. 7:
 *   线上人工帮办客服人员 … 1分钟内及时响应), like the window agent: the due time is stored when the
 *   conversation reaches them (transfer_due_at) and their first answer once (transfer_response_at);
 *   the warning mark (warned_at) and the breach rows are the existing ones;
 * - a chat file is purged some days after its conversation closed (CHAT_FILE_RETENTION_DAYS): its
 *   bytes are dropped and the row stays as a tombstone (purged_at), so the transcript still names it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('chat_conversations').addColumn('transfer_due_at', 'text').execute();
  await db.schema.alterTable('chat_conversations').addColumn('transfer_response_at', 'text').execute();
  await db.schema.alterTable('chat_attachments').addColumn('purged_at', 'text').execute();
  // the purge reads files not purged yet, older than the cut-off (a file is older than its closing)
  await db.schema
    .createIndex('chat_attach_purge_idx')
    .on('chat_attachments')
    .columns(['purged_at', 'created_at'])
    .execute();
}
