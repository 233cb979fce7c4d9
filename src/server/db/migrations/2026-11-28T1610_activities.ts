import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Frozen once shipped: later changes go in a new migration.

function versioned<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

function oneOf(column: string, values: string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

const visibility = ['institution', 'group', 'partners', 'public'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // One spine for every activity of axes 1–3. Dates are kept as entered (local to `time_zone`: 'YYYY-MM-DD' when
  // all-day, 'YYYY-MM-DDTHH:mm' otherwise) and as UTC instants for range queries and sorting; an all-day activity
  // ends at the midnight after its last day. Kind-specific scalars are one JSON `details`; what gets counted
  // (institutions, partners, themes, trainees, responses, follow-ups) is rows.
  await versioned(
    db.schema
      .createTable('activities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) =>
        c
          .notNull()
          .check(oneOf('kind', ['dialogue_body', 'meeting', 'training', 'statement', 'study_visit', 'course'])),
      )
      .addColumn('axis', 'integer', (c) => c.notNull().check(sql`axis in (1, 2, 3)`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('all_day', 'integer', (c) => c.notNull().check(sql`all_day in (0, 1)`))
      .addColumn('starts_local', 'text', (c) => c.notNull())
      .addColumn('ends_local', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('starts_utc', 'text', (c) => c.notNull())
      .addColumn('ends_utc', 'text', (c) => c.notNull())
      .addColumn('city', 'text')
      .addColumn('country_code', 'text')
      .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0).check(sql`online in (0, 1)`))
      // A meeting's dialogue body; null for the working group's own meetings and for other kinds.
      .addColumn('body_id', 'text', (c) => c.references('activities.id').onDelete('restrict'))
      // A dialogue body's intended cadence, in months, kept out of `details` so that overdue bodies are one query.
      .addColumn('cadence_months', 'integer', (c) => c.check(sql`cadence_months in (1, 3, 6, 12)`))
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility))),
  ).execute();
  await db.schema.createIndex('activities_starts').on('activities').columns(['starts_utc', 'ends_utc']).execute();
  await db.schema.createIndex('activities_kind').on('activities').columns(['kind', 'starts_utc']).execute();
  await db.schema.createIndex('activities_axis').on('activities').columns(['axis', 'starts_utc']).execute();
  await db.schema.createIndex('activities_body').on('activities').columns(['body_id', 'starts_utc']).execute();
  await db.schema.createIndex('activities_title').on('activities').column('title').execute();
  await db.schema.createIndex('activities_updated').on('activities').column('updated_at').execute();
  await db.schema
    .createIndex('activities_owner')
    .on('activities')
    .columns(['owner_institution_id', 'visibility'])
    .execute();

  await db.schema
    .createTable('activity_institutions')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ['organiser', 'participant', 'host'])))
    .addPrimaryKeyConstraint('activity_institutions_pk', ['activity_id', 'institution_id', 'role'])
    .execute();
  await db.schema
    .createIndex('activity_institutions_institution')
    .on('activity_institutions')
    .columns(['institution_id', 'role'])
    .execute();

  await db.schema
    .createTable('activity_partners')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(oneOf('role', ['participant', 'expert', 'member', 'host', 'funder'])),
    )
    .addPrimaryKeyConstraint('activity_partners_pk', ['activity_id', 'partner_id', 'role'])
    .execute();
  await db.schema.createIndex('activity_partners_partner').on('activity_partners').column('partner_id').execute();

  await db.schema
    .createTable('activity_themes')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_themes_pk', ['activity_id', 'theme'])
    .execute();
  await db.schema.createIndex('activity_themes_theme').on('activity_themes').column('theme').execute();

  // People trained, counted by audience and sex: never one row per person.
  await db.schema
    .createTable('training_participants')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(oneOf('sex', ['female', 'male', 'other', 'unknown'])))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('training_participants_pk', ['activity_id', 'audience', 'sex'])
    .execute();
  await db.schema
    .createIndex('training_participants_audience')
    .on('training_participants')
    .column('audience')
    .execute();

  // An authority's answers to a statement: the first one gives the time to reply.
  await versioned(
    db.schema
      .createTable('statement_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('summary', 'text'),
  ).execute();
  await db.schema
    .createIndex('statement_responses_activity')
    .on('statement_responses')
    .columns(['activity_id', 'received_on'])
    .execute();

  await versioned(
    db.schema
      .createTable('activity_follow_ups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('owner', 'text')
      .addColumn('due_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['open', 'in_progress', 'done']))),
  ).execute();
  await db.schema
    .createIndex('activity_follow_ups_activity')
    .on('activity_follow_ups')
    .columns(['activity_id', 'due_on'])
    .execute();
  await db.schema
    .createIndex('activity_follow_ups_status')
    .on('activity_follow_ups')
    .columns(['status', 'due_on'])
    .execute();

  // iCalendar feeds behind a secret address: only the token's HMAC is kept. A user feed shows what its user may
  // see at the time of reading; an institution feed what that institution's staff see of its own activities.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull().check(oneOf('scope', ['user', 'institution'])))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.references('institutions.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addCheckConstraint(
      'calendar_feeds_scope_target',
      sql`(scope = 'user' and user_id is not null) or (scope = 'institution' and institution_id is not null)`,
    )
    .execute();
  await db.schema.createIndex('calendar_feeds_user').on('calendar_feeds').column('user_id').execute();
  await db.schema.createIndex('calendar_feeds_institution').on('calendar_feeds').column('institution_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('The activities migration cannot be undone: restore a backup instead.');
}
