import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

const move = z.object({ number: z.string(), from: z.string(), to: z.string(), result: z.string() });

/**
 * What a callback case records: created with its due time, phone looked at, called back, closed;
 * the reminder sweep records once each when an open case is nearly due and when it is overdue.
 */
export const callbackEvents = defineEvents({
  'callback.created': {
    label: { zh: '市民留言', en: 'Callback message left' },
    data: z.object({ number: z.string(), dueAt: z.string(), channel: z.string() }),
  },
  'callback.phone_revealed': {
    label: { zh: '查看留言人号码', en: 'Caller number revealed' },
    data: z.object({ number: z.string() }),
  },
  'callback.called_back': { label: { zh: '登记回电', en: 'Call back logged' }, data: move },
  'callback.closed': { label: { zh: '留言办结', en: 'Callback closed' }, data: move },
  'callback.due_soon': {
    label: { zh: '留言回电即将到期', en: 'Callback due soon' },
    data: z.object({ number: z.string(), dueAt: z.string() }),
  },
  'callback.overdue': {
    label: { zh: '留言回电已超期', en: 'Callback overdue' },
    data: z.object({ number: z.string(), dueAt: z.string() }),
  },
});
