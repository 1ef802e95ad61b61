import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { connectDatabase, type Db, type Trx } from './connect.js';
import { groupCommitOf } from './group-commit.js';
import { CHECKPOINT_EVERY_MS, startCheckpointer, WAL_BACKSTOP_PAGES, WAL_SIZE_LIMIT } from './sqlite-checkpointer.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-sqlite-settings-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function synchronousOf(opts: Parameters<typeof connectDatabase>[1], name: string) {
  const db = connectDatabase(`sqlite:${path.join(dir, name)}`, opts);
  try {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    return rows[0].synchronous;
  } finally {
    await db.destroy();
  }
}

/** A database with a table of 4,000-byte rows (about a page each) for `use`, closed after it. */
async function withPageRows(
  name: string,
  use: (db: Db, insertRow: (trx: Trx) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const db = connectDatabase(`sqlite:${name}`);
  try {
    await sql`create table big (id integer primary key, v text)`.execute(db);
    const text = 'x'.repeat(4000);
    await use(db, (trx) => sql`insert into big (v) values (${text})`.execute(trx));
  } finally {
    await db.destroy();
  }
}

describe('SQLite settings', () => {
  it('syncs the write-ahead log at checkpoints by default, and on every commit when asked', async () => {
    expect(await synchronousOf({}, 'a.sqlite')).toBe(1); // NORMAL
    expect(await synchronousOf({ sqliteSynchronous: 'full' }, 'b.sqlite')).toBe(2); // FULL
    expect(loadConfig({ BANGBAN_SECRET: 'x'.repeat(32), BANGBAN_DATA_DIR: dir }).sqliteSynchronous).toBe('normal');
    expect(loadConfig({ BANGBAN_SECRET: 'x'.repeat(32), SQLITE_SYNCHRONOUS: 'FULL' }).sqliteSynchronous).toBe('full');
    expect(() => loadConfig({ BANGBAN_SECRET: 'x'.repeat(32), SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      /SQLITE_SYNCHRONOUS must be "normal" or "full"/,
    );
  });

  it('keeps statement journals in memory (a profile of busy chat showed a tenth of the node writing them to a file), and a failed statement still undoes only itself', async () => {
    const db = connectDatabase(`sqlite:${path.join(dir, 'j.sqlite')}`);
    try {
      const { rows } = await sql<{ temp_store: number }>`pragma temp_store`.execute(db);
      expect(rows[0].temp_store).toBe(2); // MEMORY
      await sql`create table u (k text primary key)`.execute(db);
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into u (k) values ('a')`.execute(trx);
          // a multi-row statement that fails on its second row: its first row is undone, the transaction goes on
          await expect(sql`insert into u (k) values ('b'), ('a')`.execute(trx)).rejects.toThrow(/UNIQUE/);
          await sql`insert into u (k) values ('c')`.execute(trx);
        }),
      ).resolves.toBeUndefined();
      expect((await sql<{ k: string }>`select k from u order by k`.execute(db)).rows).toEqual([{ k: 'a' }, { k: 'c' }]);
    } finally {
      await db.destroy();
    }
  });

  it('reuses a prepared statement for the same SQL and still sees schema changes', async () => {
    const db = connectDatabase(`sqlite:${path.join(dir, 'c.sqlite')}`);
    try {
      await sql`create table t (id integer primary key, v text)`.execute(db);
      await sql`insert into t (v) values (${'a'})`.execute(db);
      const read = () => sql<{ id: number; v: string }>`select * from t`.execute(db);
      expect((await read()).rows).toEqual([{ id: 1, v: 'a' }]);
      await sql`alter table t add column w text default 'x'`.execute(db);
      expect((await read()).rows).toEqual([{ id: 1, v: 'a', w: 'x' }]);
    } finally {
      await db.destroy();
    }
  });
  it('two databases opened on one file in one process take turns instead of deadlocking', async () => {
    const file = `sqlite:${path.join(dir, 'd.sqlite')}`;
    const a = connectDatabase(file);
    const b = connectDatabase(file);
    await sql`create table w (id integer primary key, v text)`.execute(a);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // a holds the write lock across a pause; b writes meanwhile. Two connections in one process
    // deadlocked here: b's synchronous busy wait blocked the loop a needed ("database is locked").
    const slow = a.transaction().execute(async (trx) => {
      await sql`insert into w (v) values (${'a1'})`.execute(trx);
      await pause(200);
      await sql`insert into w (v) values (${'a2'})`.execute(trx);
    });
    const other = pause(50).then(() => sql`insert into w (v) values (${'b'})`.execute(b));
    await Promise.all([slow, other]);
    await a.destroy(); // b keeps working: the connection closes with its last user
    const { rows } = await sql<{ v: string }>`select v from w order by id`.execute(b);
    expect(rows.map((r) => r.v)).toEqual(['a1', 'a2', 'b']);
    await b.destroy();
  });

  it('checkpoints in a worker thread, not in the commits of the node', async () => {
    const name = path.join(dir, 'e.sqlite');
    await withPageRows(name, async (db, insertRow) => {
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
      // the node's own commits checkpoint only past the backstop (64 MB), far above what is written here
      expect(rows[0].wal_autocheckpoint).toBe(WAL_BACKSTOP_PAGES);
      for (let i = 0; i < 10; i++)
        await db.transaction().execute(async (trx) => {
          for (let j = 0; j < 100; j++) await insertRow(trx);
        });
      // ~4 MB committed: in the log, copied into the database file by the worker within a few ticks
      let size = 0;
      for (let t = 0; t < 50 && size < 4_000_000; t++) {
        await new Promise((r) => setTimeout(r, CHECKPOINT_EVERY_MS));
        size = fs.statSync(name).size;
      }
      expect(size).toBeGreaterThan(4_000_000);
    });
  });

  it('keeps the write-ahead log bounded under writes that never pause', async () => {
    const name = path.join(dir, 'f.sqlite');
    await withPageRows(name, async (db, insertRow) => {
      let largest = 0;
      // ~160 MB in back-to-back transactions: the worker alone never catches up completely
      for (let i = 0; i < 4000; i++) {
        await db.transaction().execute(async (trx) => {
          for (let j = 0; j < 10; j++) await insertRow(trx);
        });
        if (i % 100 === 0) largest = Math.max(largest, fs.statSync(`${name}-wal`).size);
      }
      expect(largest).toBeLessThan(2 * WAL_SIZE_LIMIT);
    });
  });

  it('the log starts over while a busy node writes without pause: its own checkpoint never has to run', async () => {
    const name = path.join(dir, 'g.sqlite');
    await withPageRows(name, async (db, insertRow) => {
      const g = groupCommitOf(db);
      let largest = 0;
      let written = 0;
      // batches of writes back to back (as a busy node's group commit runs them) until the log
      // would have reached the node's backstop twice over had it never started over
      while (written < 2 * WAL_BACKSTOP_PAGES) {
        await Promise.all(Array.from({ length: 20 }, () => g.run('big', insertRow)));
        written += 20;
        largest = Math.max(largest, fs.statSync(`${name}-wal`).size);
      }
      // a few checkpoint rounds' worth at most (~11 MB each here), never the backstop's 64 MB
      expect(largest).toBeLessThan(WAL_SIZE_LIMIT / 2);
    });
  });

  it('a checkpoint worker that cannot open the database says so (the node then checkpoints itself)', async () => {
    const failed = await new Promise<Error>((resolve) => startCheckpointer(path.join(dir, 'missing.sqlite'), resolve));
    expect(failed.message).toMatch(/unable to open|does not exist|SQLITE_CANTOPEN/i);
  });
});
