import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { giveRating } from '../../ratings/use-cases/give-rating.js';
import type { TRateChat } from '../../../contracts/livechat.js';
import type { ConversationRow } from '../livechat.repo.js';
import { conversationSubject } from '../livechat.events.js';

/** 好差评 of a live-help conversation (once it has ended), kept by the ratings module: one per conversation. */
export async function rateConversation(
  db: Db,
  actor: Actor,
  now: Date,
  c: ConversationRow,
  input: TRateChat,
): Promise<void> {
  if (c.status !== 'closed' || !c.assigned_at)
    throw new AppError('INVALID_TRANSITION', {
      zh: '人工服务结束后才能评价。',
      en: 'Rate the conversation once a live-help agent has served you and it has ended.',
    });
  const r = await giveRating(db, actor, now, {
    channel: 'live_help',
    subjectType: 'chat_conversation',
    subjectId: c.id,
    subjectLabel: `人工会话 ${c.number}`,
    level: input.level,
    comment: input.comment ?? null,
    departmentId: c.department_id,
  });
  if (r.repeated) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('chat_conversations').set({ rated: 1 }).where('id', '=', c.id).execute();
    await recordEvent(trx, actor, now, {
      type: 'livechat.rated',
      ...conversationSubject(c),
      data: { conversationId: c.id, number: c.number, level: input.level },
    });
  });
}
