import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { loadSessionTurn } from '../session-turn.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { BOT_CHOICE_NONE } from '../../../contracts/enums/bot.js';
import type { BotIndex } from '../bot-index.js';
import type { BotSession } from '../bot-session.js';
import { countEntryFeedback } from '../../knowledge/use-cases/count-entry-use.js';
import { proposeLearnedQuestion } from './learn-question.js';

const ALREADY = {
  zh: '这条回答已经评价过了，谢谢您。',
  en: 'You already gave feedback on this answer, thank you.',
};

/**
 * The citizen says whether an answer solved the problem. It counts toward the entry's statistics
 * and the bot's resolution rates; an unsolved question goes to the unanswered inbox. On a
 * "您是不是想问" turn the answer judged is the suggestion the citizen opened (the first one, shown
 * with the reply, unless they opened another); marked solved, the question they typed is proposed
 * as a similar question of that entry.
 */
export async function giveFeedback(
  db: Db,
  index: BotIndex,
  actor: Actor,
  now: Date,
  session: BotSession,
  turnId: string,
  solved: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const turn = await loadSessionTurn(trx, session.id, turnId);
    if (turn.feedback) throw new AppError('CONFLICT', ALREADY);
    const suggested = JSON.parse(turn.suggested) as string[];
    const opened =
      turn.decision !== 'suggest' || turn.choice === BOT_CHOICE_NONE ? null : (turn.choice ?? suggested[0] ?? null);
    const entryId = turn.entry_id ?? opened ?? null;
    const res = await trx
      .updateTable('bot_turns')
      .set({
        feedback: solved ? 'solved' : 'unsolved',
        feedback_at: now.toISOString(),
        ...(solved ? {} : { inbox_status: 'open' }),
        ...(opened && !turn.choice ? { choice: opened, choice_at: now.toISOString() } : {}),
      })
      .where('id', '=', turnId)
      .where('feedback', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', ALREADY);
    await recordEvent(trx, actor, now, {
      type: solved ? 'bot.answer_solved' : 'bot.answer_unsolved',
      subjectType: 'bot_turn',
      subjectId: turnId,
      subjectLabel: turn.question.slice(0, 60),
      data: { sessionId: session.id, entryId },
    });
    if (entryId) await countEntryFeedback(trx, entryId, solved);
    const entry = opened ? index.entry(opened) : undefined;
    if (solved && entry) await proposeLearnedQuestion(trx, actor, now, entry, turn.question, turnId);
  });
}
