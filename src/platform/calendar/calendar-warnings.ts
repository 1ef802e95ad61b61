import type { Bilingual } from '../errors.js';
import { shanghaiDate } from './shanghai-time.js';

/** An operator-facing warning that the holiday calendar lacks a year, so deadlines in it treat holidays as workdays. */
export type CalendarWarning = {
  code: 'CALENDAR_NEXT_YEAR_MISSING' | 'CALENDAR_CURRENT_YEAR_MISSING';
  year: number;
  message: Bilingual;
};

/** From this Shanghai month (October) on, next year's holidays are expected to be loaded. */
export const NEXT_YEAR_CHECK_FROM_MONTH = 10;

function currentYearMissing(year: number): CalendarWarning {
  return {
    code: 'CALENDAR_CURRENT_YEAR_MISSING',
    year,
    message: {
      zh: `工作日历缺少 ${year} 年（今年）的法定节假日和调休安排，当前所有工作日期限都可能算错（节假日被当作工作日、调休上班日被当作休息日）。请立即录入国务院办公厅公布的 ${year} 年放假安排。`,
      en: `The working-day calendar has no ${year} (current year) public holidays or make-up workdays, so deadlines computed now may be wrong (holidays counted as working days, make-up workdays as days off). Load the State Council's ${year} holiday schedule now.`,
    },
  };
}

function nextYearMissing(year: number): CalendarWarning {
  return {
    code: 'CALENDAR_NEXT_YEAR_MISSING',
    year,
    message: {
      zh: `工作日历尚未录入 ${year} 年的法定节假日和调休安排。国务院办公厅通常在每年 10–12 月公布下一年安排，请在公布后尽快录入（或升级 chinese-days 数据包），否则跨入 ${year} 年的工作日期限将按普通周末计算。`,
      en: `The working-day calendar has no ${year} public holidays or make-up workdays yet. The State Council usually publishes them in October–December; load them (or upgrade the chinese-days package) once published, otherwise deadlines reaching into ${year} ignore its holidays.`,
    },
  };
}

/**
 * Every coverage warning that applies at `now` (Shanghai date), most urgent first: the current
 * year missing, then — from 1 October of year Y — year Y+1 missing. Empty when all is well.
 */
export function calendarCoverageWarnings(coveredYears: readonly number[], now: Date): CalendarWarning[] {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const warnings: CalendarWarning[] = [];
  if (!coveredYears.includes(year)) warnings.push(currentYearMissing(year));
  if (month >= NEXT_YEAR_CHECK_FROM_MONTH && !coveredYears.includes(year + 1)) warnings.push(nextYearMissing(year + 1));
  return warnings;
}

/**
 * The single most urgent coverage warning, or null: exists for the admin dashboard banner and
 * the daily health check, so nobody discovers in January that next year's holidays were never
 * loaded. From 1 October (Shanghai date) of year Y it warns when Y+1 is not covered; at any
 * time it warns (with priority) when the current year is not covered.
 */
export function missingNextYearWarning(coveredYears: readonly number[], now: Date): CalendarWarning | null {
  return calendarCoverageWarnings(coveredYears, now)[0] ?? null;
}
