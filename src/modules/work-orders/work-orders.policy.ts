import { hasRole, type Principal } from '../../platform/policy/principal.js';
import type { Policy } from '../../platform/policy/authorize.js';

/** What a policy needs of an order: its handling department and the co-handling ones. */
export interface OrderAccess {
  departmentId: string | null;
  coDepartmentIds: string[];
}

/** The hotline office, supervisors, leaders, auditors and administrators see every order. */
const seesAll = (p: Principal) => hasRole(p, 'hotline_dispatcher', 'supervisor', 'leader', 'admin', 'auditor');
const dispatcher = (p: Principal) => hasRole(p, 'hotline_dispatcher', 'admin');
const ofDepartment = (p: Principal, departmentId: string | null) =>
  hasRole(p, 'business_agent') && departmentId !== null && p.departmentId === departmentId;

/**
 * Work orders (seed art. 10.3, 13): the hotline office (局热线办) receives, dispatches, rules on
 * extensions, calls back and closes out; a handling department's business agents see and work
 * only their own orders (co-handling departments may read them); everyone else gets 404.
 */
export const workOrdersPolicy = {
  read: (p: Principal) => seesAll(p) || hasRole(p, 'business_agent'),
  seeAll: (p: Principal) => seesAll(p),
  dispatch: (p: Principal) => dispatcher(p),
  /** 办不成事 window record (annex 6): the service centre's window staff, and the hotline office */
  recordWindow: (p: Principal) => hasRole(p, 'window_agent', 'hotline_dispatcher', 'admin'),
  performance: (p: Principal) => seesAll(p),
  settings: (p: Principal) => hasRole(p, 'admin'),
  readOrder: (p: Principal, o: OrderAccess) =>
    seesAll(p) || ofDepartment(p, o.departmentId) || o.coDepartmentIds.some((d) => ofDepartment(p, d)),
  /** print the 办不成事 window record (annex 6): the hotline office and the handling department */
  printRecord: (p: Principal, o: OrderAccess) => dispatcher(p) || ofDepartment(p, o.departmentId),
  /** accept, reply, return, ask for more time: the handling department's business agents */
  handle: (p: Principal, o: OrderAccess) => ofDepartment(p, o.departmentId),
} satisfies Policy;
