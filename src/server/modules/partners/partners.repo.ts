import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, PartnerTable } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

export interface PartnerFilters {
  q?: string | undefined;
  kind?: string | undefined;
  country?: string | undefined;
}

export interface PartnerListQuery extends PartnerFilters {
  page: number;
  pageSize: number;
  sort: 'name' | 'kind' | 'country' | 'updatedAt';
  order: 'asc' | 'desc';
}

const sortColumns = {
  name: 'partners.name_fr',
  kind: 'partners.kind',
  country: 'partners.country_code',
  updatedAt: 'partners.updated_at',
} as const;

function filtered(db: Executor, actor: Actor, filters: PartnerFilters) {
  let query = db.selectFrom('partners').where(visibleTo(actor, 'partners'));
  if (filters.q) {
    query = query.where(
      matchesText(['partners.name_fr', 'partners.name_en', 'partners.acronym_fr', 'partners.acronym_en'], filters.q),
    );
  }
  if (filters.kind) query = query.where('partners.kind', '=', filters.kind);
  if (filters.country) query = query.where('partners.country_code', '=', filters.country);
  return query;
}

export async function listPartners(db: Executor, actor: Actor, query: PartnerListQuery) {
  const base = filtered(db, actor, query);
  const column = sortColumns[query.sort];
  const [rows, count] = await Promise.all([
    base
      .selectAll('partners')
      // Partners without a country come last either way, on both engines (they disagree on where nulls sort).
      .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
      .orderBy(column, query.order)
      .orderBy('partners.name_fr')
      .orderBy('partners.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisiblePartner(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('partners')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(actor, 'partners'))
    .executeTakeFirst();
}

export function findPartner(db: Executor, id: string) {
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function institutionIsVisible(db: Executor, actor: Actor, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('institutions')
    .select('id')
    .where('id', '=', id)
    .where(visibleTo(actor, 'institutions'))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPartner(db: Executor, row: PartnerTable): Promise<void> {
  await db.insertInto('partners').values(row).execute();
}

/** Applies a change only if the row is still at `version`; returns false when someone else got there first. */
export async function updatePartner(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<PartnerTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('partners')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** People who sign in as this partner. */
export async function countReferences(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('partner_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes the row only if it is still at `version`. */
export async function deletePartner(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db.deleteFrom('partners').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
