import { describe, expect, it } from 'vitest';
import { chinaHolidayOverrides, createCalendar, parseServiceHours } from '../../platform/calendar/index.js';
import { alertHorizons, orderDueAt } from './order-deadlines.js';

const cal = createCalendar(chinaHolidayOverrides([2026]));
const hall = parseServiceHours({ periods: [{ start: '09:00', end: '17:00' }] });

describe('work-order deadlines on the working-time engine', () => {
  it('a complaint received Wed 2026-09-30 16:00 with 5 working days is due Tue 2026-10-13 17:00 (National Day skipped, make-up Saturday 10-10 counted)', () => {
    expect(orderDueAt(cal, '17:00', new Date('2026-09-30T08:00:00Z'), 5)).toBe('2026-10-13T09:00:00.000Z');
  });

  it('a consultation on Friday is due Monday; a 15-day extension from the same start skips weekends', () => {
    expect(orderDueAt(cal, '17:00', new Date('2026-11-27T03:00:00Z'), 1)).toBe('2026-11-30T09:00:00.000Z');
    expect(orderDueAt(cal, '17:00', new Date('2026-11-27T03:00:00Z'), 15)).toBe('2026-12-18T09:00:00.000Z');
  });

  it('reminds when less than 2 working hours are left (across the night) and escalates a working day late', () => {
    // Friday 16:30: two working hours end Monday 10:30 (the weekend does not count)
    const h = alertHorizons(cal, hall, new Date('2026-11-27T08:30:00Z'));
    expect(h.remindBefore).toBe('2026-11-30T02:30:00.000Z');
    // a working day before Friday 16:30 is Thursday 16:30
    expect(h.escalateBefore).toBe('2026-11-26T08:30:00.000Z');
  });
});
