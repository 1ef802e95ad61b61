import {
  atShanghai,
  isWithinServiceHours,
  isWorkingDay,
  nextServiceOpening,
  shanghaiDate,
  shanghaiTime,
  workingMillisBetween,
  type HolidayCalendar,
  type ServiceHours,
} from '../../platform/calendar/index.js';
import type { Bilingual } from '../../platform/errors.js';

const MINUTE_MS = 60_000;

/** When live help opens and closes on `date` (first period's start, last period's end). */
export function dutyDay(hours: ServiceHours, date: string): { opens: Date; closes: Date } {
  return { opens: atShanghai(date, hours.periods[0].start), closes: atShanghai(date, hours.periods.at(-1)!.end) };
}

/**
 * Minutes a rostered agent signed in after live help opened on `date`, counting only staffed
 * time (seed art. 7 按时签录). Example, hours 09:00–11:30 & 13:30–16:30: signed in at 13:40
 * → 150 + 10 = 160 (the lunch break does not count); at 12:10 → 150.
 */
export function lateMinutes(cal: HolidayCalendar, hours: ServiceHours, date: string, signedInAt: Date): number {
  return Math.floor(workingMillisBetween(cal, hours, dutyDay(hours, date).opens, signedInAt) / MINUTE_MS);
}

/**
 * Minutes of staffed time left on `date` when a rostered agent signed out (签出 early). Example,
 * same hours: signed out at 11:00 → 30 + 180 = 210; at 16:30 or later → 0.
 */
export function earlyMinutes(cal: HolidayCalendar, hours: ServiceHours, date: string, signedOutAt: Date): number {
  return Math.floor(workingMillisBetween(cal, hours, signedOutAt, dutyDay(hours, date).closes) / MINUTE_MS);
}

/**
 * Why an agent cannot sign in at `now` (null = live help is open): a day off, before opening,
 * the lunch break, or after close; each names the next opening.
 */
export function signInBlocked(
  cal: HolidayCalendar,
  hours: ServiceHours,
  now: Date,
  date: string,
): { reason: Bilingual; nextOpening: Date } | null {
  if (isWithinServiceHours(cal, hours, now)) return null;
  const next = nextServiceOpening(cal, hours, now);
  const nextDate = shanghaiDate(next);
  const when =
    nextDate === date
      ? { zh: `今天 ${shanghaiTime(next)}`, en: `today at ${shanghaiTime(next)}` }
      : { zh: `${nextDate} ${shanghaiTime(next)}`, en: `${nextDate} at ${shanghaiTime(next)}` };
  const closed = !isWorkingDay(cal, date)
    ? { zh: '今天不是工作日', en: 'Today is not a working day' }
    : { zh: '现在不在在线帮办服务时间内', en: 'Live help is closed now' };
  return {
    reason: {
      zh: `${closed.zh}，不能签到；下次开放：${when.zh}。`,
      en: `${closed.en}; you cannot sign in. Next opening: ${when.en}.`,
    },
    nextOpening: next,
  };
}
