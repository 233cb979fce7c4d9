import { type Kysely, sql } from 'kysely';

// Frozen once shipped: later changes go in a new migration.

function oneOf(column: string, values: string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

// Reminder kinds known when this migration was written; a new kind needs a migration that widens the checks.
const kinds = [
  'action_overdue',
  'indicator_report_due',
  'recommendation_due',
  'meeting_upcoming',
  'visit_upcoming',
  'dialogue_overdue',
];
const modes = ['immediate', 'daily', 'weekly', 'in_app'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // In-app notifications. One row per (person, kind, record, occasion): the unique constraint is what makes a
  // reminder computed by two processes at once, or by a run repeated after a crash, land only once.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', kinds)))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // What makes this reminder a new event for the record, e.g. `overdue:2026-11-30` (its planned end).
    .addColumn('occasion', 'text', (c) => c.notNull())
    // The owned row (table, id) whose visibility decides whether the person may still see the notification: it is
    // shown only while they may see that row, and not once it is gone.
    .addColumn('record_table', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    // Path in the web app of the record (`/actions/<id>`), and the message's parameters (title, date…) as JSON.
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    // Where the email part stands: none (in-app only), queued (in the outbox), digest (waiting for one), digested.
    .addColumn('email_state', 'text', (c) =>
      c.notNull().check(oneOf('email_state', ['none', 'queued', 'digest', 'digested'])),
    )
    .addUniqueConstraint('notifications_once', ['user_id', 'kind', 'entity', 'entity_id', 'occasion'])
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at']).execute();
  await db.schema.createIndex('notifications_digest').on('notifications').columns(['email_state', 'user_id']).execute();

  // A person's choice per kind; no row means the default (immediately).
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', kinds)))
    .addColumn('mode', 'text', (c) => c.notNull().check(oneOf('mode', modes)))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  // Emails waiting to be sent, being sent, sent or given up. Subject and bodies are encrypted at rest (they can
  // carry one-time links); a row is claimed (`locked_by`, `locked_until`) before it is sent, so it is sent once.
  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // What the email is about: a reminder kind, `digest`, `invitation`, `password_reset` or `test`.
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['pending', 'sent', 'failed'])))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('email_outbox_due').on('email_outbox').columns(['status', 'next_attempt_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('The notifications migration cannot be undone: restore a backup instead.');
}
