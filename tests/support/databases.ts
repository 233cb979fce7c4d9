import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPostgres, openSqlite } from '../../src/server/db/connect.js';

/**
 * The engines every integration test runs on. PostgreSQL is used when reachable at VIGIE_TEST_POSTGRES_URL
 * (default: the local server, user postgres); in CI it must be, and an unreachable server fails the run.
 */
export const POSTGRES_ADMIN_URL = process.env.VIGIE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type EngineName = 'sqlite' | 'postgres';

export function testEngines(): EngineName[] {
  return inject('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  database: Database;
  /** For a second process or connection on the same database. */
  url: string | undefined;
  file: string | undefined;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vigie_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(POSTGRES_ADMIN_URL, name),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function openTestDatabase(engine: EngineName, dataDir: string): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const file = `${dataDir}/vigie.sqlite`;
    const database = openSqlite(file);
    return { database, url: undefined, file, drop: () => database.close() };
  }
  const created = await createPostgresDatabase();
  const database = openPostgres(created.url, 5);
  return {
    database,
    url: created.url,
    file: undefined,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}
