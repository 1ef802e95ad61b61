import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { actionsFrom, defineMachine, nextStatus } from './state-machine.js';

const DOOR = defineMachine<'shut' | 'open' | 'locked', 'open' | 'close' | 'lock'>({
  table: 'doors',
  subject: { zh: '门', en: 'door' },
  statuses: {
    shut: { zh: '关闭', en: 'Shut' },
    open: { zh: '打开', en: 'Open' },
    locked: { zh: '锁定', en: 'Locked' },
  },
  moves: {
    open: { from: ['shut'], to: 'open', label: { zh: '开门', en: 'open' } },
    close: { from: ['open'], to: 'shut', label: { zh: '关门', en: 'close' } },
    lock: { from: ['shut'], to: 'locked', label: { zh: '上锁', en: 'lock' }, needsComment: true },
  },
});

describe('state machine: the moves as data, checked without I/O', () => {
  it('gives the next status, or INVALID_TRANSITION (409) naming the current state', () => {
    expect(nextStatus(DOOR, 'shut', 'open')).toBe('open');
    expect(nextStatus(DOOR, 'shut', 'lock', '下班')).toBe('locked');
    try {
      nextStatus(DOOR, 'locked', 'open');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(409);
      expect((e as AppError).messages.zh).toBe('门当前为“锁定”，不能开门。');
      expect((e as AppError).details).toMatchObject({ current: 'locked', currentLabel: { en: 'Locked' } });
    }
    expect(() => nextStatus(DOOR, 'shut', 'lock', ' ')).toThrow(/comment/);
    expect(actionsFrom(DOOR, 'shut').sort()).toEqual(['lock', 'open']);
  });
});
