import type { Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';

export type CallbackStatus = 'open' | 'called_back' | 'closed';

/** Allowed moves of a callback case: a call is logged, then the case is closed (or closed directly when unreachable). */
export const CALLBACK_TRANSITIONS: Record<CallbackStatus, CallbackStatus[]> = {
  open: ['called_back', 'closed'],
  called_back: ['closed'],
  closed: [],
};

const CALLBACK = { zh: '留言', en: 'callback' };

/** Records the outcome of calling the citizen back (what was said), moving the case on. */
export async function workCallback(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  to: 'called_back' | 'closed',
  result: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('callback_requests')
      .select(['id', 'status', 'number'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!c) throw notFound(CALLBACK);
    if (!CALLBACK_TRANSITIONS[c.status as CallbackStatus].includes(to)) {
      throw new AppError('INVALID_TRANSITION', {
        zh: `留言 ${c.number} 已${c.status === 'closed' ? '办结' : '登记回电'}，不能再这样操作。`,
        en: `Callback ${c.number} is already ${c.status}.`,
      });
    }
    await trx
      .updateTable('callback_requests')
      .set({
        status: to,
        result,
        handled_by: actor.userId,
        handled_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', c.status)
      .execute();
    await recordEvent(trx, actor, now, {
      type: to === 'closed' ? 'callback.closed' : 'callback.called_back',
      subjectType: 'callback_request',
      subjectId: id,
      subjectLabel: c.number,
      data: { number: c.number, from: c.status, to, result },
    });
  });
}

/** Shows staff the full phone number to call; every look is in the audit trail. */
export async function revealCallbackPhone(db: Db, actor: Actor, now: Date, id: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('callback_requests')
      .select(['phone', 'number'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!c) throw notFound(CALLBACK);
    await recordEvent(trx, actor, now, {
      type: 'callback.phone_revealed',
      subjectType: 'callback_request',
      subjectId: id,
      subjectLabel: c.number,
      data: { number: c.number },
    });
    return c.phone;
  });
}
