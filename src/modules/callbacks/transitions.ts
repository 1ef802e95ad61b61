import { defineMachine } from '../../platform/state-machine/state-machine.js';
import { CALLBACK_STATUS_LABELS, type CallbackStatus } from '../../contracts/enums/callbacks.js';

export type { CallbackStatus };
export type CallbackAction = 'call_back' | 'close';

/** A callback case: a call is logged, then the case is closed (or closed directly when unreachable). */
export const CALLBACK_MACHINE = defineMachine<CallbackStatus, CallbackAction>({
  table: 'callback_requests',
  subject: { zh: '回电工单', en: 'callback case' },
  // The statuses' names are the contracts' (the web app shows the same ones).
  statuses: CALLBACK_STATUS_LABELS,
  moves: {
    call_back: { from: ['open'], to: 'called_back', label: { zh: '登记回电', en: 'log the call back' } },
    close: { from: ['open', 'called_back'], to: 'closed', label: { zh: '办结', en: 'close' } },
  },
});
