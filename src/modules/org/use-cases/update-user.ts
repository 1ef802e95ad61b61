import type { Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { endUserSessions } from '../../../platform/auth/sessions.js';
import type { TUpdateUser } from '../org.schemas.js';
import { checkRolesFitDepartment } from './check-roles.js';
import { workNumberDuplicate, workNumberTaken } from './work-number.js';
import type { Role } from '../../../platform/policy/roles.js';

const USER = { zh: '用户', en: 'user' };

/** Changes a user's name, department, roles or phone; a change of department or roles ends their sessions. */
export async function updateUser(db: Db, actor: Actor, now: Date, id: string, input: TUpdateUser): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!user) throw notFound(USER);
    const current = (await trx.selectFrom('user_roles').select('role').where('user_id', '=', id).execute()).map(
      (r) => r.role as Role,
    );
    const roles = input.roles ? [...new Set(input.roles)] : current;
    const departmentId = input.departmentId === undefined ? user.department_id : input.departmentId;
    if (actor.userId === id && current.includes('admin') && !roles.includes('admin')) {
      throw new AppError('CONFLICT', {
        zh: '不能移除自己的管理员角色。',
        en: 'You cannot remove your own administrator role.',
      });
    }
    await checkRolesFitDepartment(trx, roles, departmentId);
    if (input.workNumber && input.workNumber !== user.work_number && (await workNumberTaken(trx, input.workNumber, id)))
      throw workNumberDuplicate(input.workNumber);
    await trx
      .updateTable('users')
      .set({
        display_name: input.displayName ?? user.display_name,
        department_id: departmentId,
        phone: input.phone === undefined ? user.phone : input.phone,
        work_number: input.workNumber === undefined ? user.work_number : input.workNumber,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    const rolesChanged = input.roles && (roles.length !== current.length || roles.some((r) => !current.includes(r)));
    if (rolesChanged) {
      await trx.deleteFrom('user_roles').where('user_id', '=', id).execute();
      if (roles.length)
        await trx
          .insertInto('user_roles')
          .values(roles.map((role) => ({ user_id: id, role })))
          .execute();
    }
    if (rolesChanged || departmentId !== user.department_id) await endUserSessions(trx, id);
    await recordEvent(trx, actor, now, {
      type: 'user.updated',
      subjectType: 'user',
      subjectId: id,
      subjectLabel: `${input.displayName ?? user.display_name} (${user.username})`,
      departmentId,
      data: {
        changes: { ...input, phone: input.phone === undefined ? undefined : '(changed)' },
        before: { departmentId: user.department_id, roles: current },
      },
    });
  });
}
