import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectDatabase, type Db } from '../platform/db/connect.js';

/** Which database the integration tests run on: `BANGBAN_TEST_DB=postgres` or SQLite (default). */
export function testDbKind(): 'sqlite' | 'postgres' {
  const kind = process.env.BANGBAN_TEST_DB;
  // the `pure` test project sets 'none': a test there that opens a database belongs in `server`
  if (kind === 'none')
    throw new Error('this test opens a database: move it out of the pure project (vitest.config.ts)');
  return kind === 'postgres' ? 'postgres' : 'sqlite';
}

/** Admin URL of the PostgreSQL server tests create their throw-away databases on. */
export function pgAdminUrl(): string {
  return process.env.BANGBAN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDb {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: an in-memory SQLite, or a new PostgreSQL database
 * created on the test server and dropped afterwards.
 */
export async function createTestDb(kind = testDbKind(), opts: { shared?: boolean } = {}): Promise<TestDb> {
  if (kind === 'sqlite') {
    // `shared`: a file, so a second connection (a second "node") can open the same database
    const url = opts.shared
      ? `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bb-test-')), 'db.sqlite')}`
      : 'sqlite::memory:';
    const db = connectDatabase(url);
    return { db, url, drop: () => db.destroy() };
  }
  const name = `bb_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  const db = connectDatabase(url.toString());
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: pgAdminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
