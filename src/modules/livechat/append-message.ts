import { sql } from 'kysely';
import type { Trx } from '../../platform/db/connect.js';
import { recordEvent, type Actor } from '../../platform/events/record-event.js';
import { newId } from '../../platform/ids.js';
import type { ChatAuthor, ChatMessageKind } from '../../contracts/enums/livechat.js';
import type { MessageRow } from './livechat.repo.js';

export interface NewMessage {
  conversationId: string;
  author: ChatAuthor;
  authorId: string | null;
  kind: ChatMessageKind;
  text: string;
  attachmentId?: string | null;
  clientId?: string | null;
}

/**
 * Stores one message with the conversation's next seq and records `livechat.message_posted`
 * ({conversationId, seq}: no text) in the caller's transaction. Taking the seq updates the
 * conversation's row, which holds it locked until commit, so seqs commit in order (1, 2, 3 …).
 */
export async function appendMessage(trx: Trx, actor: Actor, now: Date, m: NewMessage): Promise<MessageRow> {
  const at = now.toISOString();
  const bumped = await trx
    .updateTable('chat_conversations')
    .set({ last_seq: sql`last_seq + 1`, last_message_at: at, updated_at: at })
    .where('id', '=', m.conversationId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const row: MessageRow = {
    id: newId(),
    conversation_id: m.conversationId,
    seq: Number(bumped.last_seq),
    author: m.author,
    author_id: m.authorId,
    kind: m.kind,
    text: m.text,
    attachment_id: m.attachmentId ?? null,
    client_id: m.clientId ?? null,
    created_at: at,
  };
  await trx.insertInto('chat_messages').values(row).execute();
  await recordEvent(trx, actor, now, {
    type: 'livechat.message_posted',
    subjectType: 'chat_conversation',
    subjectId: m.conversationId,
    data: { conversationId: m.conversationId, seq: row.seq },
  });
  return row;
}
