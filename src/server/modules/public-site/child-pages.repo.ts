import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { ChildPageContentTable, DB } from '../../db/schema.js';
import { offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

export interface ChildPageListQuery {
  page: number;
  pageSize: number;
  sort: 'language' | 'status' | 'updatedAt';
  order: 'asc' | 'desc';
  status?: string | undefined;
}

const sortColumns = {
  language: 'child_page_contents.language',
  status: 'child_page_contents.status',
  updatedAt: 'child_page_contents.updated_at',
} as const;

/** The institution as the caller may see it (visibility in SQL): null when invisible or unknown. */
export function findVisibleInstitution(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('institutions')
    .leftJoin('child_site_addresses', 'child_site_addresses.institution_id', 'institutions.id')
    .select([
      'institutions.id',
      'institutions.name_fr',
      'institutions.name_en',
      'institutions.country_code',
      'institutions.website',
      'child_site_addresses.slug as public_slug',
    ])
    .where('institutions.id', '=', id)
    .where(visibleTo(actor, 'institutions'))
    .executeTakeFirst();
}

export async function listChildPages(db: Executor, institutionId: string, query: ChildPageListQuery) {
  let base = db.selectFrom('child_page_contents').where('child_page_contents.institution_id', '=', institutionId);
  if (query.status) base = base.where('child_page_contents.status', '=', query.status);
  const [rows, count] = await Promise.all([
    base
      .selectAll('child_page_contents')
      .orderBy(sortColumns[query.sort], query.order)
      .orderBy('child_page_contents.language')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findChildPage(db: Executor, institutionId: string, language: string) {
  return db
    .selectFrom('child_page_contents')
    .selectAll()
    .where('institution_id', '=', institutionId)
    .where('language', '=', language)
    .executeTakeFirst();
}

export async function userNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertChildPage(db: Executor, row: ChildPageContentTable): Promise<void> {
  await db.insertInto('child_page_contents').values(row).execute();
}

export async function updateChildPage(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<ChildPageContentTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('child_page_contents')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function slugTaken(db: Executor, slug: string) {
  return db.selectFrom('child_site_addresses').select('slug').where('slug', '=', slug).executeTakeFirst();
}

export async function slugOf(db: Executor, institutionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('child_site_addresses')
    .select('slug')
    .where('institution_id', '=', institutionId)
    .executeTakeFirst();
  return row?.slug ?? null;
}

/** Gives the institution this address on the public site unless it has one or the address is taken. */
export async function addSlug(db: Executor, institutionId: string, slug: string, now: string): Promise<void> {
  await db
    .insertInto('child_site_addresses')
    .values({ institution_id: institutionId, slug, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

// What the public site reads: a published page of an institution whose record is public. Both are needed, so that
// nothing not marked public reaches the site.

export function publishedPages(db: Executor, language: string) {
  return db
    .selectFrom('child_page_contents')
    .innerJoin('institutions', 'institutions.id', 'child_page_contents.institution_id')
    .innerJoin('child_site_addresses', 'child_site_addresses.institution_id', 'institutions.id')
    .select([
      'child_site_addresses.slug',
      'institutions.country_code',
      'child_page_contents.institution_name',
      'child_page_contents.labels',
    ])
    .where('child_page_contents.language', '=', language)
    .where('child_page_contents.status', '=', 'published')
    .where('institutions.visibility', '=', 'public')
    .orderBy('child_page_contents.institution_name')
    .execute();
}

/** The institution at an address; `visibility` says whether the public may see it (a preview does not need it). */
export function institutionBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('child_site_addresses')
    .innerJoin('institutions', 'institutions.id', 'child_site_addresses.institution_id')
    .select(['institutions.id', 'child_site_addresses.slug', 'institutions.country_code', 'institutions.visibility'])
    .where('child_site_addresses.slug', '=', slug)
    .executeTakeFirst();
}

/** Languages in which the institution's page is published: the page's language switcher. */
export async function publishedLanguages(db: Executor, institutionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('child_page_contents')
    .select('language')
    .where('institution_id', '=', institutionId)
    .where('status', '=', 'published')
    .orderBy('language')
    .execute();
  return rows.map((r) => r.language);
}

/** Languages with at least one published page: the index's language switcher. */
export async function languagesWithPages(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('child_page_contents')
    .innerJoin('institutions', 'institutions.id', 'child_page_contents.institution_id')
    .innerJoin('child_site_addresses', 'child_site_addresses.institution_id', 'institutions.id')
    .select('child_page_contents.language')
    .distinct()
    .where('child_page_contents.status', '=', 'published')
    .where('institutions.visibility', '=', 'public')
    .orderBy('child_page_contents.language')
    .execute();
  return rows.map((r) => r.language);
}
