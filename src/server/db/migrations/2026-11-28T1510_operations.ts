import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go in a new migration.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // Scheduled jobs, shared by every process on the database: a process claims a due job with one conditional
  // UPDATE (`locked_by`, `locked_until`), so a job runs once however many processes tick; a crash leaves the lock
  // to expire. Rows are created by the scheduler from the jobs the code defines.
  await db.schema
    .createTable('jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_error', 'text')
    // What the last successful run reported (JSON), e.g. how many records a purge cleared.
    .addColumn('last_result', 'text')
    // Consecutive failures (back-off grows with them; a success resets them) and runs started in all.
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['next_run_at']).execute();

  // Settings administrators change at run time: created by 2026-11-28T1500_accounts with this same shape; made here
  // too if absent, so that this migration does not depend on that one's content.
  await db.schema
    .createTable('settings')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  // Retention periods in days per record kind; a kind absent from the document keeps its default.
  await db
    .insertInto('settings')
    .values({ key: 'retention', value: '{}', version: 1, updated_at: new Date().toISOString(), updated_by: null })
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The operations migration cannot be undone: restore a backup instead.');
}
