import { describe, expect, it } from 'vitest';
import { alertHorizons } from './alert-horizons.js';
import { createCalendar } from './holiday-calendar.js';
import { chinaHolidayOverrides } from './china-holidays.js';
import { parseServiceHours } from './service-hours.js';

const cal = createCalendar(chinaHolidayOverrides([2026]));
const hall = parseServiceHours({ periods: [{ start: '09:00', end: '17:00' }] });

describe('deadline alert horizons on the working-time engine', () => {
  it('reminds when less than 2 working hours are left (across the night) and escalates a working day late', () => {
    // Friday 16:30: two working hours end Monday 10:30 (the weekend does not count)
    const h = alertHorizons(cal, hall, new Date('2026-11-27T08:30:00Z'));
    expect(h.remindBefore).toBe('2026-11-30T02:30:00.000Z');
    // a working day before Friday 16:30 is Thursday 16:30
    expect(h.escalateBefore).toBe('2026-11-26T08:30:00.000Z');
  });

  it('escalates across National Day: on Thu 10-08 (first working day after it) the day before is Wed 09-30', () => {
    const h = alertHorizons(cal, hall, new Date('2026-10-08T07:00:00Z'));
    expect(h.escalateBefore).toBe('2026-09-30T07:00:00.000Z');
    // Wed 09-30 16:00: two working hours end Thu 10-08 10:00
    expect(alertHorizons(cal, hall, new Date('2026-09-30T08:00:00Z')).remindBefore).toBe('2026-10-08T02:00:00.000Z');
  });
});
