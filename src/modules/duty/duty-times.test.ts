import { describe, expect, it } from 'vitest';
import { chinaHolidayOverrides, createCalendar, type ServiceHours } from '../../platform/calendar/index.js';
import { AppError } from '../../platform/errors.js';
import { nextStatus } from '../../platform/state-machine/state-machine.js';
import { earlyMinutes, lateMinutes, signInBlocked } from './duty-times.js';
import { DUTY_MACHINE } from './transitions.js';

const cal = createCalendar(chinaHolidayOverrides([2026]));
const hours: ServiceHours = {
  periods: [
    { start: '09:00', end: '11:30' },
    { start: '13:30', end: '16:30' },
  ],
};
/** Shanghai wall time on a date as an instant. */
const sh = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

describe('late and early minutes count staffed time only (seed art. 7 按时签录、签出)', () => {
  it.each([
    ['on time at 09:00', '09:00', 0],
    ['59 s late is not a minute', '09:00:59', 0],
    ['09:12', '09:12', 12],
    ['in the lunch break: the morning only', '12:10', 150],
    ['after lunch: the morning and 10 minutes', '13:40', 160],
  ])('late: %s', (_name, hhmm, minutes) => {
    const at = hhmm.length > 5 ? new Date(`2026-11-25T${hhmm}+08:00`) : sh('2026-11-25', hhmm);
    expect(lateMinutes(cal, hours, '2026-11-25', at)).toBe(minutes);
  });

  it.each([
    ['at close', '16:30', 0],
    ['after close', '17:05', 0],
    ['16:00', '16:00', 30],
    ['just before lunch: the whole afternoon', '11:20', 10 + 180],
    ['in the lunch break: the afternoon', '12:00', 180],
  ])('early: %s', (_name, hhmm, minutes) => {
    expect(earlyMinutes(cal, hours, '2026-11-25', sh('2026-11-25', hhmm))).toBe(minutes);
  });

  it('counts on a make-up Saturday (10 Oct 2026) like any working day', () => {
    expect(lateMinutes(cal, hours, '2026-10-10', sh('2026-10-10', '09:25'))).toBe(25);
    expect(earlyMinutes(cal, hours, '2026-10-10', sh('2026-10-10', '15:30'))).toBe(60);
  });
});

describe('signing in is possible only while live help is open', () => {
  it('refuses before opening, in the lunch break, after close and on a day off, naming the next opening', () => {
    expect(signInBlocked(cal, hours, sh('2026-11-25', '10:00'), '2026-11-25')).toBeNull();
    const lunch = signInBlocked(cal, hours, sh('2026-11-25', '12:00'), '2026-11-25')!;
    expect(lunch.nextOpening.toISOString()).toBe(sh('2026-11-25', '13:30').toISOString());
    expect(lunch.reason.zh).toContain('今天 13:30');
    const evening = signInBlocked(cal, hours, sh('2026-11-25', '16:30'), '2026-11-25')!;
    expect(evening.nextOpening.toISOString()).toBe(sh('2026-11-26', '09:00').toISOString());
    // National Day holiday → next opening is the 8th
    const holiday = signInBlocked(cal, hours, sh('2026-10-02', '10:00'), '2026-10-02')!;
    expect(holiday.reason.zh).toContain('不是工作日');
    expect(holiday.reason.en).toContain('2026-10-08 at 09:00');
    // the make-up Saturday is open
    expect(signInBlocked(cal, hours, sh('2026-10-10', '10:00'), '2026-10-10')).toBeNull();
  });

  it('moves on → off and back; signing in twice is an invalid move', () => {
    expect(nextStatus(DUTY_MACHINE, 'off', 'sign_in')).toBe('on');
    expect(nextStatus(DUTY_MACHINE, 'on', 'sign_out')).toBe('off');
    const twice = (() => {
      try {
        return nextStatus(DUTY_MACHINE, 'on', 'sign_in');
      } catch (e) {
        return e as AppError;
      }
    })() as AppError;
    expect(twice.code).toBe('INVALID_TRANSITION');
    expect(twice.messages.zh).toBe('值守状态当前为“在岗”，不能签到。');
  });
});
