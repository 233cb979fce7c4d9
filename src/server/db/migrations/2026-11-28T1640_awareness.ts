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
  await versioned(
    db.schema
      .createTable('materials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(oneOf('kind', ['leaflet', 'poster', 'video', 'audio', 'other'])),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('languages', 'text', (c) => c.notNull())
      .addColumn('age_min', 'integer')
      .addColumn('age_max', 'integer')
      .addColumn('approval_status', 'text', (c) =>
        c.notNull().check(oneOf('approval_status', ['draft', 'in_review', 'approved', 'withdrawn'])),
      )
      // Who moved the material to its current approval status, and when.
      .addColumn('status_changed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('status_changed_at', 'text')
      .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility)))
      .addCheckConstraint('materials_age_range', sql`age_min is null or age_max is null or age_min <= age_max`),
  ).execute();
  await db.schema
    .createIndex('materials_owner')
    .on('materials')
    .columns(['owner_institution_id', 'visibility'])
    .execute();
  // The public site reads approved public materials.
  await db.schema.createIndex('materials_status').on('materials').columns(['approval_status', 'visibility']).execute();

  await versioned(
    db.schema
      .createTable('awareness_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('setting', 'text', (c) =>
        c
          .notNull()
          .check(
            oneOf('setting', [
              'origin_country',
              'reception',
              'transit',
              'accommodation',
              'school',
              'community_centre',
              'media_campaign',
            ]),
          ),
      )
      .addColumn('channel', 'text', (c) =>
        c
          .notNull()
          .check(
            oneOf('channel', ['in_person', 'radio', 'television', 'social_media', 'posters', 'leaflets', 'other']),
          ),
      )
      // A facility of the monitoring module, checked by the service (that table is created by its own migration).
      .addColumn('facility_id', 'text')
      .addColumn('country_code', 'text')
      .addColumn('place', 'text')
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('languages', 'text', (c) => c.notNull())
      .addColumn('funder_partner_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
      .addColumn('budget_minor', 'bigint')
      .addColumn('budget_currency', 'text')
      // A repeat with the same group points at the first session of the series, so its children count once.
      .addColumn('repeat_of_id', 'text', (c) => c.references('awareness_sessions.id').onDelete('restrict'))
      // Media campaigns: an estimate of the audience, never added to the people met.
      .addColumn('estimated_audience', 'bigint')
      .addColumn('adults', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('notes', 'text')
      .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility)))
      .addCheckConstraint('awareness_sessions_dates', sql`ends_on is null or ends_on >= starts_on`)
      .addCheckConstraint('awareness_sessions_adults', sql`adults >= 0`)
      .addCheckConstraint('awareness_sessions_audience', sql`estimated_audience is null or estimated_audience >= 0`),
  ).execute();
  await db.schema
    .createIndex('awareness_sessions_owner')
    .on('awareness_sessions')
    .columns(['owner_institution_id', 'visibility'])
    .execute();
  await db.schema.createIndex('awareness_sessions_dates').on('awareness_sessions').column('starts_on').execute();
  await db.schema.createIndex('awareness_sessions_repeat').on('awareness_sessions').column('repeat_of_id').execute();

  // Children are counted, never recorded: one row per non-empty cell of sex × age band × status.
  await db.schema
    .createTable('awareness_reach')
    .addColumn('session_id', 'text', (c) => c.notNull().references('awareness_sessions.id').onDelete('cascade'))
    .addColumn('sex', 'text', (c) => c.notNull().check(oneOf('sex', ['girls', 'boys', 'other'])))
    .addColumn('age_band', 'text', (c) => c.notNull().check(oneOf('age_band', ['0-5', '6-11', '12-14', '15-17'])))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(oneOf('status', ['unaccompanied', 'separated', 'with_family'])),
    )
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('awareness_reach_pk', ['session_id', 'sex', 'age_band', 'status'])
    .execute();

  await db.schema
    .createTable('awareness_session_partners')
    .addColumn('session_id', 'text', (c) => c.notNull().references('awareness_sessions.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('awareness_session_partners_pk', ['session_id', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('awareness_session_partners_partner')
    .on('awareness_session_partners')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('awareness_session_materials')
    .addColumn('session_id', 'text', (c) => c.notNull().references('awareness_sessions.id').onDelete('cascade'))
    .addColumn('material_id', 'text', (c) => c.notNull().references('materials.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('awareness_session_materials_pk', ['session_id', 'material_id'])
    .execute();
  await db.schema
    .createIndex('awareness_session_materials_material')
    .on('awareness_session_materials')
    .column('material_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('awareness_session_materials').execute();
  await db.schema.dropTable('awareness_session_partners').execute();
  await db.schema.dropTable('awareness_reach').execute();
  await db.schema.dropTable('awareness_sessions').execute();
  await db.schema.dropTable('materials').execute();
}
