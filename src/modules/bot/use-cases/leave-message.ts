import type { Db } from '../../../platform/db/connect.js';
import { nextCounter } from '../../../platform/db/counters.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { addWorkingDays, shanghaiDate, type HolidayCalendar } from '../../../platform/calendar/index.js';
import type { TLeaveMessage } from '../bot.schemas.js';

/**
 * Outside live-help hours a citizen leaves name, phone and question: a callback case with a receipt
 * number (LY + year + sequence) that staff must return within 1 working day.
 */
export async function leaveMessage(
  db: Db,
  actor: Actor,
  now: Date,
  cal: HolidayCalendar,
  closeOfBusiness: string,
  input: TLeaveMessage & { botSessionId?: string | null },
): Promise<{ number: string; dueAt: string }> {
  const dueAt = addWorkingDays(cal, now, 1, closeOfBusiness).toISOString();
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
        source: 'bot',
        bot_session_id: input.botSessionId ?? null,
        matter_id: null,
        department_id: null,
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
      data: { number, dueAt, channel: 'bot' },
    });
    return { number, dueAt };
  });
}
