import { describe, it, expect } from 'vitest';
import { atShanghai } from './shanghai-time.js';
import { calendarCoverageWarnings, missingNextYearWarning } from './calendar-warnings.js';

describe('calendar coverage warnings', () => {
  it('is silent on 30 September even if next year is missing', () => {
    expect(missingNextYearWarning([2025, 2026], atShanghai('2026-09-30', '23:59'))).toBeNull();
  });

  it('warns from 1 October (Shanghai date, not UTC) when next year is missing', () => {
    const firstOctShanghai = new Date('2026-09-30T16:00:00Z'); // 00:00 on 1 Oct in Shanghai, still 30 Sep in UTC
    const w = missingNextYearWarning([2025, 2026], firstOctShanghai);
    expect(w).toMatchObject({ code: 'CALENDAR_NEXT_YEAR_MISSING', year: 2027 });
    expect(w?.message.zh).toContain('2027');
    expect(w?.message.en).toContain('2027');
    expect(missingNextYearWarning([2025, 2026], atShanghai('2026-12-31', '12:00'))?.year).toBe(2027);
  });

  it('is silent from 1 October once next year is covered', () => {
    expect(missingNextYearWarning([2026, 2027], atShanghai('2026-10-01', '09:00'))).toBeNull();
  });

  it('warns about the current year at any time of year, before next year', () => {
    const now = atShanghai('2027-01-02', '09:00');
    expect(missingNextYearWarning([2025, 2026], now)).toMatchObject({
      code: 'CALENDAR_CURRENT_YEAR_MISSING',
      year: 2027,
    });
    const both = calendarCoverageWarnings([2026], atShanghai('2027-10-01', '09:00'));
    expect(both.map((w) => [w.code, w.year])).toEqual([
      ['CALENDAR_CURRENT_YEAR_MISSING', 2027],
      ['CALENDAR_NEXT_YEAR_MISSING', 2028],
    ]);
    expect(calendarCoverageWarnings([2026, 2027], atShanghai('2026-06-01', '09:00'))).toEqual([]);
  });
});
