import {
  addDays,
  atShanghai,
  shanghaiDate,
  workingDayOnOrBefore,
  type HolidayCalendar,
} from '../../platform/calendar/index.js';

/**
 * For demo cases: the time `hhmm` (Beijing) on the working day `n` working days before `now` (0:
 * today), never later than `now` (then 20 minutes before it), so cases look like an ordinary week.
 */
export function workingDaysAgo(cal: HolidayCalendar, now: Date, n: number, hhmm: string): Date {
  let day = shanghaiDate(now);
  for (let i = 0; i < n; i++) day = workingDayOnOrBefore(cal, addDays(day, -1));
  const at = atShanghai(day, hhmm);
  return at < now ? at : new Date(now.getTime() - 20 * 60_000);
}
