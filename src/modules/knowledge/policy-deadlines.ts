import { shanghaiDate } from '../../platform/calendar/index.js';
import type { DeadlineRecomputer } from '../calendar/deadline-recomputers.js';
import { publishByFor } from './policy-status.js';

/**
 * Policies not yet in force whose notice window (publish-by to effective date) contains a changed
 * date get their publish-by computed again; a moved date re-arms the reminder, as when the
 * effective date is edited.
 */
export const recomputePolicyDeadlines: DeadlineRecomputer = async (trx, { calendar, changed }, now) => {
  const today = shanghaiDate(now);
  const rows = await trx
    .selectFrom('policy_documents')
    .select(['id', 'effective_date', 'publish_by'])
    .where('effective_date', '>=', today)
    .where('effective_date', '>', changed.from)
    .where('publish_by', '<=', changed.to)
    .execute();
  let moved = 0;
  for (const r of rows) {
    const publishBy = publishByFor(calendar, r.effective_date);
    if (publishBy === r.publish_by) continue;
    await trx
      .updateTable('policy_documents')
      .set({ publish_by: publishBy, reminded_at: null, updated_at: now.toISOString() })
      .where('id', '=', r.id)
      .execute();
    moved++;
  }
  return moved;
};
