import { actionsFrom } from '../../platform/state-machine/state-machine.js';
import type { Principal } from '../../platform/policy/principal.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import {
  WORK_ORDER_UNSATISFIED_MAX,
  type WorkOrderSource,
  type WorkOrderType,
} from '../../contracts/enums/work-orders.js';
import type { TWorkOrder, TWorkOrderItem } from '../../contracts/work-orders.js';
import { workOrdersPolicy } from './work-orders.policy.js';
import { accessOf, type ListedOrder, type LoadedOrder } from './work-orders.repo.js';
import { WORK_ORDER_MACHINE, type WorkOrderAction, type WorkOrderStatus } from './transitions.js';

/** An order in a list: the phone number masked, overdue while the clock runs past the due time. */
export function presentItem(o: ListedOrder, now: Date): TWorkOrderItem {
  const status = o.status as WorkOrderStatus;
  return {
    id: o.id,
    number: o.number,
    source: o.source as WorkOrderSource,
    externalNo: o.external_no,
    type: o.type as WorkOrderType,
    status,
    statusLabel: WORK_ORDER_MACHINE.statuses[status],
    title: o.title,
    citizenName: o.citizen_name,
    citizenPhone: maskPhone(o.citizen_phone),
    departmentId: o.department_id,
    receivedAt: o.received_at,
    dueAt: o.due_at,
    contactDueAt: o.contact_due_at,
    overdue: o.open === 1 && o.due_at < now.toISOString(),
    repliedAt: o.replied_at,
    satisfaction: o.satisfaction,
  };
}

/** The moves this user may make on the order now: the table's, filtered by who moves (hotline / department). */
export function allowedActions(p: Principal, o: LoadedOrder): WorkOrderAction[] {
  return actionsFrom(WORK_ORDER_MACHINE, o.status as WorkOrderStatus).filter((a) => {
    const by = WORK_ORDER_MACHINE.moves[a].by;
    const may = by === 'hotline' ? workOrdersPolicy.dispatch(p) : workOrdersPolicy.handle(p, accessOf(o));
    if (a === 'reopen') return may && (o.satisfaction ?? 5) <= WORK_ORDER_UNSATISFIED_MAX;
    return may;
  });
}

/** An order with everything staff need to work it (the phone still masked: revealing it is audited). */
export function presentOrder(p: Principal, o: LoadedOrder, now: Date): TWorkOrder {
  return {
    ...presentItem(o, now),
    content: o.content,
    matterId: o.matter_id,
    details: JSON.parse(o.details) as Record<string, unknown>,
    coDepartmentIds: o.coDepartmentIds,
    limitDays: o.limit_days,
    returnReason: o.return_reason,
    returnedCount: o.returned_count,
    extensionDays: o.extension_days,
    extensionReason: o.extension_reason,
    extended: o.extended === 1,
    reply: o.reply,
    resolved: o.resolved === null ? null : o.resolved === 1,
    unresolvedReason: o.unresolved_reason,
    handlerName: o.handler_name,
    handlerPhone: o.handler_phone,
    onTime: o.on_time === null ? null : o.on_time === 1,
    callbackNote: o.callback_note,
    calledBackAt: o.called_back_at,
    reopenedCount: o.reopened_count,
    closedAt: o.closed_at,
    actions: allowedActions(p, o),
    canPrintRecord: o.source === 'offline_report' && workOrdersPolicy.printRecord(p, accessOf(o)),
  };
}
