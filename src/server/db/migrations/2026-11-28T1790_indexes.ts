import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go in a new migration.

/**
 * Indexes for the counts the list pages show beside a page, measured on a generated network (bench/README.md):
 * - visits by status, in the order the list sorts them, carrying the columns the date filter and the visibility
 *   test read, so the total of a filtered list is counted from the index alone;
 * - recommendations by status and due date with their visit, so the tracker's total (open and overdue) reaches
 *   each visit's visibility without reading the recommendation's row.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('visits_status_listed')
    .on('visits')
    .columns(['status', 'starts_on', 'ends_on', 'visibility', 'owner_institution_id', 'facility_id'])
    .execute();
  await db.schema
    .createIndex('recommendations_status_visit')
    .on('recommendations')
    .columns(['status', 'due_on', 'visit_id'])
    .execute();
}
