import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Statements kept compiled; beyond it the least recently used is dropped.
 * `IN (?, ?, …)` lists make a new text per list length, so the cache is
 * bounded, but big enough to hold every fixed query of a hot path.
 */
const CACHED_STATEMENTS = 200;

/**
 * The database as Kysely's SQLite dialect sees it, with compiled statements
 * reused: Kysely asks for `prepare(sql)` on every query, and compiling a
 * 500-row INSERT costs as much as running it. Reuse is safe because
 * better-sqlite3 runs a statement to completion synchronously; the one
 * exception, a statement still being iterated (`busy`), gets a fresh one.
 */
export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql) => {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-inserted to mark it as the most recently used (a Map keeps insertion order).
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
