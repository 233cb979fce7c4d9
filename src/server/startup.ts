import type { FastifyBaseLogger } from 'fastify';
import { type BootstrapResult, ensureAdministrator } from './bootstrap.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { withStartupLock } from './db/startup-lock.js';
import { jobDefinitions } from './operations/jobs/definitions.js';
import { ensureJobs } from './operations/jobs/scheduler.js';
import { runDemo } from './seed/demo/run-demo.js';
import { runSeeds } from './seed/seed.js';

/** Brings the database to the current schema, loads the network once and makes sure an administrator can sign in. */
export async function prepareDatabase(
  database: Database,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info'>,
): Promise<BootstrapResult> {
  return withStartupLock(database, config.dataDir, async () => {
    const migrations = await migrateToLatest(database.db);
    for (const result of migrations.results ?? []) log.info({ migration: result.migrationName }, 'migrated');
    for (const seed of await runSeeds(database.db)) log.info({ seed }, 'seeded');
    if (config.demo) for (const part of await runDemo(database.db)) log.info({ demo: part }, 'demo data loaded');
    await ensureJobs(database.db, jobDefinitions);
    return ensureAdministrator(database.db, config);
  });
}
