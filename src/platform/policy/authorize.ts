import { AppError } from '../errors.js';
import type { Principal } from './principal.js';

/** A policy rule: given the principal (and optionally a subject), may they do it? */
export type Rule<S = void> = (p: Principal, subject: S) => boolean;

/** A module's policy: named actions mapped to rules. */
export type Policy = Record<string, Rule<any>>;

/** The names of a policy's rules that can be answered without a subject (only these can be abilities). */
export type SubjectFreeRule<P extends Policy> = {
  [K in keyof P & string]: P[K] extends (p: Principal) => boolean ? K : never;
}[keyof P & string];

/**
 * A module's policy with the rules it sends to the web app as abilities, declared by name (a rule
 * that needs a subject is a compile error in that list, whatever its parameters are called).
 */
export interface ModulePolicy<K extends string = string> {
  rules: Policy;
  abilities: readonly K[];
}

/** Declares a module's policy and its subject-free abilities. */
export function definePolicy<P extends Policy, const K extends SubjectFreeRule<P>>(
  rules: P,
  abilities: readonly K[],
): ModulePolicy<K> {
  return { rules, abilities };
}

/** Throws 401/403 unless the rule allows; routes call this before any command runs. */
export function authorize<S>(p: Principal | null | undefined, rule: Rule<S>, subject?: S): asserts p is Principal {
  if (!p) throw new AppError('UNAUTHENTICATED');
  if (!rule(p, subject as S)) throw new AppError('FORBIDDEN');
}

let installed: { name: string; policy: ModulePolicy }[] = [];

/** Installs the modules' policies (once, from the module list) for `abilities`. */
export function installPolicies(modules: { name: string; policy: ModulePolicy }[]): void {
  installed = modules;
}

/** The declared abilities a principal holds ('module.rule'), sent to the web app so it shows only what is allowed. */
export function abilities(p: Principal): string[] {
  const out: string[] = [];
  for (const m of installed) {
    for (const name of m.policy.abilities) {
      if ((m.policy.rules[name] as Rule)(p)) out.push(`${m.name}.${name}`);
    }
  }
  return out;
}
