import type { Database as BetterSqlite, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared: the application issues a few hundred; a long tail of one-off texts is evicted. */
export const STATEMENT_CACHE_CAPACITY = 500;

/**
 * Statements that change the schema or the connection's settings are neither kept nor left beside kept ones: SQLite
 * re-prepares a stale statement by itself, but better-sqlite3 fixes some of a statement's traits when it prepares it,
 * so after a migration everything is prepared afresh.
 */
const CHANGES_SCHEMA = /^\s*(?:create|alter|drop|vacuum|reindex|analyze|attach|detach|pragma)\b/i;

export interface StatementCache extends SqliteDatabase {
  /** How many statements are kept now (for tests). */
  readonly size: number;
}

/**
 * The database as Kysely's SQLite driver sees it, whose `prepare` returns an already prepared statement for SQL it
 * has seen: the driver otherwise prepares every query again, which cost 13 % of the server's CPU time under load.
 * Least recently used statements are dropped past `capacity`.
 */
export function withStatementCache(database: BetterSqlite, capacity = STATEMENT_CACHE_CAPACITY): StatementCache {
  // A Map iterates in insertion order: re-inserting on each use keeps the least recently used first.
  const statements = new Map<string, Statement>();

  const keep = (sql: string, statement: Statement): void => {
    statements.set(sql, statement);
    if (statements.size > capacity) {
      const oldest = statements.keys().next();
      if (!oldest.done) statements.delete(oldest.value);
    }
  };

  return {
    get size() {
      return statements.size;
    },
    close() {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const kept = statements.get(sql);
      if (kept) {
        statements.delete(sql);
        // A statement still being iterated (a stream not yet finished) cannot run again: better-sqlite3 would throw
        // "This statement is busy executing a query". The same SQL gets a statement of its own, kept from now on.
        if (!kept.busy) {
          keep(sql, kept);
          return kept;
        }
      }
      const statement = database.prepare(sql);
      if (CHANGES_SCHEMA.test(sql)) {
        statements.clear();
        return statement;
      }
      keep(sql, statement);
      return statement;
    },
  };
}
