import { addWorkingDays } from '../../platform/calendar/index.js';
import { shanghaiMidnight } from '../../platform/calendar/shanghai-time.js';
import { alertsAfterDueMoved } from '../calendar/deadline-alerts.js';
import type { DeadlineRecomputer } from '../calendar/deadline-recomputers.js';
import { PHONE_FORM_WORKING_DAYS } from './use-cases/transfer-form.js';

/**
 * Forms waiting for their department keep a due time of one working day from their latest
 * transfer; a holiday change moves it like every stored deadline (a form that is no longer past
 * due starts its alerts again, one that now is gets its overdue notice from the next sweep).
 */
export const recomputeFormDeadlines: DeadlineRecomputer = async (trx, { calendar, closeOfBusiness, changed }, now) => {
  const rows = await trx
    .selectFrom('phone_forms')
    .select(['id', 'transferred_at', 'due_at', 'overdue_at'])
    .where('status', '=', 'transferred')
    .where('due_at', '>=', new Date(shanghaiMidnight(changed.from)).toISOString())
    .execute();
  let moved = 0;
  for (const r of rows) {
    const due = addWorkingDays(
      calendar,
      new Date(r.transferred_at),
      PHONE_FORM_WORKING_DAYS,
      closeOfBusiness,
    ).toISOString();
    if (due === r.due_at) continue;
    await trx
      .updateTable('phone_forms')
      .set({ due_at: due, ...alertsAfterDueMoved(r.overdue_at, due, now), updated_at: now.toISOString() })
      .where('id', '=', r.id)
      .where('status', '=', 'transferred')
      .execute();
    moved++;
  }
  return moved;
};
