import type { Kysely } from 'kysely';

/**
 * Issue 7, live help: staff work numbers (工号, shown to citizens), the live-help duty roster,
 * each agent's duty state and sign-in records (late / early minutes stored), forbidden phrases
 * (禁语) with their suggested wording, the warnings they raised, and canned replies (常用语).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('work_number', 'text').execute();
  // unique when set: both engines allow many NULLs in a unique index
  await db.schema.createIndex('users_work_number_idx').on('users').column('work_number').unique().execute();

  await db.schema
    .createTable('duty_roster')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duty_roster_pk', ['date', 'user_id'])
    .execute();
  await db.schema.createIndex('duty_roster_user_idx').on('duty_roster').columns(['user_id', 'date']).execute();

  // One row per agent (id = user id): on or off duty, moved by the state machine.
  await db.schema
    .createTable('duty_states')
    .addColumn('id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('since', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_states_status_idx').on('duty_states').column('status').execute();

  await db.schema
    .createTable('duty_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('department_id', 'text')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('rostered', 'integer', (c) => c.notNull())
    .addColumn('signed_in_at', 'text', (c) => c.notNull())
    .addColumn('late_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signed_out_at', 'text')
    .addColumn('sign_out_reason', 'text')
    .addColumn('early_minutes', 'integer')
    .execute();
  await db.schema.createIndex('duty_records_date_idx').on('duty_records').columns(['date', 'user_id']).execute();

  await db.schema
    .createTable('conduct_phrases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phrase', 'text', (c) => c.notNull().unique())
    .addColumn('suggestion', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conduct_warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conduct_warnings_on_idx')
    .on('conduct_warnings')
    .columns(['created_on', 'phrase'])
    .execute();

  await db.schema
    .createTable('conduct_canned_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conduct_canned_replies_dept_idx')
    .on('conduct_canned_replies')
    .column('department_id')
    .execute();
}
