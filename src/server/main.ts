import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import { jobDefinitions } from './operations/jobs/definitions.js';
import { Scheduler } from './operations/jobs/scheduler.js';
import { prepareDatabase } from './startup.js';

async function main(): Promise<void> {
  // `npm start -- --demo` asks for the demonstration data as VIGIE_DEMO=1 does.
  const config = loadConfig(process.argv.includes('--demo') ? { ...process.env, VIGIE_DEMO: '1' } : process.env);
  const database = openDatabase(config);
  const app = await buildApp({ config, database });
  app.log.info({ database: database.description }, 'opening database');
  const bootstrap = await prepareDatabase(database, config, app.log);
  if (bootstrap.kind === 'admin-created') app.log.info({ email: bootstrap.email }, 'administrator created');
  if (bootstrap.kind === 'setup-link') {
    app.log.warn('no administrator yet: open the one-time set-up link printed below');
    process.stdout.write(`\n  Vigie set-up link (valid 24 hours, once): ${bootstrap.url}\n\n`);
  }

  // Scheduled jobs (retention purge…): every process ticks, the database makes sure each due job runs once.
  const scheduler = new Scheduler({
    db: database.db,
    config,
    jobs: jobDefinitions,
    log: app.log.child({ component: 'jobs' }),
    tickSeconds: config.jobsTickSeconds,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining requests, then closing the database');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    timer.unref();
    try {
      // No new job starts; the one under way finishes (or its lock expires if the timer below cuts it short).
      await Promise.all([scheduler.stop(), app.close()]);
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  scheduler.start();
  app.log.info(`Vigie is ready at ${config.publicUrl}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Vigie could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
