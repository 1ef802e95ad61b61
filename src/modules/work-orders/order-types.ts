import type { DbOrTrx } from '../../platform/db/connect.js';
import type { WorkOrderType } from '../../contracts/enums/work-orders.js';
import { DEFAULT_ORDER_TYPES, type OrderTypeLimits } from './order-deadlines.js';

/** The time limits of every order type, from the settings table (the shipped defaults for a missing row). */
export async function loadOrderTypes(db: DbOrTrx): Promise<OrderTypeLimits[]> {
  const rows = await db.selectFrom('work_order_types').selectAll().orderBy('sort_order').execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return DEFAULT_ORDER_TYPES.map((d) => {
    const r = byCode.get(d.code);
    return r
      ? { code: d.code, nameZh: r.name_zh, nameEn: r.name_en, workingDays: r.working_days, contactDays: r.contact_days }
      : d;
  });
}

/** One type's limits (a single-row read on the intake path). */
export async function loadOrderType(db: DbOrTrx, code: WorkOrderType): Promise<OrderTypeLimits> {
  const r = await db.selectFrom('work_order_types').selectAll().where('code', '=', code).executeTakeFirst();
  const d = DEFAULT_ORDER_TYPES.find((t) => t.code === code)!;
  return r
    ? { code, nameZh: r.name_zh, nameEn: r.name_en, workingDays: r.working_days, contactDays: r.contact_days }
    : d;
}

/** Presets the shipped time limits once (insert-if-missing: an administrator's edit stays). */
export async function seedOrderTypes(db: DbOrTrx, now: Date): Promise<void> {
  const have = new Set((await db.selectFrom('work_order_types').select('code').execute()).map((r) => r.code));
  const missing = DEFAULT_ORDER_TYPES.filter((t) => !have.has(t.code));
  if (!missing.length) return;
  await db
    .insertInto('work_order_types')
    .values(
      missing.map((t) => ({
        code: t.code,
        name_zh: t.nameZh,
        name_en: t.nameEn,
        working_days: t.workingDays,
        contact_days: t.contactDays,
        sort_order: DEFAULT_ORDER_TYPES.indexOf(t),
        updated_at: now.toISOString(),
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
