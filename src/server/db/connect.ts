import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import { assertNotInsideTransaction, guardTransactions } from './transaction-guard.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** For logs and error messages: never contains a password. */
  description: string;
  close(): Promise<void>;
}

const BIGINT_OID = 20;
const NUMERIC_OID = 1700;

/**
 * SQLite transactions that may write begin IMMEDIATE: they take the write lock first, waiting (busy timeout) while
 * another process holds it. A plain (deferred) transaction that reads first fails at once with SQLITE_BUSY if another
 * process wrote in between, which a command-line run or a second process beside the server would cause. A
 * transaction opened with `setAccessMode('read only')` (a backup) stays deferred: a read snapshot, blocking nobody.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #owner: object;
  constructor(config: SqliteDialectConfig, owner: object) {
    super(config);
    this.#owner = owner;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    assertNotInsideTransaction(this.#owner);
    return super.acquireConnection();
  }

  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    await connection.executeQuery(
      CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin' : 'begin immediate'),
    );
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #owner: object;
  constructor(config: SqliteDialectConfig, owner: object) {
    super(config);
    this.#config = config;
    this.#owner = owner;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#owner);
  }
}

/** Opens the embedded SQLite file, tuned for durability: WAL, foreign keys, full sync, a busy timeout. */
export function openSqlite(file: string): Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = FULL');
  // Each opened database is its own owner: a transaction on one does not stop queries on another (a second handle).
  const owner = {};
  const db = guardTransactions(
    new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, owner) }),
    owner,
  );
  return {
    db,
    engine: 'sqlite',
    description: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // counts come back as int8; they fit comfortably in a JS number here.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === BIGINT_OID || oid === NUMERIC_OID ? Number : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  // An idle connection can die under us (server restart, network, an administrator): the pool drops it and opens
  // another when needed. Without a listener, Node would treat the event as fatal and crash the process.
  pool.on('error', (error) => {
    process.stderr.write(
      `${JSON.stringify({ level: 50, msg: 'idle PostgreSQL connection lost', err: error.message })}\n`,
    );
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const safeUrl = new URL(url);
  safeUrl.password = '';
  return { db, engine: 'postgres', description: safeUrl.toString(), close: () => db.destroy() };
}

export function openDatabase(options: { databaseUrl: string | undefined; dataDir: string }): Database {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(path.join(options.dataDir, 'vigie.sqlite'));
}
