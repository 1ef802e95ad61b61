import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/** Who sees whom: oversight roles see every department, everyone else only their own. */
export type DepartmentScope = { all: true } | { all: false; departmentId: string | null };

export function userScope(p: Principal): DepartmentScope {
  return hasRole(p, 'admin', 'auditor', 'supervisor', 'leader')
    ? { all: true }
    : { all: false, departmentId: p.departmentId };
}

export function inScope(scope: DepartmentScope, departmentId: string | null): boolean {
  return scope.all || (scope.departmentId !== null && scope.departmentId === departmentId);
}

/** Organisation rules: departments, accounts and the matter catalogue (SPEC §2). */
export const orgPolicy = {
  readDepartments: () => true,
  manageDepartments: (p: Principal) => hasRole(p, 'admin'),
  listUsers: () => true,
  readUser: (p: Principal, u: { departmentId: string | null; id: string }) =>
    p.id === u.id || inScope(userScope(p), u.departmentId),
  manageUsers: (p: Principal) => hasRole(p, 'admin'),
  // The legal division manages the matter catalogue (seed art. 4); administrators may too.
  manageMatters: (p: Principal) => hasRole(p, 'admin') || p.departmentCode === 'legal',
} satisfies Policy;
