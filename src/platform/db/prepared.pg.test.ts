import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/test-db.js';
import { poolOf } from './connect.js';
import { runPrepared } from './prepared.js';

describe('runPrepared on PostgreSQL', () => {
  it('prepares the statement once on a connection and runs it with each call’s values', async () => {
    const t = await createTestDb('postgres');
    try {
      const query = (n: number) =>
        sql<{ n: number; doubled: number }>`select cast(${n} as int) as n, cast(${n} as int) * 2 as doubled`.compile(
          t.db,
        );
      for (let i = 1; i <= 5; i++)
        expect(await runPrepared(t.db, 'test_doubled', query(i))).toEqual([{ n: i, doubled: i * 2 }]);
      // one at a time, the pool hands out the same idle connection: the statement is kept there
      const { rows } = await poolOf(t.db)!.query<{ name: string; statement: string }>(
        'select name, statement from pg_prepared_statements',
      );
      expect(rows.map((r) => r.name)).toContain('test_doubled');
    } finally {
      await t.drop();
    }
  });

  it('inside a transaction it runs in the transaction (sees what it wrote, gone with its rollback)', async () => {
    const t = await createTestDb('postgres');
    try {
      await sql`create table prepared_probe (v text not null)`.execute(t.db);
      const count = (db: typeof t.db) =>
        runPrepared(
          db,
          'test_probe_count',
          sql<{ n: number }>`select count(*)::int as n from prepared_probe`.compile(db),
        );
      await t.db
        .transaction()
        .execute(async (trx) => {
          await sql`insert into prepared_probe (v) values ('x')`.execute(trx);
          expect(await count(trx)).toEqual([{ n: 1 }]);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      expect(await count(t.db)).toEqual([{ n: 0 }]);
    } finally {
      await t.drop();
    }
  });
});
