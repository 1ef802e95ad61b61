import type { Db } from '../../../platform/db/connect.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { WorkOrderType } from '../../../contracts/enums/work-orders.js';
import { DEFAULT_ORDER_TYPES } from '../order-deadlines.js';
import { seedOrderTypes } from '../order-types.js';

/**
 * The administrator changes a type's time limit (another bureau, a new city rule). New orders get
 * it; orders already received keep the due time they were given.
 */
export async function updateOrderType(
  db: Db,
  actor: Actor,
  now: Date,
  code: WorkOrderType,
  input: { workingDays: number; contactDays?: number | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await seedOrderTypes(trx, now);
    const contactDays =
      input.contactDays === undefined
        ? (DEFAULT_ORDER_TYPES.find((t) => t.code === code)?.contactDays ?? null)
        : input.contactDays;
    await trx
      .updateTable('work_order_types')
      .set({ working_days: input.workingDays, contact_days: contactDays, updated_at: now.toISOString() })
      .where('code', '=', code)
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'work_order.types_updated',
      subjectType: 'work_order_type',
      subjectId: code,
      subjectLabel: code,
      data: { code, workingDays: input.workingDays, contactDays },
    });
  });
}
