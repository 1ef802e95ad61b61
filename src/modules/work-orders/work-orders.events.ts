import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

const move = z.object({ number: z.string(), from: z.string(), to: z.string() });
const alert = z.object({ number: z.string(), dueAt: z.string(), departmentId: z.string().nullable() });

/** Every change of a work order, in the order's history (the events table) and the audit trail. */
export const workOrderEvents = defineEvents({
  'work_order.received': {
    label: { zh: '工单受理', en: 'Work order received' },
    data: z.object({
      number: z.string(),
      source: z.string(),
      type: z.string(),
      dueAt: z.string(),
      externalNo: z.string().nullable(),
    }),
  },
  'work_order.dispatched': {
    label: { zh: '派单', en: 'Work order dispatched' },
    data: move.extend({ departmentId: z.string(), coDepartmentIds: z.array(z.string()), note: z.string().nullable() }),
  },
  'work_order.accepted': { label: { zh: '承办部门签收', en: 'Work order accepted' }, data: move },
  'work_order.returned': {
    label: { zh: '工单退回', en: 'Work order returned' },
    data: move.extend({ reason: z.string(), departmentId: z.string().nullable() }),
  },
  'work_order.extension_requested': {
    label: { zh: '申请延期', en: 'Extension requested' },
    data: move.extend({ days: z.number().int(), reason: z.string() }),
  },
  'work_order.extension_approved': {
    label: { zh: '同意延期', en: 'Extension approved' },
    data: move.extend({ days: z.number().int(), dueAt: z.string() }),
  },
  'work_order.extension_refused': {
    label: { zh: '不同意延期', en: 'Extension refused' },
    data: move.extend({ reason: z.string() }),
  },
  'work_order.replied': {
    label: { zh: '承办部门答复', en: 'Work order replied' },
    data: move.extend({ reply: z.string(), resolved: z.boolean(), onTime: z.boolean() }),
  },
  'work_order.called_back': {
    label: { zh: '回访', en: 'Citizen called back' },
    data: move.extend({ satisfaction: z.number().int(), note: z.string().nullable() }),
  },
  'work_order.reopened': {
    label: { zh: '工单重办', en: 'Work order reopened' },
    data: move.extend({ reason: z.string(), dueAt: z.string() }),
  },
  'work_order.closed': { label: { zh: '销单', en: 'Work order closed out' }, data: move },
  'work_order.reminded': { label: { zh: '工单即将到期提醒', en: 'Work order due soon' }, data: alert },
  'work_order.overdue': { label: { zh: '工单超期', en: 'Work order overdue' }, data: alert },
  'work_order.escalated': { label: { zh: '超期工单督办', en: 'Overdue work order escalated' }, data: alert },
  'work_order.phone_revealed': {
    label: { zh: '查看工单联系电话', en: 'Work order phone revealed' },
    data: z.object({ number: z.string() }),
  },
  'work_order.types_updated': {
    label: { zh: '修改工单类型时限', en: 'Work order time limits changed' },
    data: z.object({ code: z.string(), workingDays: z.number().int(), contactDays: z.number().int().nullable() }),
  },
});
