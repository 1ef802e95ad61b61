import { sql } from 'kysely';
import type { DbOrTrx } from './connect.js';

/**
 * Atomically takes the next number of a named sequence (e.g. `callback:2026`) — one statement,
 * so two nodes never get the same number. Works on SQLite ≥ 3.35 and PostgreSQL.
 */
export async function nextCounter(db: DbOrTrx, name: string): Promise<number> {
  return takeCounters(db, name, 1);
}

/** Takes `count` consecutive numbers at once (a batch); returns the last (the first is last − count + 1). */
export async function takeCounters(db: DbOrTrx, name: string, count: number): Promise<number> {
  const res = await sql<{ value: number }>`insert into counters (name, value) values (${name}, ${count})
    on conflict (name) do update set value = counters.value + ${count} returning value`.execute(db);
  return Number(res.rows[0].value);
}
