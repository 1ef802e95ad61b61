import { alertsAfterDueMoved } from '../../calendar/deadline-alerts.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { WORK_ORDER_UNSATISFIED_MAX } from '../../../contracts/enums/work-orders.js';
import { EXTENDED_WORKING_DAYS, orderDueAt, REOPEN_TYPE } from '../order-deadlines.js';
import { loadOrderType } from '../order-types.js';
import type { ReceiveDeps } from './receive-order.js';
import { moveOrder } from './move-order.js';

/**
 * 派单: the hotline office sends the order to one handling department (承办部门), optionally with
 * co-handling ones (协办), which may read it. A returned order is dispatched again the same way.
 */
export async function dispatchOrder(
  deps: ReceiveDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  input: { departmentId: string; coDepartmentIds: string[]; note?: string },
) {
  const co = [...new Set(input.coDepartmentIds)].filter((d) => d !== input.departmentId);
  const known = await deps.db
    .selectFrom('departments')
    .select('id')
    .where('id', 'in', [input.departmentId, ...co])
    .where('active', '=', 1)
    .execute();
  if (known.length !== co.length + 1)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '承办部门不存在或已停用，请重新选择。', en: 'Unknown or inactive department; choose another.' },
      { field: 'departmentId' },
    );
  return moveOrder(deps.db, p, actor, now, id, 'dispatch', {
    set: () => ({
      department_id: input.departmentId,
      dispatched_at: now.toISOString(),
      dispatched_by: actor.userId,
    }),
    departmentId: () => input.departmentId,
    data: () => ({ departmentId: input.departmentId, coDepartmentIds: co, note: input.note?.trim() || null }),
    after: async (trx) => {
      await trx.deleteFrom('work_order_co_departments').where('order_id', '=', id).execute();
      if (co.length)
        await trx
          .insertInto('work_order_co_departments')
          .values(co.map((d) => ({ order_id: id, department_id: d })))
          .execute();
    },
  });
}

/** 同意延期: the due time moves to `days` (15 by default) working days from the start of the clock. */
export async function approveExtension(
  deps: ReceiveDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  days?: number,
) {
  const [cal, cob] = await Promise.all([deps.workingTime.getCalendar(), deps.workingTime.closeOfBusiness()]);
  let dueAt = '';
  let granted = 0;
  return moveOrder(deps.db, p, actor, now, id, 'approve_extension', {
    set: (o) => {
      granted = days ?? o.extension_days ?? EXTENDED_WORKING_DAYS;
      dueAt = orderDueAt(cal, cob, new Date(o.clock_start_at), granted);
      return {
        limit_days: granted,
        due_at: dueAt,
        extended: 1,
        type: o.type === 'blocked_service' ? o.type : 'complex',
        // the alerts start again against the new due time (as after a holiday edit)
        ...alertsAfterDueMoved(o.overdue_at, dueAt, now),
      };
    },
    data: () => ({ days: granted, dueAt }),
  });
}

/** 不同意延期: the order stays due when it was; the reason goes to the department. */
export async function refuseExtension(
  deps: ReceiveDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  reason: string,
) {
  return moveOrder(deps.db, p, actor, now, id, 'refuse_extension', { comment: reason, data: () => ({ reason }) });
}

/** 回访: the hotline office records what the citizen says of the reply (five national levels). */
export async function callBackCitizen(
  deps: ReceiveDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  input: { satisfaction: number; note?: string },
) {
  const note = input.note?.trim() || null;
  return moveOrder(deps.db, p, actor, now, id, 'call_back', {
    set: () => ({ satisfaction: input.satisfaction, callback_note: note, called_back_at: now.toISOString() }),
    data: () => ({ satisfaction: input.satisfaction, note }),
  });
}

/**
 * 重办: after an unsatisfied callback (不满意 / 非常不满意) the order goes back to its department,
 * due again within the callback re-check limit (3 working days) from now.
 */
export async function reopenOrder(
  deps: ReceiveDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  reason: string,
) {
  const [cal, cob, recheck] = await Promise.all([
    deps.workingTime.getCalendar(),
    deps.workingTime.closeOfBusiness(),
    loadOrderType(deps.db, REOPEN_TYPE),
  ]);
  const dueAt = orderDueAt(cal, cob, now, recheck.workingDays);
  return moveOrder(deps.db, p, actor, now, id, 'reopen', {
    comment: reason,
    check: (o) => {
      if ((o.satisfaction ?? 5) > WORK_ORDER_UNSATISFIED_MAX)
        throw new AppError(
          'INVALID_TRANSITION',
          {
            zh: '市民对答复满意，不能重办；请直接销单。',
            en: 'The citizen was satisfied with the reply; close the order instead of reopening it.',
          },
          { current: o.status, satisfaction: o.satisfaction },
        );
    },
    set: (o) => ({
      clock_start_at: now.toISOString(),
      limit_days: recheck.workingDays,
      due_at: dueAt,
      pending_alert: 'remind',
      reopened_count: o.reopened_count + 1,
      on_time: null,
      replied_at: null,
      satisfaction: null,
    }),
    data: () => ({ reason, dueAt }),
  });
}

/** 销单: the hotline office closes the order out after the callback. */
export async function closeOrder(deps: ReceiveDeps, p: Principal, actor: Actor, now: Date, id: string) {
  return moveOrder(deps.db, p, actor, now, id, 'close', { set: () => ({ closed_at: now.toISOString() }) });
}
