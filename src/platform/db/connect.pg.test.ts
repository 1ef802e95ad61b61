import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../../testing/test-db.js';

describe('a PostgreSQL node whose idle connections the server ends', () => {
  it('logs the loss, does not crash, and answers the next query on a new connection', async () => {
    const t = await createTestDb('postgres');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const pid = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(t.db)).rows[0].pid;
      const before = await pid(); // the connection goes back to the pool, idle
      const admin = new pg.Client({ connectionString: t.url });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [before]);
      await admin.end();
      await expect
        .poll(() => stderr.mock.calls.some(([line]) => String(line).includes('idle PostgreSQL connection lost')))
        .toBe(true);
      expect(await pid()).not.toBe(before);
    } finally {
      stderr.mockRestore();
      await t.drop();
    }
  });

  it('a connection ended while a transaction holds it (between two statements) fails that transaction, not the node', async () => {
    const t = await createTestDb('postgres');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const tx = t.db.transaction().execute(async (trx) => {
        const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0];
        const admin = new pg.Client({ connectionString: t.url });
        await admin.connect();
        await admin.query('select pg_terminate_backend($1)', [pid]);
        await admin.end();
        await new Promise((r) => setTimeout(r, 200)); // the server's goodbye arrives while no query runs
        await sql`select 1`.execute(trx);
      });
      await expect(tx).rejects.toThrow();
      await expect
        .poll(() => stderr.mock.calls.some(([line]) => String(line).includes('PostgreSQL connection lost')))
        .toBe(true);
      expect((await sql<{ one: number }>`select 1 as one`.execute(t.db)).rows[0].one).toBe(1);
    } finally {
      stderr.mockRestore();
      await t.drop();
    }
  });
});
