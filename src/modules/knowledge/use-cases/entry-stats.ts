import type { DbOrTrx } from '../../../platform/db/connect.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { sql } from 'kysely';
import { kbScope } from '../knowledge.policy.js';
import { scopedEntries } from '../knowledge.repo.js';

/** Editors look at their own department's numbers; oversight roles at every live entry. */
function statsScope(db: DbOrTrx, p: Principal) {
  const scope = kbScope(p);
  const q = scopedEntries(db, p, {}).selectAll('kb_entries').select('departments.name_zh as department_name');
  return scope && !scope.all ? q.where('kb_entries.department_id', '=', scope.departmentId ?? '') : q;
}

/** An entry "often fails" with at least this many unsolved ratings … */
export const FAILING_MIN_UNSOLVED = 3;
/** … and at least this share of unsolved among rated answers. */
export const FAILING_MIN_SHARE = 0.4;
/** Live entries not reviewed for longer than this are due for a look (seed art. 15: iteration). */
export const STALE_DAYS = 180;

/** Live entries citizens often mark as not solved: the first candidates for rewording. */
export async function failingEntries(db: DbOrTrx, p: Principal, limit = 100) {
  return statsScope(db, p)
    .where('kb_entries.unsolved_count', '>=', FAILING_MIN_UNSOLVED)
    .where(
      sql<boolean>`kb_entries.unsolved_count * 100 >= (kb_entries.solved_count + kb_entries.unsolved_count) * ${Math.round(FAILING_MIN_SHARE * 100)}`,
    )
    .orderBy('kb_entries.unsolved_count', 'desc')
    .limit(limit)
    .execute();
}

/** Live entries whose last review is older than 180 days (or never reviewed). */
export async function staleEntries(db: DbOrTrx, p: Principal, now: Date, limit = 200) {
  const cutoff = new Date(now.getTime() - STALE_DAYS * 86_400_000).toISOString();
  return statsScope(db, p)
    .where('kb_entries.live_version', '>', 0)
    .where((eb) =>
      eb.or([eb('kb_entries.last_reviewed_at', 'is', null), eb('kb_entries.last_reviewed_at', '<', cutoff)]),
    )
    .orderBy('kb_entries.last_reviewed_at')
    .limit(limit)
    .execute();
}
