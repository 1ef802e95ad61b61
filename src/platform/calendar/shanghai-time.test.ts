import { describe, it, expect } from 'vitest';
import {
  addDays,
  atShanghai,
  dayOfWeek,
  parseHHMM,
  shanghaiDate,
  shanghaiMillisOfDay,
  shanghaiTime,
} from './shanghai-time.js';

describe('Shanghai fixed +08:00 helpers', () => {
  it('maps an instant to the Shanghai date and time, across the UTC date line', () => {
    const at = new Date('2026-09-30T16:30:00Z'); // 00:30 on 1 Oct in Shanghai
    expect(shanghaiDate(at)).toBe('2026-10-01');
    expect(shanghaiTime(at)).toBe('00:30');
    expect(shanghaiMillisOfDay(at)).toBe(30 * 60_000);
    expect(shanghaiDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
  });

  it('builds instants from Shanghai wall-clock times, incl. 24:00 = next midnight', () => {
    expect(atShanghai('2026-10-08', '17:00').toISOString()).toBe('2026-10-08T09:00:00.000Z');
    expect(atShanghai('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(atShanghai('2026-10-08', '24:00').getTime()).toBe(atShanghai('2026-10-09', '00:00').getTime());
  });

  it('is independent of the host time zone and has no DST jumps (summer = winter)', () => {
    expect(shanghaiTime(atShanghai('2026-07-01', '09:00'))).toBe('09:00');
    expect(shanghaiTime(atShanghai('2026-01-01', '09:00'))).toBe('09:00');
  });

  it('does calendar arithmetic on date strings', () => {
    expect(addDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('2026-09-20')).toBe(0);
  });

  it('rejects malformed or non-existent dates and times', () => {
    for (const d of ['2026-02-30', '2026-13-01', '26-10-01', '2026-1-01', '0025-01-01', '']) {
      expect(() => atShanghai(d, '09:00')).toThrow(/Invalid date/);
    }
    for (const t of ['9:00', '24:01', '12:60', '25:00', 'noon']) {
      expect(() => atShanghai('2026-10-08', t)).toThrow(/Invalid time/);
    }
    expect(() => parseHHMM('24:00')).toThrow(/Invalid time/);
    expect(parseHHMM('24:00', true)).toBe(1440);
    expect(() => shanghaiDate(new Date('garbage'))).toThrow(/Invalid Date/);
  });
});
