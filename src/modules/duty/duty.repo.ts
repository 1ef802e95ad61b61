import type { DbOrTrx } from '../../platform/db/connect.js';
import type { Role } from '../../platform/policy/roles.js';
import type { DepartmentScope } from '../org/org.policy.js';
import { DUTY_ROLES } from '../../contracts/enums/duty.js';
import type { TDutyStaff } from '../../contracts/duty.js';

/** Staff rows by id with department name and roles, as the roster and records name them. */
export async function staffByIds(db: DbOrTrx, ids: string[]): Promise<Map<string, TDutyStaff>> {
  const out = new Map<string, TDutyStaff>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  const rows = await db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select(['users.id', 'users.display_name', 'users.work_number', 'users.department_id', 'departments.name_zh'])
    .where('users.id', 'in', unique)
    .execute();
  const roles = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', unique).execute();
  for (const r of rows)
    out.set(r.id, {
      userId: r.id,
      displayName: r.display_name,
      workNumber: r.work_number,
      departmentId: r.department_id,
      departmentName: r.name_zh,
      roles: roles
        .filter((x) => x.user_id === r.id)
        .map((x) => x.role as Role)
        .sort(),
    });
  return out;
}

/** Active window and business agents in `scope`: who can be put on the roster. */
export async function dutyCandidates(db: DbOrTrx, scope: DepartmentScope): Promise<TDutyStaff[]> {
  let q = db
    .selectFrom('users')
    .select('users.id')
    .where('users.status', '=', 'active')
    .where(
      'users.id',
      'in',
      db
        .selectFrom('user_roles')
        .select('user_id')
        .where('role', 'in', [...DUTY_ROLES]),
    );
  if (!scope.all) q = q.where('users.department_id', '=', scope.departmentId ?? '');
  const ids = (await q.orderBy('users.username').execute()).map((r) => r.id);
  const staff = await staffByIds(db, ids);
  return ids.map((id) => staff.get(id)!);
}
