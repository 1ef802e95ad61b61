import { AppError } from '../errors.js';
import type { Principal } from './principal.js';

/** A policy rule: given the principal (and optionally a subject), may they do it? */
export type Rule<S = void> = (p: Principal, subject: S) => boolean;

/** A module's policy: named actions mapped to rules. */
export type Policy = Record<string, Rule<any>>;

/** Throws 401/403 unless the rule allows; routes call this before any command runs. */
export function authorize<S>(p: Principal | null | undefined, rule: Rule<S>, subject?: S): asserts p is Principal {
  if (!p) throw new AppError('UNAUTHENTICATED');
  if (!rule(p, subject as S)) throw new AppError('FORBIDDEN');
}

/** The subject-free abilities of a principal, sent to the web app so it shows only what is allowed. */
export function abilities(p: Principal, policies: Record<string, Policy>): string[] {
  const out: string[] = [];
  for (const [mod, policy] of Object.entries(policies)) {
    for (const [action, rule] of Object.entries(policy)) {
      if (rule.length <= 1 && rule(p, undefined)) out.push(`${mod}.${action}`);
    }
  }
  return out;
}
