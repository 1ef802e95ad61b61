/**
 * The one working-time engine of Bangban: every SLA ("1 minute" first response, "1 working
 * day" transfer form, "15 working days" before a policy takes effect) is computed here, over
 * the mainland-China holiday calendar, in Asia/Shanghai. Pure functions: time is always an
 * argument. This file holds the minute-level functions and re-exports the rest of the module.
 */
import { AppError } from '../errors.js';
import { type HolidayCalendar, isWorkingDay, workingDayOnOrAfter } from './holiday-calendar.js';
import { type ServiceHours, toMinutePeriods } from './service-hours.js';
import { addDays, shanghaiDate, shanghaiMidnight, shanghaiMillisOfDay } from './shanghai-time.js';

export {
  type DayOverride,
  type HolidayCalendar,
  MAX_SCAN_DAYS,
  createCalendar,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from './holiday-calendar.js';
export { type ServiceHours, parseServiceHours } from './service-hours.js';
export { SHANGHAI_OFFSET_MS, addDays, atShanghai, dayOfWeek, shanghaiDate, shanghaiTime } from './shanghai-time.js';
export { addWorkingDays, subtractWorkingDays, workingDaysBetween } from './working-days.js';

const MINUTE_MS = 60_000;

function instant(at: Date, what: string): number {
  const t = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(t))
    throw new AppError('VALIDATION_FAILED', { en: `${what} is not a valid Date.`, zh: `${what} 不是有效的时间。` });
  return t;
}

/**
 * Open service intervals [start, end) in epoch millis, in order, clipped so none starts before
 * `from`. Infinite; the holiday-calendar scan throws if no working day exists for 3 years.
 */
function* openIntervals(cal: HolidayCalendar, hours: ServiceHours, from: number): Generator<[number, number]> {
  const periods = toMinutePeriods(hours);
  let day = workingDayOnOrAfter(cal, shanghaiDate(new Date(from)));
  for (;;) {
    const midnight = shanghaiMidnight(day);
    for (const p of periods) {
      const end = midnight + p.end * MINUTE_MS;
      if (end > from) yield [Math.max(midnight + p.start * MINUTE_MS, from), end];
    }
    day = workingDayOnOrAfter(cal, addDays(day, 1));
  }
}

/** Whether a channel is staffed at an instant: a working day AND inside one of its periods. */
export function isWithinServiceHours(cal: HolidayCalendar, hours: ServiceHours, at: Date): boolean {
  instant(at, 'at');
  if (!isWorkingDay(cal, shanghaiDate(at))) return false;
  const minute = shanghaiMillisOfDay(at) / MINUTE_MS;
  return toMinutePeriods(hours).some((p) => minute >= p.start && minute < p.end);
}

/**
 * When the clock starts for a request arriving at `at`: `at` itself if the channel is open,
 * otherwise the next opening (after lunch, next morning, or after a weekend/holiday).
 * Used to tell citizens "we will answer from …" and as the start of every SLA.
 */
export function nextServiceOpening(cal: HolidayCalendar, hours: ServiceHours, at: Date): Date {
  const first = openIntervals(cal, hours, instant(at, 'at')).next();
  return new Date((first.value as [number, number])[0]);
}

/**
 * The deadline `minutes` of staffed time after `from` (fractions allowed, rounded to the ms).
 * Only time inside service hours on working days counts, so a request outside hours starts
 * the clock at the next opening. A deadline that falls exactly on a closing time (e.g. 11:30)
 * is returned as that closing time, not as the next opening.
 * Example, live help 09:00–11:30 & 13:30–16:30: 1 minute from 11:29:30 → 13:30:30.
 */
export function addWorkingMinutes(cal: HolidayCalendar, hours: ServiceHours, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new AppError('VALIDATION_FAILED', {
      en: `minutes must be a finite number ≥ 0, got ${minutes}.`,
      zh: `分钟数必须为不小于 0 的数字，实际为 ${minutes}。`,
    });
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  for (const [start, end] of openIntervals(cal, hours, instant(from, 'from'))) {
    if (start + remaining <= end) return new Date(start + remaining);
    remaining -= end - start;
  }
  throw new Error('unreachable: openIntervals is infinite');
}

/**
 * Staffed milliseconds elapsed between `a` and `b` (only service hours on working days count).
 * Used for SLA clocks and reports ("answered after 3 working minutes"). Returns 0 when b ≤ a.
 */
export function workingMillisBetween(cal: HolidayCalendar, hours: ServiceHours, a: Date, b: Date): number {
  const from = instant(a, 'a');
  const to = instant(b, 'b');
  let total = 0;
  if (to <= from) return total;
  for (const [start, end] of openIntervals(cal, hours, from)) {
    if (start >= to) break;
    total += Math.min(end, to) - start;
  }
  return total;
}
