import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/** The working-time calendar: everyone signed in reads it, administrators change it. */
export const calendarPolicy = {
  read: (_p: Principal) => true,
  manage: (p: Principal) => hasRole(p, 'admin'),
} satisfies Policy;
