import type { Db } from '../../../platform/db/connect.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';

/** An open case is "due soon" this long before its due time. */
export const CALLBACK_DUE_SOON_MS = 2 * 3600_000;

/**
 * The callbacks' reminder sweep: once per open case a `callback.due_soon` event when its due time
 * is less than two hours away, and a `callback.overdue` event when it has passed. Each is marked on
 * the case by a conditional update in the event's transaction, so two nodes never record it twice.
 * Returns how many events were recorded.
 */
export async function remindCallbacks(db: Db, now: Date, batch = 200): Promise<number> {
  const at = now.toISOString();
  const soon = new Date(now.getTime() + CALLBACK_DUE_SOON_MS).toISOString();
  let recorded = 0;
  for (const kind of ['overdue', 'due_soon'] as const) {
    const mark = kind === 'overdue' ? 'overdue_noticed_at' : 'due_noticed_at';
    for (;;) {
      let q = db
        .selectFrom('callback_requests')
        .select(['id', 'number', 'due_at', 'department_id'])
        .where('status', '=', 'open')
        .where(mark, 'is', null);
      q = kind === 'overdue' ? q.where('due_at', '<=', at) : q.where('due_at', '>', at).where('due_at', '<=', soon);
      const rows = await q.orderBy('due_at').limit(batch).execute();
      for (const c of rows) {
        await db.transaction().execute(async (trx) => {
          const res = await trx
            .updateTable('callback_requests')
            .set(kind === 'overdue' ? { overdue_noticed_at: at } : { due_noticed_at: at })
            .where('id', '=', c.id)
            .where(mark, 'is', null)
            .executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1) return;
          await recordEvent(trx, SYSTEM_ACTOR, now, {
            type: kind === 'overdue' ? 'callback.overdue' : 'callback.due_soon',
            subjectType: 'callback_request',
            subjectId: c.id,
            subjectLabel: c.number,
            departmentId: c.department_id,
            data: { number: c.number, dueAt: c.due_at },
          });
          recorded++;
        });
      }
      if (rows.length < batch) break;
    }
  }
  return recorded;
}
