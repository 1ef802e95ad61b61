import type { CompiledQuery } from 'kysely';
import { poolOf, type DbOrTrx } from './connect.js';

/**
 * Runs a statement whose text never changes (its values are parameters) as a named prepared
 * statement on PostgreSQL: each pooled connection parses and plans it once and keeps the plan,
 * PostgreSQL's plan cache choosing it as usual — good once the tables have statistics
 * (autovacuum's ANALYZE, on by default). For the statements a busy chat node runs hundreds of
 * times a second, planning took as long as running them. On SQLite (whose statements are cached
 * anyway, see sqlite-statements.ts) and inside a transaction it runs as any other query. `name`
 * must be unique to the statement's text.
 */
export async function runPrepared<R>(db: DbOrTrx, name: string, query: CompiledQuery<R>): Promise<R[]> {
  const pool = db.isTransaction ? null : poolOf(db);
  if (!pool) return (await db.executeQuery(query)).rows;
  return (await pool.query({ name, text: query.sql, values: [...query.parameters] })).rows as R[];
}
