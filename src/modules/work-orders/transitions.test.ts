import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { actionsFrom, nextStatus } from '../../platform/state-machine/state-machine.js';
import { WORK_ORDER_STATUSES, WORK_ORDER_STATUS_LABELS } from '../../contracts/enums/work-orders.js';
import { WORK_ORDER_MACHINE as M, isOpenStatus, type WorkOrderAction } from './transitions.js';

describe('work-order lifecycle as data', () => {
  it('takes the normal path received → dispatched → handling → replied → called back → closed', () => {
    const path: [WorkOrderAction, string][] = [
      ['dispatch', 'dispatched'],
      ['accept', 'handling'],
      ['reply', 'replied'],
      ['call_back', 'called_back'],
      ['close', 'closed'],
    ];
    let s = 'received' as (typeof WORK_ORDER_STATUSES)[number];
    for (const [a, to] of path) {
      s = nextStatus(M, s, a, 'x');
      expect(s).toBe(to);
    }
  });

  it('returns, extends, reopens, and a return / refusal / reopen needs a reason', () => {
    expect(nextStatus(M, 'handling', 'return', '非本部门职责')).toBe('returned');
    expect(nextStatus(M, 'returned', 'dispatch')).toBe('dispatched');
    expect(nextStatus(M, 'handling', 'request_extension', '需现场核查')).toBe('extension_requested');
    expect(nextStatus(M, 'extension_requested', 'approve_extension')).toBe('handling');
    expect(nextStatus(M, 'extension_requested', 'refuse_extension', '请按期办结')).toBe('handling');
    expect(nextStatus(M, 'called_back', 'reopen', '市民不满意')).toBe('handling');
    for (const [from, a] of [
      ['handling', 'return'],
      ['handling', 'request_extension'],
      ['extension_requested', 'refuse_extension'],
      ['called_back', 'reopen'],
    ] as const)
      expect(() => nextStatus(M, from, a, ' ')).toThrow(/comment/);
  });

  it('refuses every move the table does not list, with the current status named (409)', () => {
    let refused = 0;
    for (const s of WORK_ORDER_STATUSES)
      for (const a of Object.keys(M.moves) as WorkOrderAction[]) {
        if (M.moves[a].from.includes(s)) continue;
        try {
          nextStatus(M, s, a, 'x');
          expect.unreachable();
        } catch (e) {
          expect((e as AppError).status).toBe(409);
          expect((e as AppError).details).toMatchObject({ current: s, currentLabel: WORK_ORDER_STATUS_LABELS[s] });
          refused++;
        }
      }
    expect(refused).toBeGreaterThan(60);
    expect(actionsFrom(M, 'closed')).toEqual([]);
    expect(actionsFrom(M, 'handling').sort()).toEqual(['reply', 'request_extension', 'return']);
  });

  it('the clock runs until the reply', () => {
    expect(WORK_ORDER_STATUSES.filter(isOpenStatus)).toEqual([
      'received',
      'dispatched',
      'handling',
      'extension_requested',
      'returned',
    ]);
  });
});
