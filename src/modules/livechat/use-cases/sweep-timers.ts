import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { unlessRaced } from '../race.js';
import type { ChatDeps } from '../chat-deps.js';
import { liveHelpNow } from '../live-hours.js';
import { closeWith } from './close-conversation.js';
import { requeueConversation } from './requeue-conversation.js';
import { routeQueue } from './route-queue.js';
import { lapseTransferred, recordBreach, warnClock } from './transfer-timer.js';
import { conversationSubject } from '../livechat.events.js';

/** The agent (window or business) is warned this long before their minute runs out. */
export const WARN_BEFORE_MS = 15_000;

export interface SweepResult {
  warned: string[];
  breached: string[];
  closed: string[];
  assigned: string[];
  departmentOverdue: string[];
}

/**
 * The first-response clock and the end of hours, from stored times (so a restart loses nothing):
 * ~15 s before the due time the agent is warned (event → their socket); at the due time the breach
 * is recorded (row + event: supervisors are alerted through /api/live) and the conversation is
 * offered to another agent; a business agent's minute after a transfer is swept the same way
 * (transfer-timer.ts); outside live-help hours waiting and window conversations end
 * (out_of_hours: the citizen is offered a message). Then waiting citizens are routed.
 */
export async function sweepTimers(deps: ChatDeps, now: Date): Promise<SweepResult> {
  const out: SweepResult = { warned: [], breached: [], closed: [], assigned: [], departmentOverdue: [] };
  const at = now.toISOString();
  const live = await liveHelpNow(deps.workingTime, now);
  if (!live.open) {
    const open = await deps.db
      .selectFrom('chat_conversations')
      .selectAll()
      .where('status', 'in', ['queued', 'active', 'transferred'])
      .limit(500)
      .execute();
    for (const c of open) {
      // false: it changed meanwhile (closed by someone), nothing to do
      const done = await unlessRaced(() =>
        deps.db.transaction().execute((trx) => closeWith(trx, SYSTEM_ACTOR, now, c, 'out_of_hours', null)),
      );
      if (done) out.closed.push(c.id);
    }
    out.departmentOverdue = await markDepartmentOverdue(deps, now);
    return out;
  }

  out.warned.push(...(await warnClock(deps, now, WARN_BEFORE_MS, 'window')));

  const lapsed = await deps.db
    .selectFrom('chat_conversations')
    .selectAll()
    .where('status', '=', 'active')
    .where('first_response_at', 'is', null)
    .where('first_response_due_at', '<=', at)
    .execute();
  for (const c of lapsed) {
    const done = await unlessRaced(() =>
      deps.db.transaction().execute(async (trx) => {
        await requeueConversation(trx, SYSTEM_ACTOR, now, c, 'breach'); // 409 if it changed meanwhile
        await trx.updateTable('chat_conversations').set({ breached: 1 }).where('id', '=', c.id).execute();
        await recordBreach(trx, now, c, c.first_response_due_at!, 'window');
      }),
    );
    if (done) out.breached.push(c.id);
  }
  // the business agent's clock after a transfer: same warning, its own re-offer (transfer-timer.ts)
  out.warned.push(...(await warnClock(deps, now, WARN_BEFORE_MS, 'transfer')));
  out.breached.push(...(await lapseTransferred(deps, now)));
  out.departmentOverdue = await markDepartmentOverdue(deps, now);
  out.assigned = await routeQueue(deps, now);
  return out;
}

/**
 * A conversation waiting for its department past its one-working-day due time is marked once
 * (conditional update) with an event naming the department: its staff and the supervisors see it
 * live. Runs in and out of live-help hours (the department's day is not live help's).
 */
async function markDepartmentOverdue(deps: ChatDeps, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const due = await deps.db
    .selectFrom('chat_conversations')
    .select(['id', 'number', 'department_id', 'department_due_at'])
    .where('status', '=', 'awaiting_department')
    .where('department_overdue_at', 'is', null)
    .where('department_due_at', '<=', at)
    .limit(500)
    .execute();
  const marked: string[] = [];
  for (const c of due)
    await deps.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('chat_conversations')
        .set({ department_overdue_at: at })
        .where('id', '=', c.id)
        .where('status', '=', 'awaiting_department')
        .where('department_overdue_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      await recordEvent(trx, SYSTEM_ACTOR, now, {
        type: 'livechat.department_overdue',
        ...conversationSubject(c),
        departmentId: c.department_id,
        data: { conversationId: c.id, number: c.number, departmentId: c.department_id!, dueAt: c.department_due_at! },
      });
      marked.push(c.id);
    });
  return marked;
}
