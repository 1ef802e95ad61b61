import type { Db } from '../../../platform/db/connect.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import { AppError, type Bilingual } from '../../../platform/errors.js';
import { loadSessionTurn } from '../session-turn.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { BOT_CHOICE_NONE } from '../../../contracts/enums/bot.js';
import type { BotIndex } from '../bot-index.js';
import type { BotSession } from '../bot-session.js';
import { isValid, presentEntry, relatedOf, type PresentedEntry } from '../present-entry.js';
import { countEntryShown } from '../../knowledge/use-cases/count-entry-use.js';

export interface ChoiceResult {
  answer: PresentedEntry | null;
  related: { entryId: string; question: string }[];
  message: Bilingual | null;
}

export const NONE_OF_THESE: Bilingual = {
  zh: '抱歉没能帮到您，这个问题已记下，工作人员会补充答案。',
  en: 'Sorry I could not help. Your question has been noted so that staff can add an answer.',
};

/**
 * The citizen's answer to "您是不是想问": the suggested entry they opened (its answer is shown and
 * the turn's topic follows it), or 都不是 — then the question goes to the unanswered inbox. A
 * citizen may open several choices in turn; the same choice twice records nothing new.
 */
export async function chooseSuggestion(
  db: Db,
  index: BotIndex,
  actor: Actor,
  now: Date,
  session: BotSession,
  turnId: string,
  choice: string,
): Promise<ChoiceResult> {
  return db.transaction().execute(async (trx) => {
    const turn = await loadSessionTurn(trx, session.id, turnId);
    const suggested = JSON.parse(turn.suggested) as string[];
    if (turn.decision !== 'suggest' || suggested.length === 0)
      throw new AppError('CONFLICT', { zh: '这条回答没有可选的问题。', en: 'This reply offered no choices.' });
    const subject = { subjectType: 'bot_turn', subjectId: turnId, subjectLabel: turn.question.slice(0, 60) };
    const ts = now.toISOString();

    if (choice === BOT_CHOICE_NONE) {
      if (turn.choice !== BOT_CHOICE_NONE) {
        await trx
          .updateTable('bot_turns')
          .set({ choice: BOT_CHOICE_NONE, choice_at: ts, ...(turn.inbox_status ? {} : { inbox_status: 'open' }) })
          .where('id', '=', turnId)
          .execute();
        await recordEvent(trx, actor, now, {
          ...subject,
          type: 'bot.suggestions_rejected',
          data: { sessionId: session.id, suggestions: suggested },
        });
      }
      return { answer: null, related: [], message: NONE_OF_THESE };
    }

    const rank = suggested.indexOf(choice);
    if (rank < 0)
      throw new AppError(
        'VALIDATION_FAILED',
        { zh: '只能选择推荐给您的问题。', en: 'Choose one of the suggested questions.' },
        { field: 'entryId' },
      );
    const today = shanghaiDate(now);
    const entry = index.entry(choice);
    if (!isValid(entry, today))
      throw new AppError('NOT_FOUND', {
        zh: '该问题的答案已更新或下线，请重新提问。',
        en: 'That answer is no longer available; please ask again.',
      });
    if (turn.choice !== choice) {
      await trx
        .updateTable('bot_turns')
        .set({ choice, choice_at: ts, matter_id: entry.matterId })
        .where('id', '=', turnId)
        .execute();
      // the first choice's answer was counted as shown with the reply itself
      if (rank > 0) await countEntryShown(trx, entry.id);
      await recordEvent(trx, actor, now, {
        ...subject,
        type: 'bot.suggestion_chosen',
        data: { sessionId: session.id, entryId: entry.id, rank },
      });
    }
    return { answer: presentEntry(entry), related: relatedOf(index, entry, today), message: null };
  });
}
