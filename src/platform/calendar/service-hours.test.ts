import { describe, it, expect } from 'vitest';
import { AppError } from '../errors.js';
import { parseServiceHours, toMinutePeriods } from './service-hours.js';

describe('parseServiceHours', () => {
  it('sorts periods and keeps them as HH:MM strings', () => {
    const h = parseServiceHours({
      periods: [
        { start: '13:30', end: '16:30' },
        { start: '09:00', end: '11:30' },
      ],
    });
    expect(h.periods).toEqual([
      { start: '09:00', end: '11:30' },
      { start: '13:30', end: '16:30' },
    ]);
    expect(toMinutePeriods(h)).toEqual([
      { start: 540, end: 690 },
      { start: 810, end: 990 },
    ]);
  });

  it('accepts touching periods and a 24:00 end', () => {
    expect(
      parseServiceHours({
        periods: [
          { start: '00:00', end: '12:00' },
          { start: '12:00', end: '24:00' },
        ],
      }).periods,
    ).toHaveLength(2);
  });

  it.each([
    ['missing periods', {}, /at least one period/],
    ['empty periods', { periods: [] }, /at least one period/],
    ['null input', null, /at least one period/],
    ['non-string time', { periods: [{ start: 900, end: '11:30' }] }, /needs string start and end/],
    ['bad format', { periods: [{ start: '9:00', end: '11:30' }] }, /Invalid time "9:00"/],
    ['impossible time', { periods: [{ start: '09:00', end: '25:00' }] }, /Invalid time "25:00"/],
    ['24:00 as start', { periods: [{ start: '24:00', end: '24:00' }] }, /Invalid time "24:00"/],
    ['reversed', { periods: [{ start: '13:30', end: '11:30' }] }, /ends before it starts/],
    ['empty period', { periods: [{ start: '09:00', end: '09:00' }] }, /ends before it starts/],
    ['spans midnight', { periods: [{ start: '22:00', end: '06:00' }] }, /cannot span midnight/],
    [
      'overlap',
      {
        periods: [
          { start: '09:00', end: '12:00' },
          { start: '11:30', end: '16:30' },
        ],
      },
      /overlap/,
    ],
  ])('rejects %s with a clear validation error', (_label, input, message) => {
    expect(() => parseServiceHours(input)).toThrow(message);
    try {
      parseServiceHours(input);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION_FAILED');
      expect((e as AppError).messages.zh).toBeTruthy();
    }
  });
});
