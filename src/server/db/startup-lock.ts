import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database } from './connect.js';

// An arbitrary, fixed key shared by every Vigie process on one PostgreSQL database.
const STARTUP_LOCK_KEY = 804_162_017;

/**
 * Runs `work` while holding a lock that every Vigie process starting on the same database shares, so that two
 * processes starting at once migrate and seed once. PostgreSQL: a session advisory lock. SQLite: an IMMEDIATE
 * transaction on a lock file beside the database; the operating system releases it if the process dies.
 */
export async function withStartupLock<T>(database: Database, dataDir: string, work: () => Promise<T>): Promise<T> {
  if (database.engine === 'postgres') {
    return database.db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(connection);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection);
      }
    });
  }
  const lock = new SQLite(path.join(dataDir, 'vigie.startup.lock'), { timeout: 120_000 });
  try {
    lock.exec('BEGIN IMMEDIATE');
    try {
      return await work();
    } finally {
      lock.exec('COMMIT');
    }
  } finally {
    lock.close();
  }
}
