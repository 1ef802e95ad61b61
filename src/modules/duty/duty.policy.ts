import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/**
 * Live-help duty: window and business agents sign themselves in and out; the supervisor (局办公室)
 * and administrators keep the roster and read the sign-in records; leaders read them too.
 */
export const dutyPolicy = {
  signIn: (p: Principal) => hasRole(p, 'window_agent', 'business_agent'),
  readRoster: (p: Principal) => hasRole(p, 'supervisor', 'admin', 'leader'),
  editRoster: (p: Principal) => hasRole(p, 'supervisor', 'admin'),
  readRecords: (p: Principal) => hasRole(p, 'supervisor', 'admin', 'leader'),
  /** sign another agent out (e.g. left without signing out) */
  signOutOthers: (p: Principal) => hasRole(p, 'supervisor', 'admin'),
} satisfies Policy;
