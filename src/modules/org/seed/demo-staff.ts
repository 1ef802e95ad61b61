import type { DbOrTrx } from '../../../platform/db/connect.js';
import type { Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import type { Role } from '../../../platform/policy/roles.js';

/**
 * A demo account as the use cases see a signed-in user (its principal and actor), so demo cases
 * are made through the product's own commands; null when the account does not exist.
 */
export async function demoStaff(db: DbOrTrx, username: string): Promise<{ p: Principal; actor: Actor } | null> {
  const u = await db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.department_id', 'departments.code'])
    .where('users.username', '=', username)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!u) return null;
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', u.id).execute();
  const p: Principal = {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    departmentId: u.department_id,
    departmentCode: u.code ?? null,
    roles: roles.map((r) => r.role as Role),
  };
  return { p, actor: { userId: u.id, label: `${u.display_name} (${u.username})`, departmentId: u.department_id } };
}
