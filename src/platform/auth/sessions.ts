import type { Db, DbOrTrx } from '../db/connect.js';
import { hashToken, randomToken } from '../ids.js';
import type { Principal } from '../policy/principal.js';
import type { Role } from '../policy/roles.js';

export const SESSION_COOKIE = 'bb_session';
export const SESSION_IDLE_MS = 4 * 3600_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;

/** Creates a session and returns the raw token for the cookie (only its hash is stored). */
export async function createSession(
  db: DbOrTrx,
  userId: string,
  now: Date,
  meta: { ip?: string; userAgent?: string },
): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export type SessionLookup =
  { state: 'none' } | { state: 'expired' } | { state: 'valid'; principal: Principal; sessionId: string };

/** Resolves a cookie token to the signed-in principal; expired, idle or disabled sessions are ended. */
export async function resolveSession(db: Db, token: string | undefined, now: Date): Promise<SessionLookup> {
  if (!token) return { state: 'none' };
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'sessions.id as sid',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.department_id',
      'users.status',
      'departments.code as department_code',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return { state: 'expired' };
  const idle = now.getTime() - new Date(row.last_seen_at).getTime() > SESSION_IDLE_MS;
  if (row.status !== 'active' || idle || row.expires_at <= now.toISOString()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { state: 'expired' };
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', row.id).execute();
  return {
    state: 'valid',
    sessionId: id,
    principal: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      departmentId: row.department_id,
      departmentCode: row.department_code ?? null,
      roles: roles.map((r) => r.role as Role),
    },
  };
}

/** Ends one session (sign-out). */
export async function endSession(db: DbOrTrx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user (disable, password reset). */
export async function endUserSessions(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Sweep: removes sessions past their absolute expiry. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const res = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(res.numDeletedRows);
}
