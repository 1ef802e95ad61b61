import type { Kysely } from 'kysely';
import { alertHorizons } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { recordEvent, SYSTEM_ACTOR, type EventInput } from '../../platform/events/record-event.js';
import type { WorkingTimeService } from './working-time-service.js';

/** The alerts a case with a due time gets, in order, each once: before the due time, at it, a working day after. */
export type DeadlineAlert = 'remind' | 'overdue' | 'escalate';
const NEXT: Record<DeadlineAlert, DeadlineAlert | null> = { remind: 'overdue', overdue: 'escalate', escalate: null };
const COLUMN = { remind: 'reminded_at', overdue: 'overdue_at', escalate: 'escalated_at' } as const;

/** The columns a table with deadline alerts keeps (indexed on (pending_alert, due_at)). */
export interface AlertColumns {
  id: string;
  number: string;
  due_at: string;
  department_id: string | null;
  /** the next alert to send; null while no clock runs (answered, returned, closed) */
  pending_alert: string | null;
  reminded_at: string | null;
  overdue_at: string | null;
  escalated_at: string | null;
}

/** A table of the schema with those columns (work_orders, phone_forms). */
export type AlertTable = {
  [K in keyof Database]: Database[K] extends AlertColumns ? K : never;
}[keyof Database];

/** One case due for an alert, as the sweep read it. */
export type AlertRow = Pick<AlertColumns, 'id' | 'number' | 'due_at' | 'department_id'>;

/** What a module's cases need for the shared sweep: its table and the event each alert records. */
export interface DeadlineAlertSpec {
  table: AlertTable;
  event: (alert: DeadlineAlert, row: AlertRow) => EventInput;
}

/** The alert columns a running case stores when its due time moves. */
export type AlertState = Partial<Pick<AlertColumns, 'pending_alert' | 'reminded_at' | 'overdue_at' | 'escalated_at'>>;

/**
 * What a running case's alerts become when a holiday edit moves its due time to `due` (each
 * module's deadline recomputer stores this with the new due time): the alerts start again against
 * the new time — reminded, flagged overdue and escalated anew — unless the case was already flagged
 * overdue and still is, whose overdue notice stands (its escalation follows the new due time).
 */
export function alertsAfterDueMoved(overdueAt: string | null, due: string, now: Date): AlertState {
  if (overdueAt !== null && due <= now.toISOString()) return {};
  return { pending_alert: 'remind', reminded_at: null, overdue_at: null, escalated_at: null };
}

/** How many cases one sweep handles per kind of alert (the rest wait for the next run). */
export const SWEEP_BATCH = 1000;

export interface SweepResult {
  reminded: number;
  overdue: number;
  escalated: number;
}

/**
 * The deadline alerts of one module's cases, each sent once per case and stored: a reminder when
 * less than two working hours are left, the overdue notice at the due time, and escalation to
 * supervision (督办) a working day later (alertHorizons, on the working-time engine). Reads only
 * rows whose next alert is due, through the (pending_alert, due_at) index; the conditional update
 * on pending_alert makes a second run (another node, a retry) send nothing. A module starts the
 * alerts by setting pending_alert = 'remind' with a due time and stops them by setting it to null.
 */
export async function sweepDeadlineAlerts(
  deps: { db: Db; workingTime: WorkingTimeService },
  now: Date,
  spec: DeadlineAlertSpec,
  batch = SWEEP_BATCH,
): Promise<SweepResult> {
  const [cal, hours] = await Promise.all([deps.workingTime.getCalendar(), deps.workingTime.getHours('offline_hall')]);
  const { remindBefore, escalateBefore } = alertHorizons(cal, hours, now);
  const at = now.toISOString();
  const out: SweepResult = { reminded: 0, overdue: 0, escalated: 0 };
  const count = (a: DeadlineAlert) =>
    a === 'remind' ? out.reminded++ : a === 'overdue' ? out.overdue++ : out.escalated++;
  // the table is the spec's: every AlertTable has these columns, so one typed view serves them all
  const table = spec.table as 'cases';
  const view = (db: Kysely<Database>) => db as unknown as Kysely<{ cases: AlertColumns }>;

  const stage = async (pending: DeadlineAlert, dueBefore: string) => {
    const rows = await view(deps.db)
      .selectFrom(table)
      .select(['id', 'number', 'due_at', 'department_id'])
      .where('pending_alert', '=', pending)
      .where('due_at', '<=', dueBefore)
      .orderBy('due_at')
      .limit(batch)
      .execute();
    if (!rows.length) return;
    // a reminder that comes too late is the overdue notice (no reminder after the due time)
    const sendOf = (r: AlertRow): DeadlineAlert => (pending === 'remind' && r.due_at <= at ? 'overdue' : pending);
    await deps.db.transaction().execute(async (trx) => {
      for (const send of [...new Set(rows.map(sendOf))]) {
        const group = rows.filter((r) => sendOf(r) === send);
        // one conditional update per kind: only rows still waiting for this alert change (and get an event)
        const changed = await view(trx)
          .updateTable(table)
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
          await recordEvent(trx, SYSTEM_ACTOR, now, spec.event(send, r));
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
