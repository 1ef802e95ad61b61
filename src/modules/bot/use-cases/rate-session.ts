import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { giveRating } from '../../ratings/use-cases/give-rating.js';
import type { BotSession } from '../bot-session.js';

/** 好差评 for a bot conversation: one rating per service (一事一评), kept by the ratings module. */
export async function rateBotSession(
  db: Db,
  actor: Actor,
  now: Date,
  session: BotSession,
  level: number,
  comment?: string,
): Promise<void> {
  if (session.turns === 0)
    throw new AppError('INVALID_TRANSITION', {
      zh: '请先提问，再对服务进行评价。',
      en: 'Ask a question before rating.',
    });
  await giveRating(db, actor, now, {
    channel: 'bot',
    subjectType: 'bot_session',
    subjectId: session.id,
    subjectLabel: `小申对话 ${session.id.slice(0, 8)}`,
    level,
    comment: comment ?? null,
  });
}
