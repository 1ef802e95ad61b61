import type { Role } from '../../../src/contracts/enums/org.js';
import type { TMe } from '../../../src/contracts/org.js';

/** The two staff faces of the app and who may use each. */
export type Face = 'workspace' | 'admin';

const WORKSPACE_ROLES: Role[] = ['window_agent', 'business_agent', 'hotline_dispatcher'];
const ADMIN_ROLES: Role[] = ['admin', 'kb_editor', 'kb_reviewer', 'supervisor', 'leader', 'auditor'];
/** Abilities that only mean something in the back office (the legal division manages matters whatever its roles). */
export const ADMIN_ABILITIES = [
  'org.manageUsers',
  'org.manageDepartments',
  'org.manageMatters',
  'calendar.manage',
  'audit.read',
];

export function canUseFace(me: TMe | undefined, face: Face): boolean {
  if (!me?.user) return false;
  const { roles } = me.user;
  if (face === 'workspace') return roles.some((r) => WORKSPACE_ROLES.includes(r)) || me.home === '/workspace';
  return (
    roles.some((r) => ADMIN_ROLES.includes(r)) ||
    me.abilities.some((a) => ADMIN_ABILITIES.includes(a)) ||
    me.home === '/admin'
  );
}

export const otherFace = (face: Face): Face => (face === 'admin' ? 'workspace' : 'admin');
export const facePath = (face: Face): string => `/${face}`;
