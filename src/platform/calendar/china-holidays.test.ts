import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { PRELOADED_YEARS, chinaHolidayOverrides, chineseHolidayName } from './china-holidays.js';
import { createCalendar, isWorkingDay } from './holiday-calendar.js';
import { addDays } from './shanghai-time.js';

const all = chinaHolidayOverrides([2025, 2026]);
const byDate = new Map(all.map((o) => [o.date, o]));
const kinds = (dates: string[]) => dates.map((d) => byDate.get(d)?.kind ?? 'none');

describe('chinaHolidayOverrides (chinese-days data)', () => {
  it('has 2025 and 2026 preloaded', () => {
    expect(PRELOADED_YEARS).toContain(2025);
    expect(PRELOADED_YEARS).toContain(2026);
    expect([...PRELOADED_YEARS]).toEqual([...PRELOADED_YEARS].sort((a, b) => a - b));
  });

  it('2026 National Day: 1–7 Oct off; make-up workdays Sun 20 Sep and Sat 10 Oct', () => {
    const week = ['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`);
    expect(kinds(week)).toEqual(Array(7).fill('holiday'));
    expect(week.map((d) => byDate.get(d)?.name)).toEqual(Array(7).fill('国庆节'));
    expect(byDate.get('2026-09-20')).toEqual({ date: '2026-09-20', kind: 'workday', name: '国庆节' });
    expect(byDate.get('2026-10-10')).toEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节' });
  });

  it('2026 Mid-autumn is a separate break, Fri 25 – Sun 27 Sep (27 Sep is NOT a workday)', () => {
    expect(kinds(['2026-09-25', '2026-09-26', '2026-09-27'])).toEqual(['holiday', 'holiday', 'holiday']);
    expect(byDate.get('2026-09-25')?.name).toBe('中秋');
  });

  it('2026 Spring Festival: 15–23 Feb off (9 days); make-up Sat 14 Feb and Sat 28 Feb', () => {
    const days = Array.from({ length: 9 }, (_, i) => addDays('2026-02-15', i));
    expect(kinds(days)).toEqual(Array(9).fill('holiday'));
    expect(byDate.get('2026-02-15')?.name).toBe('春节');
    expect(kinds(['2026-02-14', '2026-02-28', '2026-02-24'])).toEqual(['workday', 'workday', 'none']);
  });

  it('2025 Spring Festival 28 Jan – 4 Feb, make-up 26 Jan and 8 Feb; 2026 New Year make-up Sun 4 Jan', () => {
    expect(kinds(['2025-01-26', '2025-01-28', '2025-02-04', '2025-02-08'])).toEqual([
      'workday',
      'holiday',
      'holiday',
      'workday',
    ]);
    expect(byDate.get('2026-01-04')).toMatchObject({ kind: 'workday', name: '元旦' });
    expect(byDate.get('2025-10-06')?.name).toBe('中秋'); // Mid-autumn inside the 2025 National Day break
  });

  it('returns sorted overrides with Chinese-only names, filtered by year', () => {
    expect(all.map((o) => o.date)).toEqual([...all.map((o) => o.date)].sort());
    for (const o of all) expect(o.name).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(chinaHolidayOverrides([2026]).every((o) => o.date.startsWith('2026-'))).toBe(true);
    expect(chinaHolidayOverrides([2099])).toEqual([]);
    expect(chineseHolidayName('National Day,国庆节,3')).toBe('国庆节');
  });

  it('builds a consistent calendar for every preloaded year', () => {
    expect(createCalendar(chinaHolidayOverrides()).coveredYears).toEqual(PRELOADED_YEARS);
  });

  it("agrees day by day with the package's own isWorkday for 2025–2026", () => {
    const { isWorkday } = createRequire(import.meta.url)('chinese-days') as { isWorkday(d: string): boolean };
    const cal = createCalendar(all);
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      expect([d, isWorkingDay(cal, d)]).toEqual([d, isWorkday(d)]);
    }
  });
});
