import type { Policy } from '../../platform/policy/authorize.js';
import { hasRole, type Principal } from '../../platform/policy/principal.js';

/**
 * What part of the knowledge base a user works on: `edit` = every status (all departments, or
 * only their own), `live` = only the published (live) version of entries, for agents using the KB.
 */
export type KbScope = { all: true } | { all: false; departmentId: string | null };

const isReviewer = (p: Principal) => hasRole(p, 'admin', 'kb_reviewer');
const isEditor = (p: Principal) => hasRole(p, 'kb_editor') && !!p.departmentId;

/** The departments whose drafts a user may see: reviewers/admins/auditors all, editors their own, others none. */
export function kbScope(p: Principal): KbScope | null {
  if (hasRole(p, 'admin', 'kb_reviewer', 'auditor')) return { all: true };
  if (isEditor(p)) return { all: false, departmentId: p.departmentId };
  return null;
}

/** Whether `departmentId` lies in the user's editing/reading scope. */
export function inKbScope(p: Principal, departmentId: string): boolean {
  const s = kbScope(p);
  return !!s && (s.all || s.departmentId === departmentId);
}

type EntryRef = { department_id: string; live_version: number; status: string };

/** Knowledge-base rules (SPEC §3.8, seed art. 15): editors own their department's entries, the legal division reviews. */
export const knowledgePolicy = {
  read: () => true,
  edit: (p: Principal) => hasRole(p, 'admin') || isEditor(p),
  review: (p: Principal) => isReviewer(p),
  import: (p: Principal) => isReviewer(p) || isEditor(p),
  export: (p: Principal) => isReviewer(p) || isEditor(p) || hasRole(p, 'auditor'),
  managePolicies: (p: Principal) => isReviewer(p) || isEditor(p),
  readPolicies: (p: Principal) => isReviewer(p) || isEditor(p) || hasRole(p, 'auditor', 'supervisor', 'leader'),
  /** every working role may suggest an entry; the read-only auditor may not */
  propose: (p: Principal) => p.roles.some((r) => r !== 'auditor'),
  decideProposals: (p: Principal) => hasRole(p, 'admin') || isEditor(p),
  manageTerms: (p: Principal) => isReviewer(p),
  readTerms: (p: Principal) => isReviewer(p) || isEditor(p),
  stats: (p: Principal) => isReviewer(p) || isEditor(p) || hasRole(p, 'auditor', 'supervisor', 'leader'),
  /** sees this entry at all (its drafts if in scope, otherwise only a live version) */
  readEntry: (p: Principal, e: EntryRef) =>
    inKbScope(p, e.department_id) || (e.live_version > 0 && e.status !== 'archived'),
  /** sees the working copy and history, not just the live version */
  readWorkingCopy: (p: Principal, e: EntryRef) => inKbScope(p, e.department_id),
  editEntry: (p: Principal, e: EntryRef) => hasRole(p, 'admin') || (isEditor(p) && p.departmentId === e.department_id),
  reviewEntry: (p: Principal, _e: EntryRef) => isReviewer(p),
  /** one policy document: oversight and reviewers see all, an editor only their department's */
  readPolicy: (p: Principal, d: { drafting_department_id: string }) =>
    isReviewer(p) ||
    hasRole(p, 'auditor', 'supervisor', 'leader') ||
    (isEditor(p) && p.departmentId === d.drafting_department_id),
  /** department in which a user may create entries, policies and imports */
  ownDepartment: (p: Principal, departmentId: string) =>
    isReviewer(p) || (isEditor(p) && p.departmentId === departmentId),
} satisfies Policy;
