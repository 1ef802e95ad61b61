import type { Kysely } from 'kysely';

/**
 * Issue 8, phone consultation (SPEC §3.3, annex 3): the calls window staff log, and the numbered
 * phone transfer forms (电话咨询答复流转单) sent to an owner department with a stored due time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('phone_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('caller_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('matter_id', 'text', (c) => c.references('matters.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('form_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('phone_calls_on_idx').on('phone_calls').columns(['created_on', 'status']).execute();

  await db.schema
    .createTable('phone_forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('call_id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('caller_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('matter_id', 'text', (c) => c.references('matters.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('transferred_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('overdue_at', 'text')
    .addColumn('reply', 'text')
    .addColumn('answered', 'integer')
    .addColumn('handler_name', 'text')
    .addColumn('head_name', 'text')
    .addColumn('reply_on', 'text')
    .addColumn('replied_by', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('kb_updated', 'integer')
    .addColumn('kb_proposal_id', 'text')
    .addColumn('kb_entry_id', 'text')
    .addColumn('kb_entry_on', 'text')
    .addColumn('no_kb_reason', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('phone_forms_dept_idx').on('phone_forms').columns(['department_id', 'status']).execute();
  await db.schema.createIndex('phone_forms_due_idx').on('phone_forms').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('phone_forms_on_idx').on('phone_forms').column('created_on').execute();
  await db.schema.createIndex('phone_forms_proposal_idx').on('phone_forms').column('kb_proposal_id').execute();
}
