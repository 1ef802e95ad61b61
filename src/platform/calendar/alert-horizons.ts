import { addDays, shanghaiDate, shanghaiTime, atShanghai } from './shanghai-time.js';
import { addWorkingMinutes } from './working-time.js';
import { workingDayOnOrBefore, type HolidayCalendar } from './holiday-calendar.js';
import type { ServiceHours } from './service-hours.js';

/** Whoever holds a case is reminded when less than this much working time is left before its due time. */
export const REMIND_BEFORE_MINUTES = 120;
/** A case still unanswered this many working days after its due time is escalated to supervision. */
export const ESCALATE_AFTER_WORKING_DAYS = 1;

/**
 * The deadline alerts' horizons at `now` (work orders, phone transfer forms): a case due before
 * `remindBefore` has less than two working hours left; one due before `escalateBefore` is a whole
 * working day overdue. Both are instants, so a sweep reads only due rows through a
 * (pending_alert, due_at) index.
 */
export function alertHorizons(
  cal: HolidayCalendar,
  hours: ServiceHours,
  now: Date,
): { remindBefore: string; escalateBefore: string } {
  const remindBefore = addWorkingMinutes(cal, hours, now, REMIND_BEFORE_MINUTES).toISOString();
  let day = shanghaiDate(now);
  for (let i = 0; i < ESCALATE_AFTER_WORKING_DAYS; i++) day = workingDayOnOrBefore(cal, addDays(day, -1));
  const escalateBefore = atShanghai(day, shanghaiTime(now).slice(0, 5)).toISOString();
  return { remindBefore, escalateBefore };
}
