import type { Db } from '../../../platform/db/connect.js';
import { nextCounter } from '../../../platform/db/counters.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { addWorkingDays, shanghaiDate, type HolidayCalendar } from '../../../platform/calendar/index.js';
import type { TCreateCallback } from '../callbacks.schemas.js';

/**
 * Opens a callback case for any channel: a receipt number (LY + year + sequence) and a due time
 * computed once by the working-time engine (N working days, by close of business), then stored.
 */
export async function createCallback(
  db: Db,
  actor: Actor,
  now: Date,
  cal: HolidayCalendar,
  closeOfBusiness: string,
  input: TCreateCallback,
): Promise<{ id: string; number: string; dueAt: string }> {
  const dueAt = addWorkingDays(cal, now, input.workingDays, closeOfBusiness).toISOString();
  return db.transaction().execute(async (trx) => {
    const year = shanghaiDate(now).slice(0, 4);
    const seq = await nextCounter(trx, `callback:${year}`);
    const number = `LY${year}${String(seq).padStart(6, '0')}`;
    const id = newId();
    await trx
      .insertInto('callback_requests')
      .values({
        id,
        number,
        name: input.name,
        phone: input.phone,
        question: input.question,
        source: input.channel,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        bot_session_id: input.subjectType === 'bot_session' ? input.subjectId : null,
        matter_id: input.matterId ?? null,
        department_id: input.departmentId ?? null,
        status: 'open',
        due_at: dueAt,
        result: null,
        handled_by: null,
        handled_at: null,
        created_at: now.toISOString(),
        created_on: shanghaiDate(now),
        updated_at: now.toISOString(),
      })
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'callback.created',
      subjectType: 'callback_request',
      subjectId: id,
      subjectLabel: number,
      departmentId: input.departmentId ?? null,
      data: { number, dueAt, channel: input.channel },
    });
    return { id, number, dueAt };
  });
}
