import type { Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { endUserSessions } from '../../../platform/auth/sessions.js';
import { clearLoginFailures } from '../../../platform/auth/login-failures.js';
import { checkPasswordStrength, hashPassword } from '../../../platform/auth/passwords.js';

const USER = { zh: '用户', en: 'user' };

/** An administrator sets a new password; the user's sessions end and any lockout is lifted. */
export async function resetPassword(db: Db, actor: Actor, now: Date, id: string, password: string): Promise<void> {
  checkPasswordStrength(password);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'department_id', 'display_name', 'username'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!user) throw notFound(USER);
    await trx
      .updateTable('users')
      .set({ password_hash: hash, failed_logins: 0, locked_until: null, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await clearLoginFailures(trx, user.username);
    await endUserSessions(trx, id);
    await recordEvent(trx, actor, now, {
      type: 'user.password_reset',
      subjectType: 'user',
      subjectId: id,
      subjectLabel: `${user.display_name} (${user.username})`,
      departmentId: user.department_id,
    });
  });
}

/** Disables or re-enables an account; disabling ends its sessions at once. */
export async function setUserStatus(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  status: 'active' | 'disabled',
): Promise<void> {
  if (status === 'disabled' && actor.userId === id) {
    throw new AppError('CONFLICT', { zh: '不能停用自己的账号。', en: 'You cannot disable your own account.' });
  }
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'status', 'department_id', 'display_name', 'username'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!user) throw notFound(USER);
    if (user.status === status) {
      throw new AppError(
        'INVALID_TRANSITION',
        status === 'disabled'
          ? { zh: '该账号已是停用状态。', en: 'The account is already disabled.' }
          : { zh: '该账号已是启用状态。', en: 'The account is already active.' },
      );
    }
    await trx
      .updateTable('users')
      .set({ status, failed_logins: 0, locked_until: null, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await clearLoginFailures(trx, user.username);
    if (status === 'disabled') await endUserSessions(trx, id);
    await recordEvent(trx, actor, now, {
      type: status === 'disabled' ? 'user.disabled' : 'user.enabled',
      subjectType: 'user',
      subjectId: id,
      subjectLabel: `${user.display_name} (${user.username})`,
      departmentId: user.department_id,
    });
  });
}
