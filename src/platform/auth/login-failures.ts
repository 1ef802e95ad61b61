import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/connect.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

/**
 * Sign-in failures are counted per typed username *and* client address: five wrong passwords from
 * one address lock that address out of that name for 15 minutes. A stranger thus locks only
 * themselves, never the real staff member, and an unknown name locks exactly like an existing one.
 */
export async function lockedSeconds(db: Db, username: string, client: string, now: Date): Promise<number | null> {
  const row = await db
    .selectFrom('login_failures')
    .select('locked_until')
    .where('username', '=', username)
    .where('client', '=', client)
    .executeTakeFirst();
  if (!row?.locked_until || row.locked_until <= now.toISOString()) return null;
  return Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000);
}

/**
 * Counts one failure in a single statement (parallel attempts each add one; none is lost) and
 * sets the lock when the count reaches the limit. Failures older than the lockout period are
 * forgotten. `lockedNow` is true for exactly the failure that set the lock.
 */
export async function countLoginFailure(
  db: DbOrTrx,
  username: string,
  client: string,
  now: Date,
): Promise<{ failures: number; lockedNow: boolean }> {
  const ts = now.toISOString();
  const windowStart = new Date(now.getTime() - LOCKOUT_MS).toISOString();
  const until = new Date(now.getTime() + LOCKOUT_MS).toISOString();
  const next = sql`case when login_failures.last_failed_at < ${windowStart} then 1 else login_failures.failures + 1 end`;
  const res = await sql<{ failures: number }>`
    insert into login_failures (username, client, failures, last_failed_at, locked_until)
    values (${username}, ${client}, 1, ${ts}, null)
    on conflict (username, client) do update set
      failures = ${next},
      locked_until = case when ${next} >= ${MAX_FAILED_LOGINS} then ${until} else login_failures.locked_until end,
      last_failed_at = ${ts}
    returning failures`.execute(db);
  const failures = Number(res.rows[0].failures);
  return { failures, lockedNow: failures === MAX_FAILED_LOGINS };
}

/** A successful sign-in forgets the failures of that name from that address. */
export async function clearLoginFailures(db: DbOrTrx, username: string, client?: string): Promise<void> {
  let q = db.deleteFrom('login_failures').where('username', '=', username);
  if (client !== undefined) q = q.where('client', '=', client);
  await q.execute();
}

/** Sweep: forgets failures older than the lockout period. */
export async function purgeLoginFailures(db: Db, now: Date): Promise<void> {
  const before = new Date(now.getTime() - LOCKOUT_MS).toISOString();
  await db
    .deleteFrom('login_failures')
    .where('last_failed_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .execute();
}
