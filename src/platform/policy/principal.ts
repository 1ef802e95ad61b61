import type { Role } from './roles.js';

/** The signed-in user as every policy sees it. */
export interface Principal {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  /** code of the user's department (e.g. 'legal'), for rules tied to a named department */
  departmentCode: string | null;
  roles: Role[];
}

export function hasRole(p: Principal | null | undefined, ...roles: Role[]): boolean {
  return !!p && roles.some((r) => p.roles.includes(r));
}
