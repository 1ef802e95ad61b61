import type { Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { BotSession } from '../bot-session.js';
import { countEntryFeedback } from '../../knowledge/use-cases/count-entry-use.js';

/**
 * The citizen says whether an answer solved the problem. It counts toward the entry's statistics
 * and the bot's resolution rate; an unsolved question goes to the unanswered inbox.
 */
export async function giveFeedback(
  db: Db,
  actor: Actor,
  now: Date,
  session: BotSession,
  turnId: string,
  solved: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const turn = await trx
      .selectFrom('bot_turns')
      .select(['id', 'feedback', 'entry_id', 'decision', 'question'])
      .where('id', '=', turnId)
      .where('session_id', '=', session.id)
      .executeTakeFirst();
    if (!turn) throw notFound({ zh: '对话记录', en: 'turn' });
    if (turn.feedback)
      throw new AppError('CONFLICT', {
        zh: '这条回答已经评价过了，谢谢您。',
        en: 'You already gave feedback on this answer, thank you.',
      });
    const res = await trx
      .updateTable('bot_turns')
      .set({
        feedback: solved ? 'solved' : 'unsolved',
        feedback_at: now.toISOString(),
        ...(solved ? {} : { inbox_status: 'open' }),
      })
      .where('id', '=', turnId)
      .where('feedback', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', {
        zh: '这条回答已经评价过了，谢谢您。',
        en: 'You already gave feedback on this answer, thank you.',
      });
    await recordEvent(trx, actor, now, {
      type: solved ? 'bot.answer_solved' : 'bot.answer_unsolved',
      subjectType: 'bot_turn',
      subjectId: turnId,
      subjectLabel: turn.question.slice(0, 60),
      data: { sessionId: session.id, entryId: turn.entry_id },
    });
    if (turn.entry_id) await countEntryFeedback(trx, turn.entry_id, solved);
  });
}
