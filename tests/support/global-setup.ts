import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { POSTGRES_ADMIN_URL } from './databases.js';

/**
 * Decides once whether the PostgreSQL half of the suite runs. In CI it must: an unreachable server fails the run.
 * Elsewhere it is skipped with a loud line.
 */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('postgres', false);
  if (process.env.VIGIE_TEST_POSTGRES === 'off') return;
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    await client.end();
    project.provide('postgres', true);
  } catch (error) {
    if (process.env.CI) {
      throw new Error(`PostgreSQL is required in CI but unreachable at ${POSTGRES_ADMIN_URL}: ${String(error)}`);
    }
    console.warn(`\n!!! PostgreSQL unreachable at ${POSTGRES_ADMIN_URL}: integration tests run on SQLite ONLY !!!\n`);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: boolean;
  }
}
