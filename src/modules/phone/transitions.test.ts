import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { actionsFrom, nextStatus } from '../../platform/state-machine/state-machine.js';
import { PHONE_FORM_STATUS_LABELS } from '../../contracts/enums/phone.js';
import { CALL_MACHINE, FORM_MACHINE } from './transitions.js';

describe('phone transfer form workflow (seed art. 10.1), as data', () => {
  it('transferred → replied → closed; transferred → returned → transferred', () => {
    expect(nextStatus(FORM_MACHINE, 'transferred', 'reply')).toBe('replied');
    expect(nextStatus(FORM_MACHINE, 'replied', 'close')).toBe('closed');
    expect(nextStatus(FORM_MACHINE, 'transferred', 'return')).toBe('returned');
    expect(nextStatus(FORM_MACHINE, 'returned', 'retransfer')).toBe('transferred');
  });

  it('refuses the window closing before the reply, replying twice, and anything after closing', () => {
    for (const [from, action] of [
      ['transferred', 'close'],
      ['replied', 'reply'],
      ['returned', 'reply'],
      ['replied', 'return'],
      ['closed', 'retransfer'],
    ] as const) {
      const err = (() => {
        try {
          nextStatus(FORM_MACHINE, from, action);
        } catch (e) {
          return e;
        }
      })();
      expect(err, `${from} ${action}`).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('INVALID_TRANSITION');
      expect((err as AppError).messages.zh).toContain(PHONE_FORM_STATUS_LABELS[from].zh);
    }
    expect(actionsFrom(FORM_MACHINE, 'closed')).toEqual([]);
  });

  it('a call is answered on the spot or transferred, once', () => {
    expect(actionsFrom(CALL_MACHINE, 'open')).toEqual(['answer', 'transfer']);
    expect(actionsFrom(CALL_MACHINE, 'answered')).toEqual([]);
    expect(actionsFrom(CALL_MACHINE, 'transferred')).toEqual([]);
  });
});
