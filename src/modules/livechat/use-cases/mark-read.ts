import type { Db } from '../../../platform/db/connect.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';

/**
 * Stores how far one side has read (only forward, never past the last message) and tells the
 * other side through the feed; typing and repeated reads of the same seq store nothing.
 */
export async function markRead(
  db: Db,
  actor: Actor,
  now: Date,
  conversationId: string,
  by: 'citizen' | 'agent',
  seq: number,
): Promise<boolean> {
  const column = by === 'citizen' ? 'citizen_read_seq' : 'agent_read_seq';
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('chat_conversations')
      .set({ [column]: seq })
      .where('id', '=', conversationId)
      .where(column, '<', seq)
      .where('last_seq', '>=', seq)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await recordEvent(trx, actor, now, {
      type: 'livechat.read',
      subjectType: 'chat_conversation',
      subjectId: conversationId,
      data: { conversationId, by, seq },
    });
    return true;
  });
}
