import { describe, it, expect } from 'vitest';
import { chinaHolidayOverrides } from './china-holidays.js';
import {
  type DayOverride,
  addDays,
  addWorkingDays,
  addWorkingMinutes,
  createCalendar,
  isWithinServiceHours,
  isWorkingDay,
  nextServiceOpening,
  parseServiceHours,
  workingMillisBetween,
} from './working-time.js';

const cal = createCalendar(chinaHolidayOverrides([2025, 2026]));
const LIVE = parseServiceHours({
  periods: [
    { start: '13:30', end: '16:30' },
    { start: '09:00', end: '11:30' },
  ],
});
/** Shanghai wall-clock literal → instant. */
const sh = (local: string) => new Date(`${local}+08:00`);
const MIN = 60_000;

describe('calendar and working days', () => {
  it('2026 National Day week: 1–7 Oct off, Thu 8 / Fri 9 work, Sat 10 Oct is a make-up workday', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(isWorkingDay(cal, d)).toBe(false);
    expect(['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-11'].map((d) => isWorkingDay(cal, d))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true); // Sunday make-up
    expect(isWorkingDay(cal, '2026-09-25')).toBe(false); // Friday, Mid-autumn
  });

  it('2026 Spring Festival: Sat 14 Feb works, 15–23 Feb off, Sat 28 Feb works', () => {
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true);
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(isWorkingDay(cal, d)).toBe(false);
    expect(['2026-02-24', '2026-02-28', '2026-03-01'].map((d) => isWorkingDay(cal, d))).toEqual([true, true, false]);
  });

  it('falls back to Monday–Friday in years without overrides and reports covered years', () => {
    expect(cal.coveredYears).toEqual([2025, 2026]);
    expect(isWorkingDay(cal, '2030-01-07')).toBe(true);
    expect(isWorkingDay(cal, '2030-01-05')).toBe(false);
    expect(createCalendar([]).coveredYears).toEqual([]);
  });

  it('validates overrides', () => {
    const dup: DayOverride[] = [
      { date: '2026-10-01', kind: 'holiday' },
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
    ];
    expect(createCalendar(dup).overrides.get('2026-10-01')?.name).toBe('国庆节');
    expect(() =>
      createCalendar([
        { date: '2026-10-01', kind: 'holiday' },
        { date: '2026-10-01', kind: 'workday' },
      ]),
    ).toThrow(/both a holiday and a make-up workday/);
    expect(() => createCalendar([{ date: '2026-02-30', kind: 'holiday' }])).toThrow(/Invalid date/);
    expect(() => createCalendar([{ date: '2026-10-01', kind: 'off' as 'holiday' }])).toThrow(/invalid kind/);
  });
});

describe('service hours (live help 09:00–11:30 & 13:30–16:30)', () => {
  it('is open inside periods on working days only, periods are half-open', () => {
    const open = (s: string) => isWithinServiceHours(cal, LIVE, sh(s));
    expect(
      ['10:00:00', '11:29:59', '11:30:00', '12:00:00', '13:30:00', '16:29:59', '16:30:00', '08:59:59'].map((t) =>
        open(`2026-09-22T${t}`),
      ),
    ).toEqual([true, true, false, false, true, true, false, false]);
    expect(open('2026-10-10T10:00:00')).toBe(true); // make-up Saturday
    expect(open('2026-10-01T10:00:00')).toBe(false); // National Day
    expect(open('2026-10-17T10:00:00')).toBe(false); // ordinary Saturday
  });

  it.each([
    ['inside hours → itself', '2026-09-22T10:15:20', '2026-09-22T10:15:20'],
    ['lunch break', '2026-09-22T12:00:00', '2026-09-22T13:30:00'],
    ['at night', '2026-09-22T20:00:00', '2026-09-23T09:00:00'],
    ['early morning', '2026-10-08T06:00:00', '2026-10-08T09:00:00'],
    ['Friday night before a make-up Sunday', '2026-09-18T20:00:00', '2026-09-20T09:00:00'],
    ['eve of National Day', '2026-09-30T17:00:00', '2026-10-08T09:00:00'],
    ['ordinary weekend', '2026-10-17T10:00:00', '2026-10-19T09:00:00'],
    ['Spring Festival', '2026-02-16T10:00:00', '2026-02-24T09:00:00'],
  ])('nextServiceOpening: %s', (_label, at, expected) => {
    expect(nextServiceOpening(cal, LIVE, sh(at))).toEqual(sh(expected));
  });
});

