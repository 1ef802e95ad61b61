import { sql } from 'kysely';
import type { Trx } from '../../platform/db/connect.js';
import { recordEvents, type Actor } from '../../platform/events/record-event.js';
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

/** One message to store, with who sent it and when. */
export interface Appended {
  actor: Actor;
  now: Date;
  message: NewMessage;
}

/**
 * Stores one message with the conversation's next seq and records `livechat.message_posted`
 * ({conversationId, seq}: no text) in the caller's transaction.
 */
export async function appendMessage(trx: Trx, actor: Actor, now: Date, m: NewMessage): Promise<MessageRow> {
  const [row] = await appendMessages(trx, [{ actor, now, message: m }]);
  return row;
}

/**
 * Stores messages of one or many conversations in three statements whatever their number (the
 * group commit of a busy node): each conversation's seq is taken once for all of its messages,
 * which keep the order given; then the messages, then their `livechat.message_posted` events.
 * Taking the seqs updates the conversations' rows, which stay locked until commit, so a
 * conversation's seqs commit in order (1, 2, 3 …).
 */
export async function appendMessages(trx: Trx, list: Appended[]): Promise<MessageRow[]> {
  const per = new Map<string, { n: number; at: string }>();
  for (const { now, message } of list) {
    const p = per.get(message.conversationId) ?? { n: 0, at: '' };
    const at = now.toISOString();
    per.set(message.conversationId, { n: p.n + 1, at: at > p.at ? at : p.at });
  }
  const ids = [...per.keys()];
  const byId = (pick: (p: { n: number; at: string }) => unknown) =>
    sql<string>`case id ${sql.join(
      ids.map((id) => sql`when ${id} then ${pick(per.get(id)!)}`),
      sql` `,
    )} end`;
  const bumped = await trx
    .updateTable('chat_conversations')
    .set({
      last_seq: sql`last_seq + ${byId((p) => sql`cast(${p.n} as integer)`)}`,
      last_message_at: byId((p) => p.at),
      updated_at: byId((p) => p.at),
    })
    .where('id', 'in', ids)
    .returning(['id', 'last_seq'])
    .execute();
  if (bumped.length !== ids.length) throw new Error('appendMessages: a conversation does not exist');
  // each conversation's first new seq, handed out in the order given
  const next = new Map(bumped.map((b) => [b.id, Number(b.last_seq) - per.get(b.id)!.n + 1]));
  const rows: MessageRow[] = list.map(({ now, message: m }) => {
    const seq = next.get(m.conversationId)!;
    next.set(m.conversationId, seq + 1);
    return {
      id: newId(),
      conversation_id: m.conversationId,
      seq,
      author: m.author,
      author_id: m.authorId,
      kind: m.kind,
      text: m.text,
      attachment_id: m.attachmentId ?? null,
      client_id: m.clientId ?? null,
      created_at: now.toISOString(),
    };
  });
  await trx.insertInto('chat_messages').values(rows).execute();
  await recordEvents(
    trx,
    list.map(({ actor, now }, i) => ({
      actor,
      now,
      input: {
        type: 'livechat.message_posted' as const,
        subjectType: 'chat_conversation',
        subjectId: rows[i].conversation_id,
        data: { conversationId: rows[i].conversation_id, seq: rows[i].seq },
      },
    })),
  );
  return rows;
}
