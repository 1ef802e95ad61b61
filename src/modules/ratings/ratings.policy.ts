import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/** Ratings (好差评) are read by the general office, leaders, auditors and administrators. */
export const ratingsPolicy = {
  read: (p: Principal) => hasRole(p, 'supervisor', 'leader', 'auditor', 'admin'),
} satisfies Policy;
