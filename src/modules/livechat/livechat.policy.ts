import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/** What a policy needs to know of a conversation: who holds it, who held it, its department, who was consulted. */
export interface ChatAccess {
  status: string;
  agentId: string | null;
  departmentId: string | null;
  heldBy: string[];
  consultedUsers: string[];
  consultedDepartments: string[];
}

const oversees = (p: Principal) => hasRole(p, 'supervisor', 'leader', 'admin');
const inDepartment = (p: Principal, departmentId: string | null) =>
  hasRole(p, 'business_agent') && departmentId !== null && p.departmentId === departmentId;

/**
 * Live help: window and business agents chat, supervisors watch the wall. A conversation is
 * visible to whoever holds or held it, to the business agents of the department it was transferred
 * to, to colleagues consulted about it, and to supervisors; everyone else gets 404.
 */
export const livechatPolicy = {
  work: (p: Principal) => hasRole(p, 'window_agent', 'business_agent'),
  supervise: (p: Principal) => oversees(p),
  /** settings (chats per agent): the supervisor who runs the service and the administrator; leaders only watch */
  configure: (p: Principal) => hasRole(p, 'supervisor', 'admin'),
  read: (p: Principal, c: ChatAccess) =>
    oversees(p) ||
    c.agentId === p.id ||
    c.heldBy.includes(p.id) ||
    inDepartment(p, c.departmentId) ||
    c.consultedUsers.includes(p.id) ||
    (p.departmentId !== null && hasRole(p, 'business_agent') && c.consultedDepartments.includes(p.departmentId)),
  /** answer, note, transfer, close: the staff member holding it now */
  act: (p: Principal, c: ChatAccess) => c.agentId === p.id && hasRole(p, 'window_agent', 'business_agent'),
  /** a business agent of the department takes a conversation waiting for it */
  take: (p: Principal, c: ChatAccess) => c.status === 'awaiting_department' && inDepartment(p, c.departmentId),
  /** the staff-only side thread: the holder, and those consulted */
  consult: (p: Principal, c: ChatAccess) =>
    c.agentId === p.id ||
    c.consultedUsers.includes(p.id) ||
    (p.departmentId !== null && hasRole(p, 'business_agent') && c.consultedDepartments.includes(p.departmentId)),
} satisfies Policy;
