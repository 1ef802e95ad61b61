import type { Kysely } from 'kysely';

/**
 * Failed sign-ins counted per typed username and client address (known and unknown names alike),
 * so a stranger locks out only themselves and the lock says nothing about which names exist.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addPrimaryKeyConstraint('login_failures_pk', ['username', 'client'])
    .execute();
  await db.schema.createIndex('login_failures_last_idx').on('login_failures').column('last_failed_at').execute();
}
