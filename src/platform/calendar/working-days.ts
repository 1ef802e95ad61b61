import { AppError } from '../errors.js';
import { type HolidayCalendar, isWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore } from './holiday-calendar.js';
import { addDays, atShanghai, parseHHMM, shanghaiDate, shanghaiMidnight } from './shanghai-time.js';

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new AppError('VALIDATION_FAILED', {
      en: `The number of working days must be an integer ≥ 0, got ${n}.`,
      zh: `工作日天数必须为不小于 0 的整数，实际为 ${n}。`,
    });
  }
}

/**
 * The deadline of an "N working day(s)" period started at `from`, read as Chinese law does
 * (民法典 art. 201: the start day is not counted, counting begins the next day; art. 203: the
 * period ends when business stops on its last day). Precisely: `closeOfBusiness` (Shanghai
 * time, default '17:00', '24:00' allowed) on the N-th working day strictly after the Shanghai
 * date of `from`. The time of day of `from` is irrelevant (Mon 08:00 and Mon 23:00 give the
 * same deadline), and so is whether that date is a working day: a request on Saturday counts
 * Monday as day 1. N = 0 means "the start day itself", rolled forward to the next working day
 * when it is a holiday (art. 203). Example: 1 working day from Wed 2026-09-30 16:00 → Thu
 * 2026-10-08 17:00 (National Day 10-01…10-07 off).
 */
export function addWorkingDays(cal: HolidayCalendar, from: Date, n: number, closeOfBusiness = '17:00'): Date {
  assertCount(n);
  parseHHMM(closeOfBusiness, true);
  const start = shanghaiDate(from);
  let day = n === 0 ? workingDayOnOrAfter(cal, start) : start;
  for (let i = 0; i < n; i++) day = workingDayOnOrAfter(cal, addDays(day, 1));
  return atShanghai(day, closeOfBusiness);
}

/**
 * Number of working days d with fromDate < d ≤ toDate (start day excluded, end day included,
 * as in addWorkingDays), so workingDaysBetween(date(from), date(addWorkingDays(from, n))) = n.
 * Negative (−count of the reversed range) when toDate < fromDate. Used for reports and checks
 * such as "was the policy published early enough?".
 */
export function workingDaysBetween(cal: HolidayCalendar, fromDate: string, toDate: string): number {
  const a = shanghaiMidnight(fromDate);
  const b = shanghaiMidnight(toDate);
  if (b < a) return -workingDaysBetween(cal, toDate, fromDate);
  let count = 0;
  for (let day = fromDate; day !== toDate;) {
    day = addDays(day, 1);
    if (isWorkingDay(cal, day)) count++;
  }
  return count;
}

/**
 * For "publish at least N working days before the effective date": the LATEST calendar date P
 * (YYYY-MM-DD) on which a document can be published so that at least N whole working days lie
 * strictly between P and `date` (the publication day is not counted, per 民法典 art. 201, and
 * the effective date itself is not part of the notice period). Equivalently, P is the latest
 * day for which addWorkingDays(P, N) still ends before `date`. P is the day before the N-th
 * working day counted backwards from `date`, so it may itself be a weekend or holiday; use
 * workingDayOnOrBefore(cal, P) for the latest office day. N = 0 gives the day before `date`.
 * Example: effective Fri 2026-10-16, N = 15 → the 15th working day back is the make-up
 * Sunday 2026-09-20, so P = Sat 2026-09-19 (latest office day: Fri 2026-09-18).
 */
export function subtractWorkingDays(cal: HolidayCalendar, date: string, n: number): string {
  assertCount(n);
  let day = date;
  shanghaiMidnight(day);
  for (let i = 0; i < n; i++) day = workingDayOnOrBefore(cal, addDays(day, -1));
  return addDays(day, -1);
}
