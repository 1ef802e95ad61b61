import fs from 'node:fs';
import path from 'node:path';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type Transaction,
  type UnknownRow,
} from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.js';
import { statementCache } from './sqlite-statements.js';
import { startCheckpointer, WAL_BACKSTOP_PAGES, WAL_SIZE_LIMIT } from './sqlite-checkpointer.js';
import { sharedSqliteDialect } from './sqlite-shared.js';
import type { SqliteSynchronous } from '../config.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;

/**
 * The pool behind a PostgreSQL Db, for what needs a connection of its own (LISTEN, NOTIFY). A
 * plugin that changes nothing: plugins go with the Db into its transactions, so the pool can be
 * found from either.
 */
class PoolTag implements KyselyPlugin {
  constructor(readonly pool: pg.Pool) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/** PostgreSQL: the pool of a Db or of one of its transactions; null on SQLite. */
export function poolOf(db: DbOrTrx): pg.Pool | null {
  const tag = db.getExecutor().plugins.find((p) => p instanceof PoolTag);
  return tag instanceof PoolTag ? tag.pool : null;
}

/** SQLite: the file of a Db, and whether its checkpoint worker asks writers to wait (sqlite-checkpointer.ts). */
const sqliteFiles = new WeakMap<Db, string>();
const holds = new Map<string, () => boolean>();

/**
 * Opens the database named by `url`: `sqlite:<file>` (default) or `postgres://…`. On SQLite the
 * write-ahead log is synced at checkpoints (`normal`, the default, as Rails and Litestream set it)
 * or on every commit (`full`); see `SQLITE_SYNCHRONOUS` in the README.
 */
export function connectDatabase(url: string, opts: { sqliteSynchronous?: SqliteSynchronous } = {}): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // A pooled connection that the server ends (a restart, a failover, an administrator's
    // pg_terminate_backend) is reported on the pool while idle and on the connection itself while
    // a transaction holds it; unhandled, either would crash the node. The statement in progress or
    // the next one of that transaction fails (the transaction with it); the pool drops the
    // connection and opens a new one on the next query, so a log line is all it needs.
    const lost = (err: Error & { code?: string }, idle: boolean) =>
      process.stderr.write(
        `${JSON.stringify({ level: 50, time: Date.now(), msg: `${idle ? 'idle ' : ''}PostgreSQL connection lost`, code: err.code, err: err.message })}\n`,
      );
    pool.on('error', (err: Error & { code?: string }) => lost(err, true));
    pool.on('connect', (client) => client.on('error', (err: Error & { code?: string }) => lost(err, false)));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new PoolTag(pool)] });
  }
  const file = url.replace(/^sqlite:/, '');
  const key = path.resolve(file);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(key), { recursive: true });
  // opened when first used, once per file and process (see sqlite-shared.ts)
  const open = () => {
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${opts.sqliteSynchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // statement journals (a multi-row statement's undo inside a transaction) in memory, not in a
    // temporary file: written to a file they were a tenth of a busy chat node's time
    sqlite.pragma('temp_store = MEMORY');
    if (file === ':memory:') return Promise.resolve(statementCache(sqlite));
    // checkpoints off the event loop (sqlite-checkpointer.ts); the node's own only as a backstop
    sqlite.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
    sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
    const checkpointer = startCheckpointer(file, (err) => {
      holds.delete(key);
      process.stderr.write(
        `${JSON.stringify({ level: 40, time: Date.now(), msg: 'SQLite checkpoint worker failed; checkpointing on the main thread', err: err.message })}\n`,
      );
      if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    });
    holds.set(key, checkpointer.holding);
    return Promise.resolve(
      statementCache(sqlite, () => {
        holds.delete(key);
        void checkpointer.stop();
      }),
    );
  };
  const db = new Kysely<Database>({ dialect: sharedSqliteDialect(file, { database: open }) });
  if (file !== ':memory:') sqliteFiles.set(db, key);
  return db;
}

/**
 * SQLite: the checkpoint worker is finishing a checkpoint and asks that no new batch of writes
 * start for a few milliseconds (so the write-ahead log can start over); false on PostgreSQL.
 */
export function checkpointHolding(db: Db): boolean {
  const file = sqliteFiles.get(db);
  return file !== undefined && (holds.get(file)?.() ?? false);
}

/** A few statements differ between the two engines (auto-increment ids, locking); ask here. */
export function isPostgres(db: DbOrTrx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Current time as stored in the database. */
export function iso(d: Date): string {
  return d.toISOString();
}

/** A LISTEN connection: `close()` ends it; `onNotify` also runs after every (re)connect. */
export interface Listener {
  close(): Promise<void>;
}

/**
 * PostgreSQL only (null on SQLite): keeps one connection of its own listening on `channel` and
 * calls `onNotify` for every notification. A lost connection is logged and opened again (after
 * 1 s, then up to 30 s); `onNotify` runs after each (re)connect, since notifications sent while
 * it was down are gone.
 */
export function listen(
  db: Db,
  channel: string,
  onNotify: () => void,
  log: (msg: string, err?: unknown) => void,
): Listener | null {
  const pool = poolOf(db);
  if (!pool) return null;
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let delay = 1000;
  // eslint-disable-next-line prefer-const -- assigned below: open and again call each other
  let open: () => Promise<void>;
  const again = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void open();
    }, delay);
    retry.unref();
    delay = Math.min(delay * 2, 30_000);
  };
  open = async () => {
    const c = new pg.Client({ connectionString: pool.options.connectionString });
    c.on('notification', () => onNotify());
    c.on('error', (err) => {
      log(`LISTEN ${channel}: connection lost`, err);
      if (client === c) client = null;
      void c.end().catch(() => undefined);
      again();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      log(`LISTEN ${channel}: could not connect`, err);
      void c.end().catch(() => undefined);
      return again();
    }
    if (closed) return void (await c.end());
    client = c;
    delay = 1000;
    onNotify();
  };
  void open();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
