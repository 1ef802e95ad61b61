import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { eventLabel, recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { WORK_ORDER_CITIZEN_STATUS, type WorkOrderStatus } from '../../../contracts/enums/work-orders.js';
import type { TReportStatus, TWorkOrderHistory } from '../../../contracts/work-orders.js';
import { workOrdersPolicy } from '../work-orders.policy.js';
import { accessOf, requireReadableOrder } from '../work-orders.repo.js';

/** An order's history: its events in the order they happened (the same rows as the audit trail). */
export async function orderHistory(db: Db, p: Principal, id: string): Promise<TWorkOrderHistory> {
  await requireReadableOrder(db, p, id);
  const rows = await db
    .selectFrom('events')
    .select(['id', 'type', 'actor_label', 'created_at', 'data'])
    .where('subject_type', '=', 'work_order')
    .where('subject_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    items: rows.map((e) => ({
      id: Number(e.id),
      type: e.type,
      typeLabel: eventLabel(e.type),
      actor: e.actor_label,
      at: e.created_at,
      data: JSON.parse(e.data) as Record<string, unknown>,
    })),
  };
}

/** Shows the hotline office or the handling department the full number to call; every look is audited. */
export async function revealOrderPhone(db: Db, p: Principal, actor: Actor, now: Date, id: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const o = await requireReadableOrder(trx, p, id);
    if (!workOrdersPolicy.dispatch(p) && !workOrdersPolicy.handle(p, accessOf(o))) throw new AppError('FORBIDDEN');
    await recordEvent(trx, actor, now, {
      type: 'work_order.phone_revealed',
      subjectType: 'work_order',
      subjectId: id,
      subjectLabel: o.number,
      departmentId: o.department_id,
      data: { number: o.number },
    });
    return o.citizen_phone ?? '';
  });
}

/**
 * The citizen's lookup by receipt number + the phone given with the report: the status in plain
 * words and, once the department replied, the reply (seed art. 13: the result goes back to the
 * citizen). A wrong number or phone answers the same 404, so numbers cannot be probed.
 */
export async function lookupReport(db: Db, number: string, phone: string): Promise<TReportStatus> {
  const o = await db
    .selectFrom('work_orders')
    .select(['number', 'title', 'received_at', 'status', 'reply', 'replied_at', 'citizen_phone'])
    .where('number', '=', number.trim().toUpperCase())
    .executeTakeFirst();
  if (!o || !o.citizen_phone || o.citizen_phone !== phone)
    throw new AppError('NOT_FOUND', {
      zh: '没有找到这条反映，请核对受理编号和手机号码。',
      en: 'No report found; check the receipt number and the phone number.',
    });
  const status = o.status as WorkOrderStatus;
  const answered = status === 'replied' || status === 'called_back' || status === 'closed';
  return {
    number: o.number,
    title: o.title,
    receivedAt: o.received_at,
    status: WORK_ORDER_CITIZEN_STATUS[status],
    reply: answered ? o.reply : null,
    repliedAt: answered ? o.replied_at : null,
    closed: status === 'closed',
  };
}
