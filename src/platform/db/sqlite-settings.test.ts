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
});
