import { createRequire } from 'node:module';
import type { DayOverride } from './holiday-calendar.js';

/**
 * Mainland-China public holidays and make-up workdays (调休上班), as published each year by
 * the General Office of the State Council, taken from the `chinese-days` npm package.
 * Its dist/chinese-days.json has the shape
 *   { holidays: { 'YYYY-MM-DD': 'English,中文,N' }, workdays: {…same…}, inLieuDays: {…} }
 * where N is the statutory number of days of that festival (春节 = 4 since 2025, not the
 * length of the break). Weekend days inside a break are listed as holidays too. `inLieuDays`
 * (weekdays off "paid back" by a make-up day) are all already in `holidays` and are ignored.
 * To get a new year (the notice usually comes out in Oct–Dec), update the package or add
 * overrides by hand; calendar-warnings.ts tells when that is due.
 */
type RawData = { holidays: Record<string, string>; workdays: Record<string, string> };

let cache: { data: RawData; years: readonly number[] } | undefined;

function load(): { data: RawData; years: readonly number[] } {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as RawData;
  if (typeof data?.holidays !== 'object' || typeof data?.workdays !== 'object') {
    throw new Error('chinese-days/dist/chinese-days.json has an unexpected shape (no holidays/workdays maps).');
  }
  const dates = [...Object.keys(data.holidays), ...Object.keys(data.workdays)];
  const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  cache = { data, years: Object.freeze(years) };
  return cache;
}

/** Years for which the installed chinese-days package has data (2004 … its latest year). */
export const PRELOADED_YEARS: readonly number[] = load().years;

/**
 * The Chinese festival name from a chinese-days label: 'National Day,国庆节,3' → '国庆节'.
 * Exists because staff-facing screens and citizen messages are in Chinese.
 */
export function chineseHolidayName(label: string): string {
  const parts = label.split(',');
  return (parts.length >= 3 ? parts[parts.length - 2] : label).trim();
}

/**
 * DayOverride[] (sorted by date) for the requested years, ready for createCalendar. Years the
 * package does not know yield nothing rather than throwing, so a server still starts on
 * 1 January; createCalendar(...).coveredYears plus calendar-warnings.ts surface the gap.
 */
export function chinaHolidayOverrides(years: readonly number[] = PRELOADED_YEARS): DayOverride[] {
  const { data } = load();
  const wanted = new Set(years);
  const out: DayOverride[] = [];
  for (const [kind, map] of [
    ['holiday', data.holidays],
    ['workday', data.workdays],
  ] as const) {
    for (const [date, label] of Object.entries(map)) {
      if (wanted.has(Number(date.slice(0, 4)))) out.push({ date, kind, name: chineseHolidayName(label) });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
