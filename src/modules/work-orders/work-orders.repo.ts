import { sql, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/connect.js';
import type { WorkOrderTable } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/policy/principal.js';
import { workOrdersPolicy, type OrderAccess } from './work-orders.policy.js';
import type { TListOrders } from './work-orders.schemas.js';
import { WORK_ORDER_MACHINE } from './transitions.js';

export type OrderRow = Selectable<WorkOrderTable>;
export type LoadedOrder = OrderRow & { coDepartmentIds: string[] };

export function accessOf(o: LoadedOrder): OrderAccess {
  return { departmentId: o.department_id, coDepartmentIds: o.coDepartmentIds };
}

/** An order with its co-handling departments, or null. */
export async function findOrder(db: DbOrTrx, id: string): Promise<LoadedOrder | null> {
  const row = await db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const co = await db
    .selectFrom('work_order_co_departments')
    .select('department_id')
    .where('order_id', '=', id)
    .execute();
  return { ...row, coDepartmentIds: co.map((c) => c.department_id) };
}

/** The order if this user may see it; 404 otherwise (another department's order does not exist for them). */
export async function requireReadableOrder(db: DbOrTrx, p: Principal, id: string): Promise<LoadedOrder> {
  const o = await findOrder(db, id);
  if (!o || !workOrdersPolicy.readOrder(p, accessOf(o))) throw notFound(WORK_ORDER_MACHINE.subject);
  return o;
}

const COLUMNS = [
  'o.id',
  'o.number',
  'o.source',
  'o.external_no',
  'o.type',
  'o.status',
  'o.open',
  'o.title',
  'o.citizen_name',
  'o.citizen_phone',
  'o.department_id',
  'o.received_at',
  'o.due_at',
  'o.contact_due_at',
  'o.replied_at',
  'o.satisfaction',
] as const;

export type ListedOrder = Pick<
  OrderRow,
  | 'id'
  | 'number'
  | 'source'
  | 'external_no'
  | 'type'
  | 'status'
  | 'open'
  | 'title'
  | 'citizen_name'
  | 'citizen_phone'
  | 'department_id'
  | 'received_at'
  | 'due_at'
  | 'contact_due_at'
  | 'replied_at'
  | 'satisfaction'
>;

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', {
    zh: '翻页参数无效，请从第一页开始。',
    en: 'Invalid page cursor; start again.',
  });
}

/**
 * One keyset page of orders: sorted by due time (soonest first) or received time (newest first),
 * the id as tie-break; the next page starts after the last row's (time, id), so every page costs
 * the same index range read whatever its depth, and nothing counts the whole table. A department
 * user sees its own orders (or, with role=co, those it co-handles); the hotline office all.
 */
export async function listOrders(
  db: DbOrTrx,
  p: Principal,
  now: Date,
  f: TListOrders,
): Promise<{ items: ListedOrder[]; nextCursor: string | null }> {
  const seesAll = workOrdersPolicy.seeAll(p);
  const departmentId = seesAll ? (f.departmentId ?? null) : p.departmentId;
  if (!seesAll && !departmentId) return { items: [], nextCursor: null };
  let q = db.selectFrom('work_orders as o').select(COLUMNS);
  if (f.role === 'co' && departmentId) {
    q = q.innerJoin('work_order_co_departments as c', 'c.order_id', 'o.id').where('c.department_id', '=', departmentId);
  } else if (departmentId) q = q.where('o.department_id', '=', departmentId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.source) q = q.where('o.source', '=', f.source);
  if (f.type) q = q.where('o.type', '=', f.type);
  if (f.overdue === '1') q = q.where('o.open', '=', 1).where('o.due_at', '<', now.toISOString());
  else if (f.open) q = q.where('o.open', '=', Number(f.open));
  const col = f.sort === 'due' ? 'due_at' : 'received_at';
  const asc = f.sort === 'due';
  if (f.cursor) {
    const [v, id] = decodeCursor(f.cursor);
    q = asc
      ? q.where(sql<boolean>`(${sql.ref(`o.${col}`)}, o.id) > (${v}, ${id})`)
      : q.where(sql<boolean>`(${sql.ref(`o.${col}`)}, o.id) < (${v}, ${id})`);
  }
  const rows = await q
    .orderBy(`o.${col}`, asc ? 'asc' : 'desc')
    .orderBy('o.id', asc ? 'asc' : 'desc')
    .limit(f.limit + 1)
    .execute();
  const more = rows.length > f.limit;
  const items = more ? rows.slice(0, f.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor(last[col], last.id) : null };
}
