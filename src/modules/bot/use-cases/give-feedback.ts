import type { Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { BotSession } from '../bot-session.js';

/**
 * The citizen says whether an answer solved the problem. It counts toward the entry's statistics
 * and the bot's resolution rate; an unsolved question goes to the unanswered inbox.
 */
export async function giveFeedback(
  db: Db,
  now: Date,
  session: BotSession,
  turnId: string,
  solved: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const turn = await trx
      .selectFrom('bot_turns')
      .select(['id', 'feedback', 'entry_id', 'decision'])
      .where('id', '=', turnId)
      .where('session_id', '=', session.id)
      .executeTakeFirst();
    if (!turn) throw notFound({ zh: '对话记录', en: 'turn' });
    if (turn.feedback)
      throw new AppError('CONFLICT', {
        zh: '这条回答已经评价过了，谢谢您。',
        en: 'You already gave feedback on this answer, thank you.',
      });
    await trx
      .updateTable('bot_turns')
      .set({
        feedback: solved ? 'solved' : 'unsolved',
        feedback_at: now.toISOString(),
        ...(solved ? {} : { inbox_status: 'open' }),
      })
      .where('id', '=', turnId)
      .execute();
    if (turn.entry_id) {
      await trx
        .updateTable('kb_entries')
        .set((eb) =>
          solved ? { solved_count: eb('solved_count', '+', 1) } : { unsolved_count: eb('unsolved_count', '+', 1) },
        )
        .where('id', '=', turn.entry_id)
        .execute();
    }
  });
}
