import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { connectDatabase } from './connect.js';

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
});
