import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/** What a policy needs to know of a transfer form. */
export interface FormAccess {
  departmentId: string;
}

const watchesAll = (p: Principal) =>
  hasRole(p, 'window_agent', 'hotline_dispatcher', 'supervisor', 'leader', 'admin', 'auditor');
const ofDepartment = (p: Principal, departmentId: string) =>
  hasRole(p, 'business_agent') && p.departmentId !== null && p.departmentId === departmentId;

/**
 * Phone consultation (seed art. 10.1): window agents log calls and send, close and re-send
 * transfer forms; the owner department's business agents reply to (or return) their own forms;
 * the hotline office, general office and leaders read everything. A form of another department
 * is 404 to a business agent.
 */
export const phonePolicy = {
  /** log a call, answer it, turn it into a transfer form, close or re-send a form */
  log: (p: Principal) => hasRole(p, 'window_agent'),
  /** the call log */
  readCalls: (p: Principal) =>
    hasRole(p, 'window_agent', 'hotline_dispatcher', 'supervisor', 'leader', 'admin', 'auditor'),
  /** the list of transfer forms (scoped to the department for business agents) */
  readForms: (p: Principal) => watchesAll(p) || hasRole(p, 'business_agent'),
  /** a business agent's department page (转办单) */
  departmentWork: (p: Principal) => hasRole(p, 'business_agent') && p.departmentId !== null,
  /** every department's forms, not only one's own */
  readAllForms: (p: Principal) => watchesAll(p),
  readForm: (p: Principal, f: FormAccess) => watchesAll(p) || ofDepartment(p, f.departmentId),
  /** reply or return: a business agent of the form's department */
  replyForm: (p: Principal, f: FormAccess) => ofDepartment(p, f.departmentId),
} satisfies Policy;
