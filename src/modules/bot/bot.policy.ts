import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/** The bot's staff side: the unanswered-questions inbox and bot statistics. */
export const botPolicy = {
  readInbox: (p: Principal) => hasRole(p, 'kb_editor', 'kb_reviewer', 'admin'),
  handleInbox: (p: Principal) => hasRole(p, 'kb_editor', 'kb_reviewer', 'admin'),
  readStats: (p: Principal) => hasRole(p, 'kb_editor', 'kb_reviewer', 'admin', 'supervisor', 'leader', 'auditor'),
} satisfies Policy;
