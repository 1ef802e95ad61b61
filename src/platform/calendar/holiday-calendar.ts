import { AppError } from '../errors.js';
import { addDays, dayOfWeek, shanghaiMidnight } from './shanghai-time.js';

/** One exception to the Mon–Fri working week: a public holiday, or a make-up working day (调休上班). */
export type DayOverride = { date: string /* YYYY-MM-DD */; kind: 'holiday' | 'workday'; name?: string };

/** An immutable working-day calendar: weekdays work, weekends rest, unless overridden. */
export type HolidayCalendar = {
  readonly overrides: ReadonlyMap<string, DayOverride>;
  /** Years with at least one override, ascending: a year without any is almost certainly not loaded yet. */
  readonly coveredYears: readonly number[];
};

/**
 * Longest run of consecutive non-working days we accept while scanning (3 years). Real calendars
 * never come close (the longest Chinese break is 9 days); hitting it means a broken calendar,
 * and throwing beats looping forever inside a request handler.
 */
export const MAX_SCAN_DAYS = 3 * 366;

/**
 * Builds the calendar every deadline is computed against. Exists so that holiday data (from the
 * chinese-days package or an administrator) is validated once: bad dates and a date that is
 * both a holiday and a workday are rejected; identical duplicates are tolerated.
 */
export function createCalendar(overrides: readonly DayOverride[]): HolidayCalendar {
  const map = new Map<string, DayOverride>();
  for (const o of overrides) {
    shanghaiMidnight(o.date); // validates the format and that the date exists
    if (o.kind !== 'holiday' && o.kind !== 'workday') {
      throw new AppError(
        'VALIDATION_FAILED',
        {
          en: `Override for ${o.date} has invalid kind "${String(o.kind)}" (expected holiday or workday).`,
          zh: `${o.date} 的日历设置类型“${String(o.kind)}”无效，应为 holiday（放假）或 workday（调休上班）。`,
        },
        { override: o },
      );
    }
    const previous = map.get(o.date);
    if (previous && previous.kind !== o.kind) {
      throw new AppError(
        'VALIDATION_FAILED',
        {
          en: `${o.date} is declared both a holiday and a make-up workday.`,
          zh: `${o.date} 同时被设为放假和调休上班，请检查节假日数据。`,
        },
        { date: o.date },
      );
    }
    if (!previous || (!previous.name && o.name)) map.set(o.date, Object.freeze({ ...o }));
  }
  const years = new Set([...map.keys()].map((d) => Number(d.slice(0, 4))));
  return Object.freeze({ overrides: map, coveredYears: Object.freeze([...years].sort((a, b) => a - b)) });
}

/** Whether staff work on a Shanghai date: the override wins, otherwise Monday–Friday. */
export function isWorkingDay(cal: HolidayCalendar, date: string): boolean {
  const o = cal.overrides.get(date);
  if (o) return o.kind === 'workday';
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

function scan(cal: HolidayCalendar, date: string, step: 1 | -1): string {
  let day = date;
  for (let i = 0; i <= MAX_SCAN_DAYS; i++) {
    if (isWorkingDay(cal, day)) return day;
    day = addDays(day, step);
  }
  throw new AppError(
    'INTERNAL',
    {
      en: `No working day found within ${MAX_SCAN_DAYS} days ${step > 0 ? 'after' : 'before'} ${date}; the holiday calendar is misconfigured.`,
      zh: `在 ${date} ${step > 0 ? '之后' : '之前'} ${MAX_SCAN_DAYS} 天内找不到任何工作日，节假日日历配置有误。`,
    },
    { date },
  );
}

/** The first working day on or after `date` (rolls a holiday/weekend forward, like 民法典 art. 203). */
export function workingDayOnOrAfter(cal: HolidayCalendar, date: string): string {
  return scan(cal, date, 1);
}

/** The last working day on or before `date`, e.g. to turn a "publish by" calendar date into an office day. */
export function workingDayOnOrBefore(cal: HolidayCalendar, date: string): string {
  return scan(cal, date, -1);
}
