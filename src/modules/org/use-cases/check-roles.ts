import type { DbOrTrx } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { ROLE_LABELS, roleNeedsDepartment, type Role } from '../../../platform/policy/roles.js';

/** Department-scoped roles need an existing, active department; a given department must exist. */
export async function checkRolesFitDepartment(
  db: DbOrTrx,
  roles: readonly Role[],
  departmentId: string | null,
): Promise<void> {
  if (departmentId) {
    const dept = await db
      .selectFrom('departments')
      .select(['id', 'active'])
      .where('id', '=', departmentId)
      .executeTakeFirst();
    if (!dept)
      throw new AppError(
        'VALIDATION_FAILED',
        { zh: '所选部门不存在。', en: 'The chosen department does not exist.' },
        { field: 'departmentId' },
      );
    if (dept.active !== 1)
      throw new AppError(
        'VALIDATION_FAILED',
        { zh: '所选部门已停用。', en: 'The chosen department is inactive.' },
        { field: 'departmentId' },
      );
  }
  const needing = roles.filter(roleNeedsDepartment);
  if (needing.length && !departmentId) {
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: `角色“${needing.map((r) => ROLE_LABELS[r].zh).join('、')}”需要指定所属部门。`,
        en: `Role(s) ${needing.map((r) => ROLE_LABELS[r].en).join(', ')} need a department.`,
      },
      { field: 'departmentId' },
    );
  }
}
