import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { engineOf } from '../engine.js';

// Frozen once shipped: later changes go in a new migration.

function versioned<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

function owned<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
    .addColumn('visibility', 'text', (c) =>
      c.notNull().check(sqlIn('visibility', ['institution', 'group', 'partners', 'public'])),
    );
}

function sqlIn(column: string, values: string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await versioned(
    db.schema
      .createTable('associations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name_fr', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('founded_on', 'text')
      .addColumn('website', 'text')
      .addColumn('notes', 'text'),
  ).execute();

  await owned(
    versioned(
      db.schema
        .createTable('institutions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('country_code', 'text', (c) => c.notNull())
        .addColumn('name_original', 'text')
        .addColumn('name_fr', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text')
        .addColumn('acronym', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('website', 'text')
        .addColumn('data_status', 'text', (c) => c.notNull().check(sqlIn('data_status', ['confirmed', 'to_confirm'])))
        .addColumn('notes', 'text'),
    ),
  ).execute();
  await db.schema.createIndex('institutions_country').on('institutions').column('country_code').execute();
  await db.schema.createIndex('institutions_name').on('institutions').column('name_fr').execute();
  await db.schema
    .createIndex('institutions_owner')
    .on('institutions')
    .columns(['owner_institution_id', 'visibility'])
    .execute();

  await db.schema
    .createTable('institution_associations')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id').onDelete('cascade'))
    .addColumn('association_id', 'text', (c) => c.notNull().references('associations.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['member', 'not_member', 'unknown'])))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('institution_associations_pk', ['institution_id', 'association_id'])
    .execute();
  await db.schema
    .createIndex('institution_associations_association')
    .on('institution_associations')
    .columns(['association_id', 'status'])
    .execute();

  await versioned(
    db.schema
      .createTable('groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_fr', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('description_fr', 'text')
      .addColumn('description_en', 'text'),
  ).execute();

  await db.schema
    .createTable('group_associations')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('association_id', 'text', (c) => c.notNull().references('associations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_associations_pk', ['group_id', 'association_id'])
    .execute();

  await versioned(
    db.schema
      .createTable('group_memberships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
      .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id').onDelete('restrict'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sqlIn('status', ['active', 'pending_validation', 'withdrawn'])),
      )
      .addColumn('status_since', 'text')
      .addUniqueConstraint('group_memberships_unique', ['group_id', 'institution_id']),
  ).execute();
  await db.schema
    .createIndex('group_memberships_institution')
    .on('group_memberships')
    .column('institution_id')
    .execute();

  await db.schema
    .createTable('membership_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('membership_id', 'text', (c) => c.notNull().references('group_memberships.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('membership_status_changes_membership')
    .on('membership_status_changes')
    .columns(['membership_id', 'created_at'])
    .execute();

  await owned(
    versioned(
      db.schema
        .createTable('contact_points')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('membership_id', 'text', (c) => c.notNull().references('group_memberships.id').onDelete('cascade'))
        .addColumn('name', 'text')
        .addColumn('role_title', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('starts_on', 'text')
        .addColumn('ends_on', 'text')
        .addColumn('notes', 'text'),
    ),
  ).execute();
  // One current contact point per member; a handover ends the current one first.
  await db.schema
    .createIndex('contact_points_one_current')
    .on('contact_points')
    .column('membership_id')
    .unique()
    .where(sql.ref('ends_on'), 'is', null)
    .execute();

  await owned(
    versioned(
      db.schema
        .createTable('partners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name_fr', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text')
        .addColumn('acronym_fr', 'text')
        .addColumn('acronym_en', 'text')
        .addColumn('kind', 'text', (c) =>
          c
            .notNull()
            .check(sqlIn('kind', ['international_organisation', 'civil_society', 'government', 'academic', 'other'])),
        )
        .addColumn('country_code', 'text')
        .addColumn('website', 'text')
        .addColumn('notes', 'text'),
    ),
  ).execute();
  await db.schema.createIndex('partners_kind').on('partners').columns(['kind', 'name_fr']).execute();
  await db.schema
    .createIndex('partners_owner')
    .on('partners')
    .columns(['owner_institution_id', 'visibility'])
    .execute();

  await owned(
    versioned(
      db.schema
        .createTable('declarations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title_fr', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text')
        .addColumn('adopted_on', 'text')
        .addColumn('place', 'text')
        .addColumn('summary_fr', 'text')
        .addColumn('summary_en', 'text')
        .addColumn('link', 'text')
        .addColumn('text', 'text'),
    ),
  ).execute();
  await db.schema.createIndex('declarations_adopted').on('declarations').column('adopted_on').execute();

  await db.schema
    .createTable('declaration_signatories')
    .addColumn('declaration_id', 'text', (c) => c.notNull().references('declarations.id').onDelete('cascade'))
    .addColumn('association_id', 'text', (c) => c.notNull().references('associations.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('declaration_signatories_pk', ['declaration_id', 'association_id'])
    .execute();

  await versioned(
    db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sqlIn('role', ['administrator', 'coordinator', 'contact_point', 'staff', 'partner'])),
      )
      .addColumn('institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['active', 'invited', 'disabled'])))
      .addColumn('last_login_at', 'text'),
  ).execute();
  await db.schema.createIndex('users_institution').on('users').columns(['institution_id', 'name']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('one_time_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sqlIn('purpose', ['setup', 'invitation', 'password_reset'])))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'integer', (c) =>
      // SQLite's integer primary key is the rowid, assigned on insert; PostgreSQL needs an identity.
      engineOf(db) === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key').on('login_failures').columns(['key', 'at']).execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // The record's version after the change: a stale edit is told which fields changed since its version.
    .addColumn('entity_version', 'integer')
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('institution_id', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
  await db.schema
    .createIndex('audit_events_entity')
    .on('audit_events')
    .columns(['entity', 'entity_id', 'at'])
    .execute();
  await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor_user_id', 'at']).execute();

  await db.schema
    .createTable('seed_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be undone: restore a backup instead.');
}
