import type { DbOrTrx } from '../../platform/db/connect.js';

/**
 * For the bot: whether a bot conversation has been handed to live help and not yet ended. The bot
 * stays silent in it (it never answers a message meant for an agent, and never after a human took it).
 */
export async function botHandedToHuman(db: DbOrTrx, botSessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('chat_conversations')
    .select('id')
    .where('bot_session_id', '=', botSessionId)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  return !!row;
}
