import type { Db } from '../../platform/db/connect.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import type { HotlineResultKind } from '../../contracts/enums/integrations.js';
import { findDepartment } from '../org/org.repo.js';
import { queueDelivery } from '../notifications/use-cases/queue-delivery.js';
import { findOrder, type LoadedOrder } from '../work-orders/work-orders.repo.js';
import { findClient, scopesOf } from './clients.repo.js';

/** The work-order events whose result goes back to the 12345 city platform. */
export const RESULT_EVENT_KINDS = {
  'work_order.replied': 'replied',
  'work_order.extension_approved': 'extended',
  'work_order.closed': 'closed',
} as const satisfies Record<string, HotlineResultKind>;
export const RESULT_EVENTS = Object.keys(RESULT_EVENT_KINDS);

const KIND_LABELS: Record<HotlineResultKind, string> = { replied: '答复', extended: '延期', closed: '办结' };

/** The idempotency key of one result: from the event, so every resend of it carries the same key. */
export function resultKey(eventId: number): string {
  return `bangban-result-${eventId}`;
}

/** The JSON body of a result (docs/integrations.md, "Results"); fixed when queued, never rebuilt. */
export function resultBody(order: LoadedOrder, e: StoredEvent, department: { id: string; name: string } | null) {
  const kind = RESULT_EVENT_KINDS[e.type as keyof typeof RESULT_EVENT_KINDS];
  const d = e.data;
  return {
    idempotencyKey: resultKey(Number(e.id)),
    kind,
    orderNo: order.external_no,
    number: order.number,
    occurredAt: e.createdAt,
    department,
    ...(kind === 'replied'
      ? {
          reply: {
            text: d.reply as string,
            resolved: d.resolved as boolean,
            onTime: d.onTime as boolean,
            unresolvedReason: order.unresolved_reason,
            handlerName: order.handler_name,
          },
        }
      : {}),
    ...(kind === 'extended' ? { extension: { days: d.days as number, dueAt: d.dueAt as string } } : {}),
    ...(kind === 'closed' ? { closedAt: e.createdAt } : {}),
  };
}

/**
 * The durable consumer's work for one reply, approved extension or close-out: when the order came
 * from a client system that takes results (scope `orders:results`, a callback address), one signed
 * callback is queued in the notifications outbox, keyed by the event, so an event seen twice
 * queues it once. Orders that 12345 did not push (typed in, imported) have no client to answer.
 */
export async function queueHotlineResult(db: Db, e: StoredEvent, now: Date): Promise<boolean> {
  if (!(e.type in RESULT_EVENT_KINDS) || !e.subjectId) return false;
  const order = await findOrder(db, e.subjectId);
  if (!order || order.source !== 'hotline_12345' || !order.external_no) return false;
  const clientId = (JSON.parse(order.details || '{}') as { apiClientId?: string }).apiClientId;
  const client = clientId ? await findClient(db, clientId) : undefined;
  if (!client || client.status !== 'active' || !client.callback_url || !scopesOf(client).includes('orders:results'))
    return false;
  const dept = order.department_id ? await findDepartment(db, order.department_id) : undefined;
  const body = resultBody(order, e, dept ? { id: dept.id, name: dept.name_zh } : null);
  return queueDelivery(db, now, {
    dedupeKey: `hotline-result:${e.id}`,
    channel: 'api_callback',
    target: client.id,
    subject: `12345 ${order.external_no} ${KIND_LABELS[body.kind]}（${order.number}）→ ${client.name}`,
    body: JSON.stringify(body),
    eventId: Number(e.id),
    departmentId: order.department_id,
  });
}
