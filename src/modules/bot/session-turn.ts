import type { Trx } from '../../platform/db/connect.js';
import { notFound } from '../../platform/errors.js';

/**
 * A turn of this bot conversation, for the citizen's follow-ups on it (feedback, a suggestion
 * opened): a turn of another conversation is not found, whoever asks.
 */
export async function loadSessionTurn(trx: Trx, sessionId: string, turnId: string) {
  const turn = await trx
    .selectFrom('bot_turns')
    .select(['id', 'decision', 'entry_id', 'suggested', 'choice', 'feedback', 'question', 'inbox_status'])
    .where('id', '=', turnId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  if (!turn) throw notFound({ zh: '对话记录', en: 'turn' });
  return turn;
}
