import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/**
 * Client systems are an administrator's: issuing, rotating and revoking their keys. The systems
 * themselves never hold a staff session; they authenticate with their key (client-auth.ts).
 */
export const integrationsPolicy = {
  manageClients: (p: Principal) => hasRole(p, 'admin'),
} satisfies Policy;
