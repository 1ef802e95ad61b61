import { describe, it, expect } from 'vitest';
import { chinaHolidayOverrides } from './china-holidays.js';
import {
  addDays,
  addWorkingDays,
  atShanghai,
  createCalendar,
  shanghaiDate,
  subtractWorkingDays,
  workingDayOnOrBefore,
  workingDaysBetween,
} from './working-time.js';

const cal = createCalendar(chinaHolidayOverrides([2025, 2026]));
const sh = (local: string) => new Date(`${local}+08:00`);

describe('addWorkingDays (民法典 art. 201/203: start day excluded, ends at close of business)', () => {
  it.each([
    ['Wed 30 Sep 16:00, eve of National Day', '2026-09-30T16:00', 1, '2026-10-08T17:00'],
    ['Thu 24 Sep 16:00, eve of Mid-autumn', '2026-09-24T16:00', 1, '2026-09-28T17:00'],
    ['Fri 25 Sep 16:00 (itself a Mid-autumn holiday)', '2026-09-25T16:00', 1, '2026-09-28T17:00'],
    ['Fri 18 Sep 16:00 → make-up Sunday 20 Sep', '2026-09-18T16:00', 1, '2026-09-20T17:00'],
    ['Fri 9 Oct 16:00 → make-up Saturday 10 Oct', '2026-10-09T16:00', 1, '2026-10-10T17:00'],
    ['request on an ordinary Saturday: Monday is day 1', '2026-10-17T10:00', 1, '2026-10-19T17:00'],
    ['request late at night counts the same as by day', '2026-09-21T23:30', 1, '2026-09-22T17:00'],
    ['request at 00:10 Shanghai (still the previous day in UTC)', '2026-09-22T00:10', 1, '2026-09-23T17:00'],
    ['5 working days across National Day', '2026-09-30T16:00', 5, '2026-10-13T17:00'],
    ['15 working days across National Day', '2026-09-30T16:00', 15, '2026-10-27T17:00'],
    ['eve of Spring Festival → make-up Saturday 14 Feb', '2026-02-13T16:00', 1, '2026-02-14T17:00'],
    ['2 working days across Spring Festival', '2026-02-13T16:00', 2, '2026-02-24T17:00'],
    ["New Year's Eve 2025 → make-up Sunday 4 Jan 2026", '2025-12-31T16:00', 1, '2026-01-04T17:00'],
    ['0 days on a working day = same day', '2026-09-22T10:00', 0, '2026-09-22T17:00'],
    ['0 days on a holiday rolls forward (art. 203)', '2026-10-01T10:00', 0, '2026-10-08T17:00'],
  ])('%s', (_label, from, n, expected) => {
    expect(addWorkingDays(cal, sh(`${from}:00`), n)).toEqual(sh(`${expected}:00`));
  });

  it('accepts another close of business, incl. 24:00 (end of the day)', () => {
    expect(addWorkingDays(cal, sh('2026-09-30T16:00:00'), 1, '18:00')).toEqual(sh('2026-10-08T18:00:00'));
    expect(addWorkingDays(cal, sh('2026-09-30T16:00:00'), 1, '24:00')).toEqual(sh('2026-10-09T00:00:00'));
  });

  it('rejects a bad count or close of business', () => {
    for (const n of [-1, 1.5, Number.NaN])
      expect(() => addWorkingDays(cal, sh('2026-09-22T10:00:00'), n)).toThrow(/integer ≥ 0/);
    expect(() => addWorkingDays(cal, sh('2026-09-22T10:00:00'), 1, '5pm')).toThrow(/Invalid time/);
  });
});

describe('workingDaysBetween (start excluded, end included)', () => {
  it('counts across holidays, negative when reversed', () => {
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-08')).toBe(1);
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-07')).toBe(0);
    expect(workingDaysBetween(cal, '2026-10-08', '2026-09-30')).toBe(-1);
    expect(workingDaysBetween(cal, '2026-10-08', '2026-10-08')).toBe(0);
  });

  it('finds 248 working days in 2025 and in 2026 (365 − 104 weekend days − 13 holidays)', () => {
    expect(workingDaysBetween(cal, '2024-12-31', '2025-12-31')).toBe(248);
    expect(workingDaysBetween(cal, '2025-12-31', '2026-12-31')).toBe(248);
  });

  it('is consistent with addWorkingDays for every start date in 2025–2026', () => {
    for (let d = '2025-01-01'; d <= '2026-11-30'; d = addDays(d, 1)) {
      for (const n of [1, 5, 15]) {
        expect(workingDaysBetween(cal, d, shanghaiDate(addWorkingDays(cal, atShanghai(d, '12:00'), n)))).toBe(n);
      }
    }
  });
});

describe('subtractWorkingDays ("publish at least N working days before the effective date")', () => {
  it.each([
    ['effective Fri 16 Oct 2026, across National Day and Mid-autumn', '2026-10-16', 15, '2026-09-19'],
    ['effective Mon 19 Oct 2026: the latest day is the make-up Sunday', '2026-10-19', 15, '2026-09-20'],
    ['effective Mon 2 Mar 2026, across Spring Festival and both make-up Saturdays', '2026-03-02', 15, '2026-02-02'],
    ['effective Fri 27 Feb 2026', '2026-02-27', 15, '2026-01-29'],
    ['effective Thu 8 Oct 2026, 1 working day', '2026-10-08', 1, '2026-09-29'],
    ['N = 0: any day before', '2026-10-08', 0, '2026-10-07'],
  ])('%s', (_label, effective, n, expected) => {
    expect(subtractWorkingDays(cal, effective, n)).toBe(expected);
  });

  it('may return a non-working day; workingDayOnOrBefore gives the latest office day', () => {
    expect(workingDayOnOrBefore(cal, subtractWorkingDays(cal, '2026-10-16', 15))).toBe('2026-09-18');
  });

  it('returns the latest date satisfying the rule, for every effective date in 2025–2026', () => {
    for (let e = '2025-02-01'; e <= '2026-12-31'; e = addDays(e, 1)) {
      for (const n of [1, 5, 15]) {
        const p = subtractWorkingDays(cal, e, n);
        expect(workingDaysBetween(cal, p, addDays(e, -1))).toBeGreaterThanOrEqual(n);
        expect(workingDaysBetween(cal, addDays(p, 1), addDays(e, -1))).toBeLessThan(n);
        expect(shanghaiDate(addWorkingDays(cal, atShanghai(p, '12:00'), n)) < e).toBe(true);
        expect(shanghaiDate(addWorkingDays(cal, atShanghai(addDays(p, 1), '12:00'), n)) >= e).toBe(true);
      }
    }
  });

  it('rejects bad input', () => {
    expect(() => subtractWorkingDays(cal, '2026-10-16', -3)).toThrow(/integer ≥ 0/);
    expect(() => subtractWorkingDays(cal, '2026/10/16', 3)).toThrow(/Invalid date/);
  });
});
