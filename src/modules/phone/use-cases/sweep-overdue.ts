import type { Db } from '../../../platform/db/connect.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { formSubject } from './transfer-form.js';

/** Forms flagged per sweep round at most (the rest wait for the next round). */
const BATCH = 200;

/**
 * Forms still waiting for their department past the due time are flagged once (overdue_at set by a
 * conditional update, then `phone.transfer_overdue`): two nodes or a rerun never flag one twice.
 */
export async function sweepOverdueForms(db: Db, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const due = await db
    .selectFrom('phone_forms')
    .select(['id', 'number', 'department_id', 'due_at'])
    .where('status', '=', 'transferred')
    .where('overdue_at', 'is', null)
    .where('due_at', '<', at)
    .orderBy('due_at')
    .limit(BATCH)
    .execute();
  const flagged: string[] = [];
  for (const f of due) {
    await db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('phone_forms')
        .set({ overdue_at: at })
        .where('id', '=', f.id)
        .where('status', '=', 'transferred')
        .where('overdue_at', 'is', null)
        .where('due_at', '=', f.due_at)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      await recordEvent(trx, SYSTEM_ACTOR, now, {
        type: 'phone.transfer_overdue',
        ...formSubject(f),
        data: { formId: f.id, number: f.number, departmentId: f.department_id, dueAt: f.due_at },
      });
      flagged.push(f.id);
    });
  }
  return flagged;
}
