import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { dummyPasswordHash, verifyPassword } from '../../../platform/auth/passwords.js';
import { createSession } from '../../../platform/auth/sessions.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

/**
 * Checks the password and opens a session. After MAX_FAILED_LOGINS failures in a row the account
 * is locked for LOCKOUT_MS; the same answer is given for an unknown user and a wrong password.
 */
export async function signIn(
  db: Db,
  actor: Actor,
  now: Date,
  input: { username: string; password: string; userAgent?: string },
): Promise<{ token: string; userId: string }> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await db.transaction().execute((trx) =>
      recordEvent(trx, actor, now, {
        type: 'auth.login_failed',
        data: { username: input.username, reason: 'unknown_user' },
      }),
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 1000);
    throw new AppError(
      'ACCOUNT_LOCKED',
      {
        zh: `登录失败次数过多，账号已临时锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试或联系管理员。`,
        en: `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes or contact an administrator.`,
      },
      { retryAfterSeconds: seconds },
    );
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  const self: Actor = {
    ...actor,
    userId: user.id,
    label: `${user.display_name} (${user.username})`,
    departmentId: user.department_id,
  };
  if (!ok) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          failed_logins: lock ? 0 : failed,
          locked_until: lock ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : user.locked_until,
          updated_at: now.toISOString(),
        })
        .where('id', '=', user.id)
        .execute();
      await recordEvent(trx, self, now, {
        type: lock ? 'auth.locked' : 'auth.login_failed',
        subjectType: 'user',
        subjectId: user.id,
        data: { failedAttempts: failed },
      });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    const token = await createSession(trx, user.id, now, { ip: actor.ip ?? undefined, userAgent: input.userAgent });
    await recordEvent(trx, self, now, { type: 'auth.login', subjectType: 'user', subjectId: user.id });
    return { token, userId: user.id };
  });
}
