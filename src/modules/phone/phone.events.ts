import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

const form = { formId: z.string(), number: z.string() };
const move = z.object({ ...form, from: z.string(), to: z.string() });
const alert = z.object({ ...form, departmentId: z.string(), dueAt: z.string() });

/** What phone consultation records: calls logged and answered, every move of a transfer form. */
export const phoneEvents = defineEvents({
  'phone.call_logged': {
    label: { zh: '登记来电', en: 'Phone call logged' },
    data: z.object({ callId: z.string(), type: z.string(), answered: z.boolean() }),
  },
  'phone.call_answered': {
    label: { zh: '来电当场解答', en: 'Call answered on the spot' },
    data: z.object({ callId: z.string() }),
  },
  'phone.call_transferred': {
    label: { zh: '来电转办', en: 'Call transferred' },
    data: z.object({ callId: z.string(), ...form }),
  },
  'phone.form_transferred': {
    label: { zh: '电话转办单转派', en: 'Phone transfer form sent' },
    data: z.object({
      ...form,
      from: z.string().nullable(),
      to: z.string(),
      departmentId: z.string(),
      dueAt: z.string(),
    }),
  },
  'phone.form_replied': {
    label: { zh: '部门答复电话转办单', en: 'Phone transfer form replied' },
    data: move.extend({ answered: z.boolean() }),
  },
  'phone.form_returned': {
    label: { zh: '部门退回电话转办单', en: 'Phone transfer form returned' },
    data: move.extend({ reason: z.string() }),
  },
  'phone.form_closed': {
    label: { zh: '电话转办单办结', en: 'Phone transfer form closed' },
    data: move.extend({ kbUpdated: z.boolean(), proposalId: z.string().nullable() }),
  },
  'phone.transfer_reminded': {
    label: { zh: '电话转办单即将到期提醒', en: 'Phone transfer form due soon' },
    data: alert,
  },
  'phone.transfer_overdue': {
    label: { zh: '电话转办单超时未答复', en: 'Phone transfer form overdue' },
    data: alert,
  },
  'phone.transfer_escalated': {
    label: { zh: '超时电话转办单督办', en: 'Overdue phone transfer form escalated' },
    data: alert,
  },
  'phone.kb_entry_linked': {
    label: { zh: '知识提议已采纳', en: 'KB proposal accepted as an entry' },
    data: z.object({ ...form, entryId: z.string() }),
  },
  'phone.kb_entry_recorded': {
    label: { zh: '记录入库日期', en: 'KB entry date recorded' },
    data: z.object({ ...form, entryId: z.string(), entryOn: z.string() }),
  },
});
