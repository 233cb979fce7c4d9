import { type Kysely, sql } from 'kysely';

// Frozen once shipped: later changes go in a new migration.

function oneOf(column: string, values: string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // The address of an institution's pages for children (/fr/<slug>): given once, when its first page is written,
  // and kept, so that printed posters keep working when the institution is renamed.
  await db.schema
    .createTable('child_site_addresses')
    .addColumn('institution_id', 'text', (c) => c.primaryKey().references('institutions.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // One page per institution and language. Only `published` pages are shown to the public.
  await db.schema
    .createTable('child_page_contents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['draft', 'reviewed', 'published'])))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('institution_name', 'text', (c) => c.notNull())
    .addColumn('about', 'text', (c) => c.notNull())
    .addColumn('promise', 'text', (c) => c.notNull())
    .addColumn('who_can_ask', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('hours', 'text')
    .addColumn('website', 'text')
    .addColumn('complaint_form_url', 'text')
    .addColumn('next_steps', 'text', (c) => c.notNull())
    // JSON: [{ topic, text }] and [{ label, number }]; the page's headings and link texts: { key: text }.
    .addColumn('rights', 'text', (c) => c.notNull())
    .addColumn('emergency_numbers', 'text', (c) => c.notNull())
    .addColumn('data_use', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('child_page_contents_language', ['institution_id', 'language'])
    .execute();
  await db.schema
    .createIndex('child_page_contents_published')
    .on('child_page_contents')
    .columns(['language', 'status'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The public site migration cannot be undone: restore a backup instead.');
}
