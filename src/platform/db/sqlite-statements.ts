import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query again (compiling its SQL each time: a sixth of a
 * busy node's time under live chat). This keeps the most recently used prepared statements by
 * their SQL text, so a query the app runs again reuses its compiled statement. Kysely only runs
 * statements to completion (`all`/`run`), so one statement is never in use twice at once.
 */
export function statementCache(db: SqliteDatabase.Database, max = 1000): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  for (const p of (process.env.XPRAGMAS ?? '').split(';').filter(Boolean)) db.pragma(p);
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        // most recently used last: the first key is the one to drop
        cache.delete(sql);
      } else {
        stmt = timed(sql, db.prepare(sql));
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

const stats = new Map<string, { n: number; ms: number }>();
function timed(sql: string, s: SqliteStatement): SqliteStatement {
  const rec = (t: number) => {
    const e = stats.get(sql) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += performance.now() - t;
    stats.set(sql, e);
  };
  return {
    reader: s.reader,
    all(p) {
      const t = performance.now();
      try {
        return s.all(p);
      } finally {
        rec(t);
      }
    },
    run(p) {
      const t = performance.now();
      try {
        return s.run(p);
      } finally {
        rec(t);
      }
    },
    iterate: (p) => s.iterate(p),
  };
}
process.on('exit', () => {
  const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40);
  require('node:fs').writeFileSync(
    '/tmp/sqlstats.txt',
    rows.map(([k, v]) => `${v.ms.toFixed(0)}ms ${v.n} ${(v.ms / v.n).toFixed(3)} ${k.slice(0, 250)}`).join('\n'),
  );
});
