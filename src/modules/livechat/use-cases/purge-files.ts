import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import type { Db } from '../../../platform/db/connect.js';
import { conversationSubject } from '../livechat.events.js';

const DAY_MS = 86_400_000;
/** Conversations purged per run (the hourly sweep comes back for the rest). */
const BATCH = 200;

/**
 * The retention rule for chat files: the pictures and PDFs of a conversation closed more than
 * `retentionDays` days before `now` lose their bytes; each row stays as a tombstone (name, type,
 * size, purged_at), so the messages, the transcript and the file route say the file was removed
 * after the retention period. One transaction per conversation, with a `livechat.files_purged`
 * event (the audit trail); the conditional update makes a second run (or another node) a no-op.
 * Returns the conversations purged.
 */
export async function purgeChatFiles(db: Db, now: Date, retentionDays: number): Promise<string[]> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const at = now.toISOString();
  const due = await db
    .selectFrom('chat_attachments as a')
    .innerJoin('chat_conversations as c', 'c.id', 'a.conversation_id')
    .select(['c.id', 'c.number'])
    .distinct()
    .where('a.purged_at', 'is', null)
    .where('a.created_at', '<=', cutoff)
    .where('c.status', '=', 'closed')
    .where('c.closed_at', '<=', cutoff)
    .orderBy('c.id')
    .limit(BATCH)
    .execute();
  const purged: string[] = [];
  for (const c of due)
    await db.transaction().execute(async (trx) => {
      const files = await trx
        .selectFrom('chat_attachments')
        .select(['id', 'size'])
        .where('conversation_id', '=', c.id)
        .where('purged_at', 'is', null)
        .execute();
      if (!files.length) return;
      const res = await trx
        .updateTable('chat_attachments')
        .set({ data: Buffer.alloc(0), purged_at: at })
        .where(
          'id',
          'in',
          files.map((f) => f.id),
        )
        .where('purged_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return;
      await recordEvent(trx, SYSTEM_ACTOR, now, {
        type: 'livechat.files_purged',
        ...conversationSubject(c),
        data: {
          conversationId: c.id,
          number: c.number,
          files: Number(res.numUpdatedRows),
          bytes: files.reduce((n, f) => n + Number(f.size), 0),
          retentionDays,
        },
      });
      purged.push(c.id);
    });
  return purged;
}
