/** The roles of SPEC §2 and their names live in the contracts shared with the web app. */
import { DEPARTMENT_SCOPED_ROLES, ROLE_LABELS, ROLES, type Role } from '../../contracts/enums.js';

export { DEPARTMENT_SCOPED_ROLES, ROLE_LABELS, ROLES, type Role };

/** Roles that need a department to make sense. */
export function roleNeedsDepartment(role: Role): boolean {
  return DEPARTMENT_SCOPED_ROLES.includes(role);
}

/** Which home page a user lands on after sign-in, by the most specific role held. */
export function homeFor(roles: readonly Role[]): '/admin' | '/workspace' {
  if (roles.includes('admin')) return '/admin';
  if (roles.includes('window_agent') || roles.includes('business_agent')) return '/workspace';
  if (roles.includes('hotline_dispatcher')) return '/workspace';
  if (roles.includes('kb_editor') || roles.includes('kb_reviewer')) return '/admin';
  if (roles.includes('supervisor') || roles.includes('leader') || roles.includes('auditor')) return '/admin';
  return '/workspace';
}
