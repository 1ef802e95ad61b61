import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/**
 * Staff conduct: agents check their drafts and use canned replies; the supervisor (局办公室) and
 * administrators keep the forbidden-phrase list and the canned replies and see how often phrases fired.
 */
export const conductPolicy = {
  checkMessages: (p: Principal) => hasRole(p, 'window_agent', 'business_agent', 'supervisor', 'admin'),
  readPhrases: (p: Principal) => hasRole(p, 'window_agent', 'business_agent', 'supervisor', 'admin', 'leader'),
  managePhrases: (p: Principal) => hasRole(p, 'supervisor', 'admin'),
  phraseStats: (p: Principal) => hasRole(p, 'supervisor', 'admin', 'leader'),
  useCannedReplies: (p: Principal) => hasRole(p, 'window_agent', 'business_agent', 'supervisor', 'admin'),
  manageCannedReplies: (p: Principal) => hasRole(p, 'supervisor', 'admin'),
} satisfies Policy;
