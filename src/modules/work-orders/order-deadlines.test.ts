import { describe, expect, it } from 'vitest';
import { chinaHolidayOverrides, createCalendar } from '../../platform/calendar/index.js';
import { orderDueAt } from './order-deadlines.js';

const cal = createCalendar(chinaHolidayOverrides([2026]));

describe('work-order deadlines on the working-time engine', () => {
  it('a complaint received Wed 2026-09-30 16:00 with 5 working days is due Tue 2026-10-13 17:00 (National Day skipped, make-up Saturday 10-10 counted)', () => {
    expect(orderDueAt(cal, '17:00', new Date('2026-09-30T08:00:00Z'), 5)).toBe('2026-10-13T09:00:00.000Z');
  });

  it('a consultation on Friday is due Monday; a 15-day extension from the same start skips weekends', () => {
    expect(orderDueAt(cal, '17:00', new Date('2026-11-27T03:00:00Z'), 1)).toBe('2026-11-30T09:00:00.000Z');
    expect(orderDueAt(cal, '17:00', new Date('2026-11-27T03:00:00Z'), 15)).toBe('2026-12-18T09:00:00.000Z');
  });
});
