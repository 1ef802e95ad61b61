import type { Db } from '../../../platform/db/connect.js';
import { notFound } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { recordEvent } from '../../../platform/events/record-event.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import { CALLBACK_MACHINE } from '../transitions.js';

/**
 * Records the outcome of calling the citizen back (what was said), moving the case on through the
 * state machine: of two staff closing the same case at once, one succeeds and the other gets 409.
 */
export async function workCallback(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  to: 'called_back' | 'closed',
  result: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await transition(trx, CALLBACK_MACHINE, {
      id,
      action: to === 'closed' ? 'close' : 'call_back',
      actor,
      now,
      set: () => ({ result, handled_by: actor.userId, handled_at: now.toISOString(), updated_at: now.toISOString() }),
      event: (c, status) => ({
        type: status === 'closed' ? 'callback.closed' : 'callback.called_back',
        subjectType: 'callback_request',
        subjectId: id,
        subjectLabel: String(c.number),
        departmentId: (c.department_id as string | null) ?? null,
        data: { number: String(c.number), from: c.status, to: status, result },
      }),
    });
  });
}

/** Shows staff the full phone number to call; every look is in the audit trail. */
export async function revealCallbackPhone(db: Db, actor: Actor, now: Date, id: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('callback_requests')
      .select(['phone', 'number', 'department_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!c) throw notFound(CALLBACK_MACHINE.subject);
    await recordEvent(trx, actor, now, {
      type: 'callback.phone_revealed',
      subjectType: 'callback_request',
      subjectId: id,
      subjectLabel: c.number,
      departmentId: c.department_id,
      data: { number: c.number },
    });
    return c.phone;
  });
}
