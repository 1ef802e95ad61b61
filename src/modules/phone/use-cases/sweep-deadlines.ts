import type { Db } from '../../../platform/db/connect.js';
import { sweepDeadlineAlerts, type DeadlineAlertSpec, type SweepResult } from '../../calendar/deadline-alerts.js';
import type { WorkingTimeService } from '../../calendar/working-time-service.js';
import { formSubject } from './transfer-form.js';

const EVENT = {
  remind: 'phone.transfer_reminded',
  overdue: 'phone.transfer_overdue',
  escalate: 'phone.transfer_escalated',
} as const;

/**
 * Phone transfer forms on the shared deadline alerts (the work orders' mechanism): while a form
 * waits for its department, a reminder before the due time, the overdue notice at it, escalation to
 * the hotline office and the general office a working day later, each once per transfer.
 */
export const FORM_ALERTS: DeadlineAlertSpec = {
  table: 'phone_forms',
  event: (alert, r) => {
    const departmentId = r.department_id ?? '';
    return {
      type: EVENT[alert],
      ...formSubject({ id: r.id, number: r.number, department_id: departmentId }),
      data: { formId: r.id, number: r.number, departmentId, dueAt: r.due_at },
    };
  },
};

export function sweepFormDeadlines(deps: { db: Db; workingTime: WorkingTimeService }, now: Date): Promise<SweepResult> {
  return sweepDeadlineAlerts(deps, now, FORM_ALERTS);
}
