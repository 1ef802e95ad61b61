import { defineMachine } from '../../platform/state-machine/state-machine.js';

export type CallbackStatus = 'open' | 'called_back' | 'closed';
export type CallbackAction = 'call_back' | 'close';

/** A callback case: a call is logged, then the case is closed (or closed directly when unreachable). */
export const CALLBACK_MACHINE = defineMachine<CallbackStatus, CallbackAction>({
  table: 'callback_requests',
  subject: { zh: '回电工单', en: 'callback case' },
  statuses: {
    open: { zh: '待回电', en: 'Open' },
    called_back: { zh: '已回电', en: 'Called back' },
    closed: { zh: '已办结', en: 'Closed' },
  },
  moves: {
    call_back: { from: ['open'], to: 'called_back', label: { zh: '登记回电', en: 'log the call back' } },
    close: { from: ['open', 'called_back'], to: 'closed', label: { zh: '办结', en: 'close' } },
  },
});
