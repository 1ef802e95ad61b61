import type { Kysely } from 'kysely';

/**
 * Issue 8, the 12345 hotline integration: client systems an administrator issues (name, scopes,
 * callback address, a request rate) and their keys. A key is stored only as its SHA-256; a rotated
 * key keeps working until `expires_at` (the grace period), a revoked client's keys stop at once.
 * The outbound results reuse the notifications outbox (a new channel), so no table for them here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull()) // JSON array of scope names
    .addColumn('callback_url', 'text')
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'active' | 'revoked'
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('api_client_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('api_clients.id'))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    // the key's last characters, so an administrator can tell keys apart
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // null: the current key; set when a newer key replaced it (the end of its grace period)
    .addColumn('expires_at', 'text')
    .execute();
  await db.schema.createIndex('api_client_keys_client_idx').on('api_client_keys').columns(['client_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_client_keys').execute();
  await db.schema.dropTable('api_clients').execute();
}
