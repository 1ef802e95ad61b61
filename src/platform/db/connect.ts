import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, PostgresAdapter, type Transaction } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;

/** Opens the database named by `url`: `sqlite:<file>` (default) or `postgres://…`. */
export function connectDatabase(url: string): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle pooled connection that the server ends (a restart, a failover, an administrator's
    // pg_terminate_backend) is reported here; unhandled, it would crash the node. The pool drops
    // that connection and opens a new one on the next query, so a log line is all it needs.
    pool.on('error', (err: Error & { code?: string }) => {
      process.stderr.write(
        `${JSON.stringify({ level: 50, time: Date.now(), msg: 'idle PostgreSQL connection lost', code: err.code, err: err.message })}\n`,
      );
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** A few statements differ between the two engines (auto-increment ids, locking); ask here. */
export function isPostgres(db: DbOrTrx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Current time as stored in the database. */
export function iso(d: Date): string {
  return d.toISOString();
}
