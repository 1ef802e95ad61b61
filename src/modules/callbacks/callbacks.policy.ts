import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/** Callback cases from every channel: front-line staff and dispatchers work them, supervisors watch. */
export const callbacksPolicy = {
  read: (p: Principal) => hasRole(p, 'window_agent', 'hotline_dispatcher', 'supervisor', 'admin'),
  handle: (p: Principal) => hasRole(p, 'window_agent', 'hotline_dispatcher', 'admin'),
} satisfies Policy;
