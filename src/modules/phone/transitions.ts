import { defineMachine } from '../../platform/state-machine/state-machine.js';
import {
  PHONE_CALL_STATUS_LABELS,
  PHONE_FORM_STATUS_LABELS,
  type PhoneCallStatus,
  type PhoneFormStatus,
} from '../../contracts/enums/phone.js';

export type { PhoneCallStatus, PhoneFormStatus };
export type PhoneCallAction = 'answer' | 'transfer';
export type PhoneFormAction = 'reply' | 'return' | 'retransfer' | 'close';

/** A logged call is answered on the spot or becomes a transfer form, once. */
export const CALL_MACHINE = defineMachine<PhoneCallStatus, PhoneCallAction>({
  table: 'phone_calls',
  subject: { zh: '来电记录', en: 'phone call' },
  statuses: PHONE_CALL_STATUS_LABELS,
  moves: {
    answer: { from: ['open'], to: 'answered', label: { zh: '当场解答', en: 'answer on the spot' } },
    transfer: { from: ['open'], to: 'transferred', label: { zh: '转办', en: 'transfer' } },
  },
});

/**
 * 电话咨询答复流转单 (seed art. 10.1): the department replies (or returns a form that is not
 * theirs), the window re-sends a returned form, and closes a replied one after updating the KB.
 */
export const FORM_MACHINE = defineMachine<PhoneFormStatus, PhoneFormAction>({
  table: 'phone_forms',
  subject: { zh: '电话转办单', en: 'phone transfer form' },
  statuses: PHONE_FORM_STATUS_LABELS,
  moves: {
    reply: { from: ['transferred'], to: 'replied', label: { zh: '答复', en: 'reply' }, by: 'department' },
    return: { from: ['transferred'], to: 'returned', label: { zh: '退回窗口', en: 'return' }, by: 'department' },
    retransfer: {
      from: ['returned'],
      to: 'transferred',
      label: { zh: '重新转派', en: 'transfer again' },
      by: 'window',
    },
    close: { from: ['replied'], to: 'closed', label: { zh: '办结', en: 'close' }, by: 'window' },
  },
});
