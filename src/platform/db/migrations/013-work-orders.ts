import type { Kysely } from 'kysely';

/**
 * Issue 8, hotline work orders and 办不成事 reports (SPEC §3.4): the orders (one row each, its
 * due time stored), co-handling departments, and the time limits per order type (a settings
 * table the administrator edits). The indexes match the lists (department / status / open,
 * sorted by due or received time with the id as tie-break, for keyset pages), the intake's
 * idempotency key (source + external number) and the deadline sweep (pending alert + due time).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('work_order_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    // 办不成事: contact the citizen within this many working days (null: no separate contact limit)
    .addColumn('contact_days', 'integer')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('work_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_no', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // 1 while the handling clock runs (received, returned, dispatched, handling, extension requested)
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('matter_id', 'text')
    .addColumn('citizen_name', 'text')
    .addColumn('citizen_phone', 'text')
    // what the channel adds (online report: when, what went wrong; window record: who accepted …), JSON
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text')
    // the handling clock: from clock_start_at, limit_days working days (stored due_at recomputable)
    .addColumn('clock_start_at', 'text', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('contact_due_at', 'text')
    // the next deadline alert to send ('remind' → 'overdue' → 'escalate'), null when none is left
    .addColumn('pending_alert', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('overdue_at', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('dispatched_by', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('returned_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply', 'text')
    .addColumn('resolved', 'integer')
    .addColumn('unresolved_reason', 'text')
    .addColumn('handler_name', 'text')
    .addColumn('handler_phone', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('replied_by', 'text')
    // replied by the due time: 1 / 0, null before the reply
    .addColumn('on_time', 'integer')
    .addColumn('satisfaction', 'integer')
    .addColumn('callback_note', 'text')
    .addColumn('called_back_at', 'text')
    .addColumn('reopened_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const idx = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('work_orders').columns(columns).execute();
  // a push API's retry (the 12345 order number) finds the order it created; NULLs never collide
  await db.schema
    .createIndex('work_orders_external_idx')
    .on('work_orders')
    .columns(['source', 'external_no'])
    .unique()
    .execute();
  await idx('work_orders_dept_status_due_idx', ['department_id', 'status', 'due_at', 'id']);
  await idx('work_orders_dept_open_due_idx', ['department_id', 'open', 'due_at', 'id']);
  await idx('work_orders_dept_due_idx', ['department_id', 'due_at', 'id']);
  await idx('work_orders_dept_recv_idx', ['department_id', 'received_at', 'id']);
  await idx('work_orders_status_due_idx', ['status', 'due_at', 'id']);
  await idx('work_orders_open_due_idx', ['open', 'due_at', 'id']);
  await idx('work_orders_due_idx', ['due_at', 'id']);
  await idx('work_orders_recv_idx', ['received_at', 'id']);
  await idx('work_orders_alert_idx', ['pending_alert', 'due_at']);
  await idx('work_orders_created_on_idx', ['created_on', 'department_id']);

  await db.schema
    .createTable('work_order_co_departments')
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_order_co_departments_pk', ['order_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('work_order_co_departments_dept_idx')
    .on('work_order_co_departments')
    .columns(['department_id', 'order_id'])
    .execute();
}
