import type { Db } from '../../../platform/db/connect.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import type { WorkingTimeService } from '../../calendar/working-time-service.js';
import { alertHorizons } from '../order-deadlines.js';

/** How many orders one sweep handles per kind of alert (the rest wait for the next run). */
export const SWEEP_BATCH = 1000;

type Alert = 'remind' | 'overdue' | 'escalate';
const NEXT: Record<Alert, Alert | null> = { remind: 'overdue', overdue: 'escalate', escalate: null };
const COLUMN = { remind: 'reminded_at', overdue: 'overdue_at', escalate: 'escalated_at' } as const;
const EVENT = {
  remind: 'work_order.reminded',
  overdue: 'work_order.overdue',
  escalate: 'work_order.escalated',
} as const;

export interface SweepResult {
  reminded: number;
  overdue: number;
  escalated: number;
}

/**
 * The deadline alerts, each sent once per order and stored: a reminder when less than two working
 * hours are left, the overdue notice at the due time, and escalation to supervision (督办) a working
 * day later. Reads only rows whose next alert is due, through the (pending_alert, due_at) index;
 * the conditional update on pending_alert makes a second run (another node, a retry) send nothing.
 */
export async function sweepDeadlines(
  deps: { db: Db; workingTime: WorkingTimeService },
  now: Date,
  batch = SWEEP_BATCH,
): Promise<SweepResult> {
  const [cal, hours] = await Promise.all([deps.workingTime.getCalendar(), deps.workingTime.getHours('offline_hall')]);
  const { remindBefore, escalateBefore } = alertHorizons(cal, hours, now);
  const at = now.toISOString();
  const out: SweepResult = { reminded: 0, overdue: 0, escalated: 0 };
  const count = (a: Alert) => (a === 'remind' ? out.reminded++ : a === 'overdue' ? out.overdue++ : out.escalated++);

  const stage = async (pending: Alert, dueBefore: string) => {
    const rows = await deps.db
      .selectFrom('work_orders')
      .select(['id', 'number', 'due_at', 'department_id'])
      .where('pending_alert', '=', pending)
      .where('due_at', '<=', dueBefore)
      .orderBy('due_at')
      .limit(batch)
      .execute();
    if (!rows.length) return;
    // a reminder that comes too late is the overdue notice (no reminder after the due time)
    const sendOf = (r: (typeof rows)[number]): Alert => (pending === 'remind' && r.due_at <= at ? 'overdue' : pending);
    await deps.db.transaction().execute(async (trx) => {
      for (const send of [...new Set(rows.map(sendOf))]) {
        const group = rows.filter((r) => sendOf(r) === send);
        // one conditional update per kind: only rows still waiting for this alert change (and get an event)
        const changed = await trx
          .updateTable('work_orders')
          .set({ [COLUMN[send]]: at, pending_alert: NEXT[send] })
          .where(
            'id',
            'in',
            group.map((r) => r.id),
          )
          .where('pending_alert', '=', pending)
          .returning('id')
          .execute();
        const won = new Set(changed.map((c) => c.id));
        for (const r of group) {
          if (!won.has(r.id)) continue;
          await recordEvent(trx, SYSTEM_ACTOR, now, {
            type: EVENT[send],
            subjectType: 'work_order',
            subjectId: r.id,
            subjectLabel: r.number,
            departmentId: r.department_id,
            data: { number: r.number, dueAt: r.due_at, departmentId: r.department_id },
          });
          count(send);
        }
      }
    });
  };
  await stage('escalate', escalateBefore);
  await stage('overdue', at);
  await stage('remind', remindBefore);
  return out;
}
