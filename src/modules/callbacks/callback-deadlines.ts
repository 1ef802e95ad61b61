import { addWorkingDays } from '../../platform/calendar/index.js';
import { shanghaiMidnight } from '../../platform/calendar/shanghai-time.js';
import type { DeadlineRecomputer } from '../calendar/deadline-recomputers.js';

/** A callback is returned within this many working days of the message (the bot's leave-a-message). */
export const CALLBACK_WORKING_DAYS = 1;

/**
 * Open callbacks whose window (creation to due time) spans a changed date get their due time
 * computed again on the new calendar; handled ones keep theirs.
 */
export const recomputeCallbackDeadlines: DeadlineRecomputer = async (
  trx,
  { calendar, closeOfBusiness, changed },
  now,
) => {
  const rows = await trx
    .selectFrom('callback_requests')
    .select(['id', 'created_at', 'due_at'])
    .where('status', '=', 'open')
    .where('due_at', '>=', new Date(shanghaiMidnight(changed.from)).toISOString())
    .where('created_on', '<=', changed.to)
    .execute();
  let moved = 0;
  for (const r of rows) {
    const due = addWorkingDays(calendar, new Date(r.created_at), CALLBACK_WORKING_DAYS, closeOfBusiness).toISOString();
    if (due === r.due_at) continue;
    await trx
      .updateTable('callback_requests')
      .set({ due_at: due, updated_at: now.toISOString() })
      .where('id', '=', r.id)
      .where('status', '=', 'open')
      .execute();
    moved++;
  }
  return moved;
};
