import type { FastifyRequest } from 'fastify';
import type { Db, DbOrTrx } from '../../platform/db/connect.js';
import { AppError } from '../../platform/errors.js';
import { hashToken, newId, randomToken } from '../../platform/ids.js';
import { shanghaiDate } from '../../platform/calendar/shanghai-time.js';

export const BOT_TOKEN_HEADER = 'x-bot-token';
const SESSION_TTL_MS = 24 * 3600_000;

export interface BotSession {
  id: string;
  channel: string;
  turns: number;
}

/**
 * Opens an anonymous bot conversation. Its token travels in a header, not a cookie, so the
 * widget works inside another site's page (where cookies are third-party) and no cross-site
 * request can ride on it.
 */
export async function startBotSession(
  db: DbOrTrx,
  now: Date,
  channel: string,
  origin: string | null,
): Promise<{ id: string; token: string }> {
  const id = newId();
  const token = randomToken(24);
  await db
    .insertInto('bot_sessions')
    .values({
      id,
      token_hash: hashToken(token),
      channel,
      origin: origin?.slice(0, 200) ?? null,
      created_at: now.toISOString(),
      created_on: shanghaiDate(now),
      last_at: now.toISOString(),
      turns: 0,
    })
    .execute();
  return { id, token };
}

/** The conversation named by the request's bot token, or a clear 401 asking to start again. */
export async function requireBotSession(db: Db, req: FastifyRequest): Promise<BotSession> {
  const token = req.headers[BOT_TOKEN_HEADER];
  const expired = new AppError('SESSION_EXPIRED', {
    zh: '对话已过期，请刷新页面重新开始。',
    en: 'This conversation has expired; reload to start again.',
  });
  if (typeof token !== 'string' || token.length < 10 || token.length > 100) throw expired;
  const row = await db
    .selectFrom('bot_sessions')
    .select(['id', 'channel', 'turns', 'last_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || req.now.getTime() - Date.parse(row.last_at) > SESSION_TTL_MS) throw expired;
  return { id: row.id, channel: row.channel, turns: row.turns };
}
