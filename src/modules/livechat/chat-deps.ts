import type { Db } from '../../platform/db/connect.js';
import type { WorkingTimeService } from '../calendar/working-time-service.js';

/** What the live-help use cases need: the database and the working-time engine. */
export interface ChatDeps {
  db: Db;
  workingTime: WorkingTimeService;
}

/** The per-agent limit of open conversations (setting `livechat.maxChatsPerAgent`, default 5). */
export const MAX_CHATS_SETTING = 'livechat.maxChatsPerAgent';
export const DEFAULT_MAX_CHATS = 5;

export async function maxChatsPerAgent(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', MAX_CHATS_SETTING).executeTakeFirst();
  const n = row ? Number(JSON.parse(row.value)) : DEFAULT_MAX_CHATS;
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_CHATS;
}
