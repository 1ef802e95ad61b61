import { shanghaiMidnight } from '../../platform/calendar/shanghai-time.js';
import { alertsAfterDueMoved } from '../calendar/deadline-alerts.js';
import type { DeadlineRecomputer } from '../calendar/deadline-recomputers.js';
import { orderDueAt } from './order-deadlines.js';
import { loadOrderTypes } from './order-types.js';

/**
 * Orders whose clock still runs and whose window (start of the clock to due time) spans a changed
 * date get their due time (and 办不成事 contact time) computed again on the new calendar; answered
 * orders keep theirs (whether they were on time was decided when they were answered). The deadline
 * alerts follow a moved due time as the phone forms' do (alertsAfterDueMoved).
 */
export const recomputeOrderDeadlines: DeadlineRecomputer = async (trx, { calendar, closeOfBusiness, changed }, now) => {
  const contactDays = new Map((await loadOrderTypes(trx)).map((t) => [t.code as string, t.contactDays]));
  const rows = await trx
    .selectFrom('work_orders')
    .select(['id', 'type', 'clock_start_at', 'received_at', 'limit_days', 'due_at', 'contact_due_at', 'overdue_at'])
    .where('open', '=', 1)
    .where('due_at', '>=', new Date(shanghaiMidnight(changed.from)).toISOString())
    .where('clock_start_at', '<', new Date(shanghaiMidnight(changed.to) + 86_400_000).toISOString())
    .execute();
  let moved = 0;
  for (const r of rows) {
    const due = orderDueAt(calendar, closeOfBusiness, new Date(r.clock_start_at), r.limit_days);
    const c = contactDays.get(r.type);
    const contact =
      r.contact_due_at && c != null
        ? orderDueAt(calendar, closeOfBusiness, new Date(r.received_at), c)
        : r.contact_due_at;
    if (due === r.due_at && contact === r.contact_due_at) continue;
    await trx
      .updateTable('work_orders')
      .set({
        due_at: due,
        contact_due_at: contact,
        // the alerts follow the due time (an order flagged overdue that no longer is is reminded again)
        ...(due === r.due_at ? {} : alertsAfterDueMoved(r.overdue_at, due, now)),
        updated_at: now.toISOString(),
      })
      .where('id', '=', r.id)
      .where('open', '=', 1)
      .execute();
    moved++;
  }
  return moved;
};
