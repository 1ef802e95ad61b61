import path from 'node:path';
import { SqliteDialect, type Dialect, type Driver, type SqliteDialectConfig } from 'kysely';

interface Shared {
  driver: Driver;
  users: number;
  ready: Promise<void> | null;
}

/** One SQLite connection (and its lock) per database file in this process. */
const shared = new Map<string, Shared>();

/**
 * SQLite for one file, with one connection per process: every Kysely opened on the same file in
 * this process (a second "node" in a test, the CLI beside the server in one process) shares the
 * connection and the driver's lock, so their transactions take turns. Two connections in one
 * process would deadlock: SQLite's busy wait is synchronous, so a connection waiting for the write
 * lock blocks the event loop the holder needs to commit ("database is locked" after the timeout).
 * Separate processes (real nodes) are unaffected; ':memory:' databases are never shared.
 */
export function sharedSqliteDialect(file: string, config: SqliteDialectConfig): Dialect {
  const base = new SqliteDialect(config);
  const key = file === ':memory:' ? null : path.resolve(file);
  return {
    createAdapter: () => base.createAdapter(),
    createIntrospector: (db) => base.createIntrospector(db),
    createQueryCompiler: () => base.createQueryCompiler(),
    createDriver: () => (key ? sharedDriver(key, () => base.createDriver()) : base.createDriver()),
  };
}

function sharedDriver(key: string, make: () => Driver): Driver {
  let s = shared.get(key);
  if (!s) shared.set(key, (s = { driver: make(), users: 0, ready: null }));
  const entry = s;
  entry.users++;
  const d = entry.driver;
  let destroyed = false;
  return {
    init: () => (entry.ready ??= d.init()),
    acquireConnection: () => d.acquireConnection(),
    beginTransaction: (c, settings) => d.beginTransaction(c, settings),
    commitTransaction: (c) => d.commitTransaction(c),
    rollbackTransaction: (c) => d.rollbackTransaction(c),
    releaseConnection: (c) => d.releaseConnection(c),
    savepoint: d.savepoint?.bind(d),
    rollbackToSavepoint: d.rollbackToSavepoint?.bind(d),
    releaseSavepoint: d.releaseSavepoint?.bind(d),
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      if (--entry.users > 0) return;
      if (shared.get(key) === entry) shared.delete(key);
      if (entry.ready) await d.destroy();
    },
  };
}
