import type { DbOrTrx } from '../../platform/db/connect.js';
import { hashToken } from '../../platform/ids.js';

const SESSION_TTL_MS = 24 * 3600_000;

/** Read-only questions other modules ask about bot conversations (live help: the hand-over). */

/** The bot conversation named by a citizen's bot token (null when unknown or expired). */
export async function findBotSession(
  db: DbOrTrx,
  token: string,
  now: Date,
): Promise<{ id: string; channel: string } | null> {
  const row = await db
    .selectFrom('bot_sessions')
    .select(['id', 'channel', 'last_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || now.getTime() - Date.parse(row.last_at) > SESSION_TTL_MS) return null;
  return { id: row.id, channel: row.channel };
}

/** The turns of a bot conversation, oldest first: what travels to the live-help agent. */
export async function listBotTurns(
  db: DbOrTrx,
  sessionId: string,
): Promise<{ question: string; decision: string; answerQuestion: string | null; at: string }[]> {
  const rows = await db
    .selectFrom('bot_turns')
    .leftJoin('kb_entries', 'kb_entries.id', 'bot_turns.entry_id')
    .select([
      'bot_turns.question',
      'bot_turns.decision',
      'kb_entries.question as answer_question',
      'bot_turns.created_at',
    ])
    .where('bot_turns.session_id', '=', sessionId)
    .orderBy('bot_turns.seq')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    question: r.question,
    decision: r.decision,
    answerQuestion: r.answer_question ?? null,
    at: r.created_at,
  }));
}
