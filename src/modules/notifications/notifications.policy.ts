import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/**
 * The notification centre: every staff member reads and marks their own notices (queries are
 * always by the signed-in user, so nobody reaches someone else's: 404), chooses what they receive,
 * and sees their own work; administrators set departments' outside channels and replay dead letters.
 */
export const notificationsPolicy = {
  read: (p: Principal) => !!p.id,
  myWork: (p: Principal) => !!p.id,
  manageChannels: (p: Principal) => hasRole(p, 'admin'),
} satisfies Policy;
