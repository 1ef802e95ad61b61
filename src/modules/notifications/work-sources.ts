import type { DbOrTrx } from '../../platform/db/connect.js';
import type { Bilingual } from '../../platform/errors.js';
import type { Principal } from '../../platform/policy/principal.js';

/** One thing waiting for a person, as a module's work source reports it. */
export interface WorkSourceItem {
  title: Bilingual;
  /** the case number, the entry's code … */
  reference: string | null;
  /** where it opens in the web app */
  link: string;
  /** its due time (ISO); none: it simply waits */
  dueAt: string | null;
}

/**
 * A module's contribution to "my work": what waits for this person in the module. It must apply
 * the module's own policy and department scope (return nothing to someone who may not see it).
 */
export interface WorkSource {
  /** unique name ('callbacks') */
  name: string;
  label: Bilingual;
  items(db: DbOrTrx, p: Principal, now: Date): Promise<WorkSourceItem[]>;
}

const sources = new Map<string, WorkSource>();

/** Declares a module's work source (in its `services` hook); again under the same name replaces it. */
export function registerWorkSource(source: WorkSource): void {
  sources.set(source.name, source);
}

export function workSources(): WorkSource[] {
  return [...sources.values()];
}
