import type { Db } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import type { Insertable } from 'kysely';
import { takeCounters } from '../../../platform/db/counters.js';
import { groupCommitOf, type BatchKind } from '../../../platform/db/group-commit.js';
import type { WorkOrderTable } from '../../../platform/db/schema.js';
import { recordEvents, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import type { WorkingTimeService } from '../../calendar/working-time-service.js';
import { orderDueAt } from '../order-deadlines.js';
import { loadOrderType } from '../order-types.js';
import type { TReceiveOrder } from '../work-orders.schemas.js';

export interface ReceiveDeps {
  db: Db;
  workingTime: WorkingTimeService;
}

export interface OrderReceipt {
  id: string;
  number: string;
  dueAt: string;
  /** true: the sender's number was already received; this is the order it made then */
  duplicate: boolean;
}

async function findByExternal(db: Db, source: string, externalNo: string): Promise<OrderReceipt | null> {
  const r = await db
    .selectFrom('work_orders')
    .select(['id', 'number', 'due_at'])
    .where('source', '=', source)
    .where('external_no', '=', externalNo)
    .executeTakeFirst();
  return r ? { id: r.id, number: r.number, dueAt: r.due_at, duplicate: true } : null;
}

type NewOrderRow = Omit<Insertable<WorkOrderTable>, 'number'> & { id: string; due_at: string };

interface Receiving {
  actor: Actor;
  now: Date;
  /** the year of the receipt number (GD + year + sequence) */
  year: string;
  row: NewOrderRow;
}

/** Orders received together: numbers taken per year in one statement, then one insert for the orders and one for their events. */
const RECEIVE_KIND: BatchKind<Receiving, OrderReceipt> = {
  async many(trx, items) {
    const numbers = new Map<Receiving, string>();
    for (const year of new Set(items.map((i) => i.year))) {
      const ofYear = items.filter((i) => i.year === year);
      const last = await takeCounters(trx, `work_order:${year}`, ofYear.length);
      ofYear.forEach((i, k) => numbers.set(i, `GD${year}${String(last - ofYear.length + 1 + k).padStart(7, '0')}`));
    }
    await trx
      .insertInto('work_orders')
      .values(items.map((i) => ({ ...i.row, number: numbers.get(i)! })))
      .execute();
    await recordEvents(
      trx,
      items.map((i) => ({
        actor: i.actor,
        now: i.now,
        input: {
          type: 'work_order.received' as const,
          subjectType: 'work_order',
          subjectId: i.row.id,
          subjectLabel: numbers.get(i)!,
          data: {
            number: numbers.get(i)!,
            source: i.row.source,
            type: i.row.type,
            dueAt: i.row.due_at,
            externalNo: i.row.external_no ?? null,
          },
        },
      })),
    );
    return items.map((i) => ({ id: i.row.id, number: numbers.get(i)!, dueAt: i.row.due_at, duplicate: false }));
  },
};

/**
 * Every intake ends here (the hotline office's form, an online or window 办不成事 report, a live-help
 * case, later the 12345 push API): a receipt number (GD + year + sequence), the due time of its type
 * by the working-time engine, stored, and the `work_order.received` event. With the sender's own
 * number (`externalNo`) a retry is answered with the order it already made, also when two copies
 * race (the unique index on source + external number decides). Orders received at the same time
 * are stored by the group commit (one transaction for the batch; a duplicate in it fails alone).
 */
export async function receiveOrder(
  deps: ReceiveDeps,
  actor: Actor,
  now: Date,
  input: TReceiveOrder,
): Promise<OrderReceipt> {
  const externalNo = input.externalNo?.trim() || null;
  if (externalNo) {
    const seen = await findByExternal(deps.db, input.source, externalNo);
    if (seen) return seen;
  }
  const [limits, cal, cob] = await Promise.all([
    loadOrderType(deps.db, input.type),
    deps.workingTime.getCalendar(),
    deps.workingTime.closeOfBusiness(),
  ]);
  const receivedAt = input.receivedAt ?? now;
  const dueAt = orderDueAt(cal, cob, receivedAt, limits.workingDays);
  const contactDueAt = limits.contactDays === null ? null : orderDueAt(cal, cob, receivedAt, limits.contactDays);
  try {
    const year = shanghaiDate(now).slice(0, 4);
    const at = now.toISOString();
    // orders arriving together (a 12345 burst, an import) are stored together: one transaction,
    // their numbers taken at once, one multi-row insert each for the orders and their events
    return await groupCommitOf(deps.db).add(`work_order:${year}`, RECEIVE_KIND, {
      actor,
      now,
      year,
      row: {
        id: newId(),
        source: input.source,
        external_no: externalNo,
        type: input.type,
        status: 'received',
        open: 1,
        title: input.title,
        content: input.content,
        matter_id: input.matterId ?? null,
        citizen_name: input.citizenName ?? null,
        citizen_phone: input.citizenPhone ?? null,
        details: JSON.stringify(input.details ?? {}),
        department_id: null,
        received_at: receivedAt.toISOString(),
        received_by: actor.userId,
        clock_start_at: receivedAt.toISOString(),
        limit_days: limits.workingDays,
        due_at: dueAt,
        contact_due_at: contactDueAt,
        pending_alert: 'remind',
        returned_count: 0,
        extended: 0,
        reopened_count: 0,
        created_at: at,
        created_on: shanghaiDate(receivedAt),
        updated_at: at,
      },
    });
  } catch (e) {
    if (externalNo && isUniqueViolation(e)) {
      const seen = await findByExternal(deps.db, input.source, externalNo);
      if (seen) return seen;
    }
    throw e;
  }
}
