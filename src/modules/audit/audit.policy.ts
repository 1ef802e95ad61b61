import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/** The audit trail is read by administrators, auditors and the general office's supervisors. */
export const auditPolicy = {
  read: (p: Principal) => hasRole(p, 'admin', 'auditor', 'supervisor'),
} satisfies Policy;
