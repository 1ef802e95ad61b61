import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { dummyPasswordHash, verifyPassword } from '../../../platform/auth/passwords.js';
import { createSession } from '../../../platform/auth/sessions.js';
import {
  clearLoginFailures,
  countLoginFailure,
  lockedSeconds,
  LOCKOUT_MS,
} from '../../../platform/auth/login-failures.js';

function lockedError(seconds: number): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    {
      zh: `登录失败次数过多，账号已临时锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试或联系管理员。`,
      en: `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes or contact an administrator.`,
    },
    { retryAfterSeconds: seconds },
  );
}

/**
 * Checks the password and opens a session. After MAX_FAILED_LOGINS failures of one name from one
 * client address, that address is locked out of that name for LOCKOUT_MS (login-failures.ts);
 * an unknown name and a wrong password get the same answers, lock included.
 */
export async function signIn(
  db: Db,
  actor: Actor,
  now: Date,
  input: { username: string; password: string; userAgent?: string },
): Promise<{ token: string; userId: string }> {
  const client = actor.ip ?? 'unknown';
  const locked = await lockedSeconds(db, input.username, client, now);
  if (locked) throw lockedError(locked);
  const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  const self: Actor = user
    ? { ...actor, userId: user.id, label: `${user.display_name} (${user.username})`, departmentId: user.department_id }
    : actor;
  const subject = user
    ? { subjectType: 'user', subjectId: user.id, subjectLabel: self.label }
    : { subjectLabel: input.username.slice(0, 60) };
  if (!user || !ok) {
    await db.transaction().execute(async (trx) => {
      const { failures, lockedNow } = await countLoginFailure(trx, input.username, client, now);
      await recordEvent(trx, self, now, {
        type: 'auth.login_failed',
        ...subject,
        data: user ? { failedAttempts: failures } : { username: input.username, reason: 'unknown_user' },
      });
      if (lockedNow)
        await recordEvent(trx, self, now, {
          type: 'auth.locked',
          ...subject,
          data: { username: input.username, failedAttempts: failures, lockedMinutes: LOCKOUT_MS / 60_000 },
        });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await recordEvent(db, self, now, { type: 'auth.login_failed', ...subject, data: { reason: 'account_disabled' } });
    throw new AppError('ACCOUNT_DISABLED');
  }
  return db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, user.username, client);
    await trx.updateTable('users').set({ last_login_at: now.toISOString() }).where('id', '=', user.id).execute();
    const token = await createSession(trx, user.id, now, { ip: actor.ip ?? undefined, userAgent: input.userAgent });
    await recordEvent(trx, self, now, {
      type: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
      subjectLabel: self.label,
    });
    return { token, userId: user.id };
  });
}
