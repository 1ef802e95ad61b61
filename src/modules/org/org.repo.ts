import type { ExpressionBuilder } from 'kysely';
import type { DbOrTrx } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Role } from '../../platform/policy/roles.js';
import type { DepartmentScope } from './org.policy.js';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  departmentName: string | null;
  phone: string | null;
  workNumber: string | null;
  status: string;
  roles: Role[];
  lastLoginAt: string | null;
  createdAt: string;
  lockedUntil: string | null;
}

const USER_COLUMNS = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.department_id',
  'departments.name_zh as department_name',
  'users.phone',
  'users.work_number',
  'users.status',
  'users.last_login_at',
  'users.created_at',
] as const;

/** The latest sign-in lock on the account from any client address (login-failures.ts), for the admin's "locked" tag. */
const lockedUntil = (eb: ExpressionBuilder<Database, 'users'>) =>
  eb
    .selectFrom('login_failures')
    .select((e) => e.fn.max('login_failures.locked_until').as('m'))
    .whereRef('login_failures.username', '=', 'users.username')
    .as('locked_until');

/** Users visible in `scope`, filtered and paged; roles are loaded in one extra query. */
export async function listUsers(
  db: DbOrTrx,
  scope: DepartmentScope,
  f: { q?: string; departmentId?: string; role?: Role; status?: string; page: number; pageSize: number },
) {
  let q = db.selectFrom('users').leftJoin('departments', 'departments.id', 'users.department_id');
  if (!scope.all)
    q = scope.departmentId ? q.where('users.department_id', '=', scope.departmentId) : q.where('users.id', '=', '');
  if (f.departmentId) q = q.where('users.department_id', '=', f.departmentId);
  if (f.status) q = q.where('users.status', '=', f.status);
  if (f.q) {
    const like = `%${f.q.replace(/[%_]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.display_name', 'like', like)]));
  }
  if (f.role) q = q.where('users.id', 'in', db.selectFrom('user_roles').select('user_id').where('role', '=', f.role));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select((eb) => [...USER_COLUMNS, lockedUntil(eb)])
    .orderBy('users.username')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), items: await withRoles(db, rows) };
}

/** One user by id, or undefined. */
export async function findUser(db: DbOrTrx, id: string): Promise<UserRow | undefined> {
  const row = await db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select((eb) => [...USER_COLUMNS, lockedUntil(eb)])
    .where('users.id', '=', id)
    .executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

type RawUser = {
  id: string;
  username: string;
  display_name: string;
  department_id: string | null;
  department_name: string | null;
  phone: string | null;
  work_number: string | null;
  status: string;
  last_login_at: string | null;
  created_at: string;
  locked_until: string | null;
};

async function withRoles(db: DbOrTrx, rows: RawUser[]): Promise<UserRow[]> {
  if (rows.length === 0) return [];
  const roles = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    phone: r.phone,
    workNumber: r.work_number,
    status: r.status,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    lockedUntil: r.locked_until,
    roles: roles
      .filter((x) => x.user_id === r.id)
      .map((x) => x.role as Role)
      .sort(),
  }));
}

export async function findDepartment(db: DbOrTrx, id: string) {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listDepartments(db: DbOrTrx, includeInactive: boolean) {
  let q = db.selectFrom('departments').selectAll();
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('sort_order').orderBy('name_zh').execute();
}

/**
 * Ids of the active accounts holding any of `roles`, in one department when given (undefined:
 * every department). What other modules ask when they say who is told about something.
 */
export async function activeUserIdsWithRoles(
  db: DbOrTrx,
  roles: readonly Role[],
  departmentId?: string | null,
): Promise<string[]> {
  if (!roles.length || departmentId === null) return [];
  let q = db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .distinct()
    .where('users.status', '=', 'active')
    .where('user_roles.role', 'in', [...roles]);
  if (departmentId !== undefined) q = q.where('users.department_id', '=', departmentId);
  return (await q.execute()).map((r) => r.id);
}
