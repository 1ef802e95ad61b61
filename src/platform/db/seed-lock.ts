import { sql } from 'kysely';
import { isPostgres, type Trx } from './connect.js';

/** An arbitrary constant naming the seed lock among PostgreSQL advisory locks ('bbseed'). */
const SEED_LOCK = 0x6262_7365_6564;

/**
 * Serialises the seeding transactions of nodes that start together: a seed checks "is it there?"
 * and then inserts, so a second node must wait until the first has committed and then finds the
 * data. PostgreSQL: a transaction-scoped advisory lock. SQLite serves one process, which seeds
 * one step at a time.
 */
export async function takeSeedLock(trx: Trx): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
}
