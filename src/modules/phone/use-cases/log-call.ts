import type { Db } from '../../../platform/db/connect.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { TLogCall } from '../phone.schemas.js';
import { matterOwner } from '../phone.repo.js';
import { CALL_MACHINE } from '../transitions.js';

const callSubject = (id: string, name: string) => ({
  subjectType: 'phone_call',
  subjectId: id,
  subjectLabel: `来电 ${name}`,
});

/**
 * Logs a call while the agent is still on the phone (seed art. 10.1 "问清咨询内容"); with an
 * answer the call is closed at once as answered on the spot (一般问题当场作出解答).
 */
export async function logCall(db: Db, actor: Actor, now: Date, input: TLogCall): Promise<string> {
  if (input.matterId) await matterOwner(db, input.matterId);
  const id = newId();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('phone_calls')
      .values({
        id,
        caller_name: input.callerName,
        phone: input.phone,
        type: input.type,
        matter_id: input.matterId ?? null,
        content: input.content,
        status: input.answer ? 'answered' : 'open',
        answer: input.answer ?? null,
        form_id: null,
        created_by: actor.userId,
        created_at: at,
        created_on: shanghaiDate(now),
        updated_at: at,
      })
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'phone.call_logged',
      ...callSubject(id, input.callerName),
      data: { callId: id, type: input.type, answered: !!input.answer },
    });
  });
  return id;
}

/** Closes an open call as answered on the spot, keeping what was said. */
export async function answerCall(db: Db, actor: Actor, now: Date, id: string, answer: string): Promise<void> {
  await db.transaction().execute((trx) =>
    transition(trx, CALL_MACHINE, {
      id,
      action: 'answer',
      actor,
      now,
      set: () => ({ answer, updated_at: now.toISOString() }),
      event: (c) => ({
        type: 'phone.call_answered',
        ...callSubject(id, String(c.caller_name)),
        data: { callId: id },
      }),
    }),
  );
}
