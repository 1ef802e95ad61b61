import type { Db, Trx } from '../../../platform/db/connect.js';
import type { Actor, EventInput } from '../../../platform/events/record-event.js';
import { authorize } from '../../../platform/policy/authorize.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import { workOrdersPolicy } from '../work-orders.policy.js';
import { accessOf, requireReadableOrder, type LoadedOrder } from '../work-orders.repo.js';
import { isOpenStatus, WORK_ORDER_MACHINE, type WorkOrderAction, type WorkOrderStatus } from '../transitions.js';

/** The event each move records. */
const EVENT_OF: Record<WorkOrderAction, EventInput['type']> = {
  dispatch: 'work_order.dispatched',
  accept: 'work_order.accepted',
  return: 'work_order.returned',
  request_extension: 'work_order.extension_requested',
  approve_extension: 'work_order.extension_approved',
  refuse_extension: 'work_order.extension_refused',
  reply: 'work_order.replied',
  call_back: 'work_order.called_back',
  reopen: 'work_order.reopened',
  close: 'work_order.closed',
};

export interface MoveSpec {
  /** the reason a return, refusal or reopen needs */
  comment?: string | null;
  /** checks that need the order (before anything changes) */
  check?(o: LoadedOrder): void;
  /** the columns the move changes besides the status */
  set?(o: LoadedOrder, to: WorkOrderStatus): Record<string, unknown>;
  /** the event's data besides number / from / to */
  data?(o: LoadedOrder): Record<string, unknown>;
  /** the department the event belongs to (default: the handling department before the move) */
  departmentId?(o: LoadedOrder): string | null;
  /** more writes to the module's own tables, in the same transaction, after the status changed */
  after?(trx: Trx, o: LoadedOrder): Promise<void>;
}

/**
 * One move of an order, in one transaction: load it (404 unless this user may see it), check who
 * may make the move (the hotline office or the handling department), then transition() — of two
 * concurrent moves one wins and the other gets 409 with the status the winner left.
 */
export async function moveOrder(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  action: WorkOrderAction,
  spec: MoveSpec = {},
): Promise<LoadedOrder> {
  return db.transaction().execute(async (trx) => {
    const o = await requireReadableOrder(trx, p, id);
    const by = WORK_ORDER_MACHINE.moves[action].by;
    if (by === 'hotline') authorize(p, workOrdersPolicy.dispatch);
    else authorize(p, workOrdersPolicy.handle, accessOf(o));
    spec.check?.(o);
    await transition(trx, WORK_ORDER_MACHINE, {
      id,
      action,
      actor,
      now,
      row: o,
      comment: spec.comment,
      set: (r, to) => ({ ...spec.set?.(r, to), open: isOpenStatus(to) ? 1 : 0, updated_at: now.toISOString() }),
      event: (r, to) =>
        ({
          type: EVENT_OF[action],
          subjectType: 'work_order',
          subjectId: id,
          subjectLabel: r.number,
          departmentId: spec.departmentId ? spec.departmentId(r) : r.department_id,
          data: { number: r.number, from: r.status, to, ...spec.data?.(r) },
        }) as EventInput,
    });
    await spec.after?.(trx, o);
    return o;
  });
}
