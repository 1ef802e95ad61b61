/** Public entry point of the calendar platform module: working-time engine, China holiday data, coverage warnings. */
export * from './working-time.js';
export { alertHorizons, ESCALATE_AFTER_WORKING_DAYS, REMIND_BEFORE_MINUTES } from './alert-horizons.js';
export { PRELOADED_YEARS, chinaHolidayOverrides, chineseHolidayName } from './china-holidays.js';
export {
  type CalendarWarning,
  NEXT_YEAR_CHECK_FROM_MONTH,
  calendarCoverageWarnings,
  missingNextYearWarning,
} from './calendar-warnings.js';
