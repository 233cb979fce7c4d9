import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, MaterialTable } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';
import { jsonArrayHas } from './sessions.repo.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

export const MATERIAL_ENTITY = 'material';

export interface MaterialFilters {
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  language?: string | undefined;
  age?: number | undefined;
  institutionId?: string | undefined;
}

export interface MaterialListQuery extends MaterialFilters {
  page: number;
  pageSize: number;
  sort: 'title' | 'kind' | 'status' | 'updatedAt';
  order: 'asc' | 'desc';
}

const sortColumns = {
  title: 'materials.title',
  kind: 'materials.kind',
  status: 'materials.approval_status',
  updatedAt: 'materials.updated_at',
} as const;

function filtered(db: Executor, actor: Actor, filters: MaterialFilters) {
  let query = db.selectFrom('materials').where(visibleTo(actor, 'materials'));
  if (filters.q) query = query.where(matchesText(['materials.title', 'materials.description'], filters.q));
  if (filters.kind) query = query.where('materials.kind', '=', filters.kind);
  if (filters.status) query = query.where('materials.approval_status', '=', filters.status);
  if (filters.language) query = query.where(jsonArrayHas('materials.languages', filters.language));
  if (filters.institutionId) query = query.where('materials.owner_institution_id', '=', filters.institutionId);
  const age = filters.age;
  // An open end of the range fits any age on that side.
  if (age !== undefined) {
    query = query.where((eb) =>
      eb.and([
        eb.or([eb('materials.age_min', 'is', null), eb('materials.age_min', '<=', age)]),
        eb.or([eb('materials.age_max', 'is', null), eb('materials.age_max', '>=', age)]),
      ]),
    );
  }
  return query;
}

export async function listMaterials(db: Executor, actor: Actor, query: MaterialListQuery) {
  const base = filtered(db, actor, query);
  const [rows, count] = await Promise.all([
    base
      .selectAll('materials')
      .orderBy(sortColumns[query.sort], query.order)
      .orderBy('materials.title')
      .orderBy('materials.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleMaterial(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('materials')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(actor, 'materials'))
    .executeTakeFirst();
}

export function findMaterial(db: Executor, id: string) {
  return db.selectFrom('materials').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMaterial(db: Executor, row: MaterialTable): Promise<void> {
  await db.insertInto('materials').values(row).execute();
}

export async function updateMaterial(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<MaterialTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('materials')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteMaterial(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('materials')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Sessions that used each material: visible ones for display, all of them to refuse a delete. */
export async function sessionCounts(db: Executor, actor: Actor | null, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  let query = db
    .selectFrom('awareness_session_materials')
    .innerJoin('awareness_sessions', 'awareness_sessions.id', 'awareness_session_materials.session_id')
    .where('awareness_session_materials.material_id', 'in', ids);
  if (actor) query = query.where(visibleTo(actor, 'awareness_sessions'));
  const rows = await query
    .select((eb) => ['awareness_session_materials.material_id', eb.fn.countAll<number>().as('n')])
    .groupBy('awareness_session_materials.material_id')
    .execute();
  return new Map(rows.map((r) => [r.material_id, Number(r.n)]));
}

export async function userNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
