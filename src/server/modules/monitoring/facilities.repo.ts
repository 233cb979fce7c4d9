import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, FacilityTable } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';

type Executor = Kysely<DB>;

export interface FacilityFilters {
  q?: string | undefined;
  kind?: string | undefined;
  country?: string | undefined;
  holdsChildren?: boolean | undefined;
  isOpen?: boolean | undefined;
}

export interface FacilityListQuery extends FacilityFilters {
  page: number;
  pageSize: number;
  sort: 'name' | 'kind' | 'country' | 'lastVisit' | 'updatedAt';
  order: 'asc' | 'desc';
}

/** The facility's columns with its visit count and latest visit, over the visits the actor may see. */
function withVisits(db: Executor, actor: Actor) {
  return db
    .selectFrom('facilities')
    .selectAll('facilities')
    .select((eb) => [
      eb
        .selectFrom('visits')
        .select((v) => v.fn.countAll<number>().as('n'))
        .whereRef('visits.facility_id', '=', 'facilities.id')
        .where(visibleTo(actor, 'visits'))
        .as('visit_count'),
      eb
        .selectFrom('visits')
        .select((v) => v.fn.max('visits.starts_on').as('last'))
        .whereRef('visits.facility_id', '=', 'facilities.id')
        .where(visibleTo(actor, 'visits'))
        .as('last_visit_on'),
    ]);
}

export type FacilityRow = FacilityTable & { visit_count: number | string | null; last_visit_on: string | null };

function applyFilters<Q extends ReturnType<typeof withVisits>>(query: Q, actor: Actor, filters: FacilityFilters): Q {
  let q = query.where(visibleTo(actor, 'facilities')) as Q;
  if (filters.q) {
    q = q.where(
      matchesText(
        ['facilities.name', 'facilities.city', 'facilities.region', 'facilities.operating_authority'],
        filters.q,
      ),
    ) as Q;
  }
  if (filters.kind) q = q.where('facilities.kind', '=', filters.kind) as Q;
  if (filters.country) q = q.where('facilities.country_code', '=', filters.country) as Q;
  if (filters.holdsChildren !== undefined)
    q = q.where('facilities.holds_children', '=', filters.holdsChildren ? 1 : 0) as Q;
  if (filters.isOpen !== undefined) q = q.where('facilities.is_open', '=', filters.isOpen ? 1 : 0) as Q;
  return q;
}

export async function listFacilities(db: Executor, actor: Actor, query: FacilityListQuery) {
  // Sorted from a derived table: PostgreSQL does not let ORDER BY expressions name a select's aliases.
  const filtered = applyFilters(withVisits(db, actor), actor, query).as('f');
  const sortColumn = {
    name: 'f.name',
    kind: 'f.kind',
    country: 'f.country_code',
    lastVisit: 'f.last_visit_on',
    updatedAt: 'f.updated_at',
  }[query.sort];
  const [rows, count] = await Promise.all([
    db
      .selectFrom(filtered)
      .selectAll()
      // Never-visited facilities come last either way, on both engines.
      .orderBy(sql`case when ${sql.ref(sortColumn)} is null then 1 else 0 end`)
      .orderBy(sql.ref(sortColumn), query.order)
      .orderBy('f.name')
      .orderBy('f.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    db
      .selectFrom(filtered)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as FacilityRow[], total: Number(count.total) };
}

export async function findVisibleFacility(db: Executor, actor: Actor, id: string): Promise<FacilityRow | undefined> {
  return (await withVisits(db, actor)
    .where('facilities.id', '=', id)
    .where(visibleTo(actor, 'facilities'))
    .executeTakeFirst()) as FacilityRow | undefined;
}

export function findFacility(db: Executor, id: string) {
  return db.selectFrom('facilities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertFacility(db: Executor, row: FacilityTable): Promise<void> {
  await db.insertInto('facilities').values(row).execute();
}

export async function updateFacility(db: Executor, id: string, version: number, changes: Partial<FacilityTable>) {
  const result = await db
    .updateTable('facilities')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteFacility(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('facilities')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Every visit of the facility, seen or not: a facility with a history is not deleted. */
export async function countVisits(db: Executor, facilityId: string): Promise<number> {
  const row = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('facility_id', '=', facilityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Visits shared more widely than `visibility`: narrowing the facility below them would expose it through them. */
export async function countVisitsWiderThan(db: Executor, facilityId: string, wider: string[]): Promise<number> {
  if (wider.length === 0) return 0;
  const row = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('facility_id', '=', facilityId)
    .where('visibility', 'in', wider)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
