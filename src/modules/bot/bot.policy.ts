import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

type Learned = { department_id: string };
const allKb = (p: Principal) => hasRole(p, 'kb_reviewer', 'admin');
const ownEditor = (p: Principal, departmentId: string) =>
  hasRole(p, 'kb_editor') && !!p.departmentId && p.departmentId === departmentId;

/** The bot's staff side: the unanswered-questions inbox, bot statistics, questions citizens confirmed. */
export const botPolicy = {
  readInbox: (p: Principal) => hasRole(p, 'kb_editor', 'kb_reviewer', 'admin'),
  handleInbox: (p: Principal) => hasRole(p, 'kb_editor', 'kb_reviewer', 'admin'),
  readStats: (p: Principal) => hasRole(p, 'kb_editor', 'kb_reviewer', 'admin', 'supervisor', 'leader', 'auditor'),
  /** the list of proposed similar questions: editors see their department's, reviewers all */
  readLearned: (p: Principal) => allKb(p) || (hasRole(p, 'kb_editor') && !!p.departmentId),
  seeLearned: (p: Principal, x: Learned) => allKb(p) || ownEditor(p, x.department_id),
  /** the owning department's editor (or a KB reviewer) accepts or rejects */
  decideLearned: (p: Principal, x: Learned) => allKb(p) || ownEditor(p, x.department_id),
} satisfies Policy;
