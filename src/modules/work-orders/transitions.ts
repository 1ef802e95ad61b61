import { defineMachine } from '../../platform/state-machine/state-machine.js';
import {
  OPEN_WORK_ORDER_STATUSES,
  WORK_ORDER_STATUS_LABELS,
  type WorkOrderAction,
  type WorkOrderStatus,
} from '../../contracts/enums/work-orders.js';

export type { WorkOrderAction, WorkOrderStatus };

/**
 * A work order's lifecycle (seed art. 10.3, 13; annex 5): the hotline office dispatches, the
 * handling department accepts, replies, returns a misdirected order or asks for more time; the
 * hotline office rules on the extension, calls the citizen back, reopens after an unsatisfied
 * callback and closes out. `by` names who moves it: 'hotline' or 'department'.
 */
export const WORK_ORDER_MACHINE = defineMachine<WorkOrderStatus, WorkOrderAction>({
  table: 'work_orders',
  subject: { zh: '工单', en: 'work order' },
  statuses: WORK_ORDER_STATUS_LABELS,
  moves: {
    dispatch: {
      from: ['received', 'returned'],
      to: 'dispatched',
      label: { zh: '派单', en: 'dispatch' },
      by: 'hotline',
    },
    accept: { from: ['dispatched'], to: 'handling', label: { zh: '签收', en: 'accept' }, by: 'department' },
    return: {
      from: ['dispatched', 'handling'],
      to: 'returned',
      label: { zh: '退回', en: 'return' },
      needsComment: true,
      by: 'department',
    },
    request_extension: {
      from: ['handling'],
      to: 'extension_requested',
      label: { zh: '申请延期', en: 'request an extension' },
      needsComment: true,
      by: 'department',
    },
    approve_extension: {
      from: ['extension_requested'],
      to: 'handling',
      label: { zh: '同意延期', en: 'approve the extension' },
      by: 'hotline',
    },
    refuse_extension: {
      from: ['extension_requested'],
      to: 'handling',
      label: { zh: '不同意延期', en: 'refuse the extension' },
      needsComment: true,
      by: 'hotline',
    },
    reply: { from: ['dispatched', 'handling'], to: 'replied', label: { zh: '答复', en: 'reply' }, by: 'department' },
    call_back: { from: ['replied'], to: 'called_back', label: { zh: '回访', en: 'call back' }, by: 'hotline' },
    reopen: {
      from: ['called_back'],
      to: 'handling',
      label: { zh: '重办', en: 'reopen' },
      needsComment: true,
      by: 'hotline',
    },
    close: { from: ['called_back'], to: 'closed', label: { zh: '销单', en: 'close out' }, by: 'hotline' },
  },
});

/** Whether the handling clock runs in a status (stored as `open`, which the lists and the sweep index). */
export function isOpenStatus(s: WorkOrderStatus): boolean {
  return OPEN_WORK_ORDER_STATUSES.includes(s);
}
