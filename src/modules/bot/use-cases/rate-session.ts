import type { Db } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { BotSession } from '../bot-session.js';
import { shanghaiDate } from '../../../platform/calendar/shanghai-time.js';

/** 好差评 for a bot conversation: one rating per service (一事一评), on the five national levels. */
export async function rateBotSession(
  db: Db,
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
  try {
    await db
      .insertInto('ratings')
      .values({
        id: newId(),
        channel: 'bot',
        subject_type: 'bot_session',
        subject_id: session.id,
        level,
        comment: comment || null,
        department_id: null,
        created_at: now.toISOString(),
        created_on: shanghaiDate(now),
      })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', {
        zh: '您已经评价过本次服务，谢谢。',
        en: 'You have already rated this conversation.',
      });
    throw err;
  }
}
