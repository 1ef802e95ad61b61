import type { Db } from '../../../platform/db/connect.js';
import {
  sweepDeadlineAlerts,
  SWEEP_BATCH,
  type DeadlineAlertSpec,
  type SweepResult,
} from '../../calendar/deadline-alerts.js';
import type { WorkingTimeService } from '../../calendar/working-time-service.js';

const EVENT = {
  remind: 'work_order.reminded',
  overdue: 'work_order.overdue',
  escalate: 'work_order.escalated',
} as const;

/** Work orders on the shared deadline alerts: reminded, overdue, escalated (督办), each once per order. */
export const ORDER_ALERTS: DeadlineAlertSpec = {
  table: 'work_orders',
  event: (alert, r) => ({
    type: EVENT[alert],
    subjectType: 'work_order',
    subjectId: r.id,
    subjectLabel: r.number,
    departmentId: r.department_id,
    data: { number: r.number, dueAt: r.due_at, departmentId: r.department_id },
  }),
};

/** The work orders' deadline sweep (see sweepDeadlineAlerts): only rows whose next alert is due. */
export function sweepDeadlines(
  deps: { db: Db; workingTime: WorkingTimeService },
  now: Date,
  batch = SWEEP_BATCH,
): Promise<SweepResult> {
  return sweepDeadlineAlerts(deps, now, ORDER_ALERTS, batch);
}
