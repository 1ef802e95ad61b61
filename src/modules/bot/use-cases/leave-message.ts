import type { Db } from '../../../platform/db/connect.js';
import type { Actor } from '../../../platform/events/record-event.js';
import type { HolidayCalendar } from '../../../platform/calendar/index.js';
import { CALLBACK_WORKING_DAYS } from '../../callbacks/callback-deadlines.js';
import { createCallback } from '../../callbacks/use-cases/create-callback.js';
import type { TLeaveMessage } from '../bot.schemas.js';

/**
 * Outside live-help hours a citizen leaves name, phone and question: a callback case (kept by the
 * callbacks module) that staff must return within 1 working day.
 */
export async function leaveMessage(
  db: Db,
  actor: Actor,
  now: Date,
  cal: HolidayCalendar,
  closeOfBusiness: string,
  input: TLeaveMessage & { botSessionId: string },
): Promise<{ number: string; dueAt: string }> {
  const c = await createCallback(db, actor, now, cal, closeOfBusiness, {
    channel: 'bot',
    subjectType: 'bot_session',
    subjectId: input.botSessionId,
    name: input.name,
    phone: input.phone,
    question: input.question,
    workingDays: CALLBACK_WORKING_DAYS,
  });
  return { number: c.number, dueAt: c.dueAt };
}
