import type { Db } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { checkPasswordStrength, hashPassword } from '../../../platform/auth/passwords.js';
import type { TCreateUser } from '../org.schemas.js';
import { checkRolesFitDepartment } from './check-roles.js';
import { workNumberDuplicate, workNumberTaken } from './work-number.js';

/** An administrator creates a staff account in a department with its roles. */
export async function createUser(db: Db, actor: Actor, now: Date, input: TCreateUser): Promise<string> {
  checkPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  try {
    await db.transaction().execute(async (trx) => {
      await checkRolesFitDepartment(trx, input.roles, input.departmentId ?? null);
      await trx
        .insertInto('users')
        .values({
          id,
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          department_id: input.departmentId ?? null,
          phone: input.phone ?? null,
          work_number: input.workNumber ?? null,
          status: 'active',
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      if (input.roles.length)
        await trx
          .insertInto('user_roles')
          .values([...new Set(input.roles)].map((role) => ({ user_id: id, role })))
          .execute();
      await recordEvent(trx, actor, now, {
        type: 'user.created',
        subjectType: 'user',
        subjectId: id,
        subjectLabel: `${input.displayName} (${input.username})`,
        departmentId: input.departmentId ?? null,
        data: {
          username: input.username,
          displayName: input.displayName,
          roles: input.roles,
          departmentId: input.departmentId ?? null,
        },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.workNumber && (await workNumberTaken(db, input.workNumber)))
      throw workNumberDuplicate(input.workNumber);
    if (isUniqueViolation(err))
      throw new AppError('DUPLICATE', {
        zh: `用户名“${input.username}”已被使用。`,
        en: `Username "${input.username}" is taken.`,
      });
    throw err;
  }
  return id;
}
