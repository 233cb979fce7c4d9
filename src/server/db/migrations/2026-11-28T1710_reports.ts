import { type Kysely, sql } from 'kysely';
import { engineOf } from '../engine.js';

// Frozen once shipped: later changes go in a new migration.

function oneOf(column: string, values: string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = engineOf(db) === 'postgres' ? sql`bytea` : sql`blob`;
  // A consolidated activity report, generated in the background: the row is the queue (processes keep no state),
  // the progress shown to its requester, and, once done, the files themselves.
  await db.schema
    .createTable('activity_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull().check(oneOf('language', ['fr', 'en'])))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    // JSON array of institution ids; empty: everything the requester sees.
    .addColumn('institution_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['queued', 'running', 'done', 'failed'])))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('step', 'text')
    .addColumn('error', 'text')
    // The process generating it and until when its claim holds; an expired claim is taken over.
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pdf', bytes)
    .addColumn('pdf_size', 'integer')
    .addColumn('docx', bytes)
    .addColumn('docx_size', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('activity_reports_requester')
    .on('activity_reports')
    .columns(['requested_by', 'created_at'])
    .execute();
  await db.schema
    .createIndex('activity_reports_queue')
    .on('activity_reports')
    .columns(['status', 'lease_until'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The reports migration cannot be undone: restore a backup instead.');
}