describe('addWorkingMinutes', () => {
  it.each([
    ['1 minute inside hours', '2026-09-22T10:00:00', 1, '2026-09-22T10:01:00'],
    ['1 minute across the lunch break', '2026-09-22T11:29:30', 1, '2026-09-22T13:30:30'],
    ['deadline exactly at closing time', '2026-09-22T11:29:00', 1, '2026-09-22T11:30:00'],
    ['request at night', '2026-09-22T22:00:00', 1, '2026-09-23T09:01:00'],
    ['request on an ordinary weekend', '2026-10-17T10:00:00', 1, '2026-10-19T09:01:00'],
    ['request on a holiday', '2026-10-03T10:00:00', 1, '2026-10-08T09:01:00'],
    ['crossing National Day at closing', '2026-09-30T16:29:30', 1, '2026-10-08T09:00:30'],
    ['Friday night into the make-up Saturday', '2026-10-09T22:00:00', 1, '2026-10-10T09:01:00'],
    ['Spring Festival eve into the make-up Saturday', '2026-02-13T16:30:00', 1, '2026-02-14T09:01:00'],
    ['zero minutes outside hours = next opening', '2026-09-22T12:00:00', 0, '2026-09-22T13:30:00'],
    ['half a minute', '2026-09-22T10:00:00', 0.5, '2026-09-22T10:00:30'],
    ['a full service day (330 min)', '2026-09-22T09:00:00', 330, '2026-09-22T16:30:00'],
    ['one minute more than a day', '2026-09-22T09:00:00', 331, '2026-09-23T09:01:00'],
  ])('%s', (_label, from, minutes, expected) => {
    expect(addWorkingMinutes(cal, LIVE, sh(from), minutes)).toEqual(sh(expected));
  });

  it('rejects negative or non-finite minutes', () => {
    expect(() => addWorkingMinutes(cal, LIVE, sh('2026-09-22T10:00:00'), -1)).toThrow(/minutes must be/);
    expect(() => addWorkingMinutes(cal, LIVE, sh('2026-09-22T10:00:00'), Number.NaN)).toThrow(/minutes must be/);
    expect(() =>
      addWorkingMinutes(cal, { periods: [{ start: '11:00', end: '10:00' }] }, sh('2026-09-22T10:00:00'), 1),
    ).toThrow(/service hours/);
  });
});

describe('workingMillisBetween', () => {
  it.each([
    ['within one period', '2026-09-22T10:00:00', '2026-09-22T10:30:00', 30],
    ['across lunch', '2026-09-22T11:00:00', '2026-09-22T14:00:00', 60],
    ['across a night', '2026-09-22T16:00:00', '2026-09-23T10:00:00', 90],
    ['across National Day', '2026-09-30T16:00:00', '2026-10-08T10:00:00', 90],
    ['a whole ordinary weekend', '2026-10-17T00:00:00', '2026-10-19T00:00:00', 0],
    ['a full working week Mon–Fri', '2026-10-19T00:00:00', '2026-10-24T00:00:00', 5 * 330],
    ['reversed range', '2026-09-22T14:00:00', '2026-09-22T10:00:00', 0],
  ])('%s', (_label, a, b, minutes) => {
    expect(workingMillisBetween(cal, LIVE, sh(a), sh(b))).toBe(minutes * MIN);
  });

  it('is the inverse of addWorkingMinutes', () => {
    for (const from of ['2026-09-22T11:29:30', '2026-09-30T15:00:00', '2026-02-13T23:00:00', '2026-10-10T13:00:00']) {
      for (const m of [1, 15, 60, 500, 5000]) {
        const due = addWorkingMinutes(cal, LIVE, sh(from), m);
        expect(workingMillisBetween(cal, LIVE, sh(from), due)).toBe(m * MIN);
      }
    }
  });
});

describe('infinite-loop guard', () => {
  const noWork: DayOverride[] = Array.from({ length: 4 * 366 }, (_, i) => ({
    date: addDays('2026-01-01', i),
    kind: 'holiday' as const,
  }));
  const dead = createCalendar(noWork);
  it('throws a clear error instead of scanning forever', () => {
    expect(() => addWorkingMinutes(dead, LIVE, sh('2026-01-01T10:00:00'), 1)).toThrow(
      /No working day found within 1098 days/,
    );
    expect(() => nextServiceOpening(dead, LIVE, sh('2026-01-01T10:00:00'))).toThrow(/misconfigured/);
    expect(() => addWorkingDays(dead, sh('2026-01-01T10:00:00'), 1)).toThrow(/No working day found/);
  });
});
