import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { engineOf } from '../engine.js';

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
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      // BCP 47 tag of the document's own language (not the interface's): fr, ar, es-MX…
      .addColumn('language', 'text')
      .addColumn('current_version_no', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility))),
  ).execute();
  await db.schema
    .createIndex('documents_owner')
    .on('documents')
    .columns(['owner_institution_id', 'visibility'])
    .execute();
  await db.schema.createIndex('documents_updated').on('documents').column('updated_at').execute();

  // The bytes live in the database, beside their metadata: one transaction writes both (a refused upload leaves
  // nothing), backups carry them (base64), and every process of a PostgreSQL deployment reads the same files.
  const bytes = engineOf(db) === 'postgres' ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    // Sniffed from the content, never taken from the name or the client's Content-Type.
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // Extracted for search; null when the type has no text or extraction failed.
    .addColumn('text_content', 'text')
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('document_versions_number', ['document_id', 'number'])
    .execute();

  // Attachments to other records (a visit's photos, a statement's text), by (entity, id) like plan action links.
  await db.schema
    .createTable('document_links')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_links_pk', ['document_id', 'entity', 'entity_id'])
    .execute();
  await db.schema.createIndex('document_links_entity').on('document_links').columns(['entity', 'entity_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('The documents migration cannot be undone: restore a backup instead.');
}
