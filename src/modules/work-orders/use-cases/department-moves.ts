import type { Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import type { ReceiveDeps } from './receive-order.js';
import { moveOrder } from './move-order.js';

/** 签收: the handling department takes the order it was sent. */
export async function acceptOrder(deps: ReceiveDeps, p: Principal, actor: Actor, now: Date, id: string) {
  return moveOrder(deps.db, p, actor, now, id, 'accept');
}

/**
 * 退回: not this department's matter; the order goes back to the hotline office with the reason,
 * and leaves the department's list (and the co-handling departments') until dispatched again.
 */
export async function returnOrder(
  deps: ReceiveDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  reason: string,
) {
  return moveOrder(deps.db, p, actor, now, id, 'return', {
    comment: reason,
    set: (o) => ({ department_id: null, return_reason: reason, returned_count: o.returned_count + 1 }),
    data: (o) => ({ reason, departmentId: o.department_id }),
    after: async (trx, o) => {
      await trx.deleteFrom('work_order_co_departments').where('order_id', '=', o.id).execute();
    },
  });
}

/** 申请延期: a complex matter needs more time (15 working days by default); the hotline office decides. */
export async function requestExtension(
  deps: ReceiveDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  input: { days: number; reason: string },
) {
  return moveOrder(deps.db, p, actor, now, id, 'request_extension', {
    comment: input.reason,
    set: () => ({ extension_days: input.days, extension_reason: input.reason }),
    data: () => ({ days: input.days, reason: input.reason }),
  });
}

/**
 * 答复: the department's result (核实处置情况, 问题是否解决, 未解决原因, 承办人 of annex 6); whether it
 * came by the due time is stored for the performance review, and the deadline alerts stop.
 */
export async function replyOrder(
  deps: ReceiveDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  input: { reply: string; resolved: boolean; unresolvedReason?: string; handlerName?: string; handlerPhone?: string },
) {
  let onTime = true;
  return moveOrder(deps.db, p, actor, now, id, 'reply', {
    set: (o) => {
      onTime = now.toISOString() <= o.due_at;
      return {
        reply: input.reply,
        resolved: input.resolved ? 1 : 0,
        unresolved_reason: input.resolved ? null : input.unresolvedReason?.trim() || null,
        handler_name: input.handlerName?.trim() || p.displayName,
        handler_phone: input.handlerPhone?.trim() || null,
        replied_at: now.toISOString(),
        replied_by: p.id,
        on_time: onTime ? 1 : 0,
        pending_alert: null,
      };
    },
    data: () => ({ reply: input.reply, resolved: input.resolved, onTime }),
  });
}
