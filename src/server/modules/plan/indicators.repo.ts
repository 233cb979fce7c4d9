import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, IndicatorTable } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;
export type IndicatorRow = Selectable<IndicatorTable>;

export interface IndicatorFilters {
  planId?: string | undefined;
  axisId?: string | undefined;
  actionId?: string | undefined;
  q?: string | undefined;
}

export interface IndicatorListQuery extends IndicatorFilters {
  page: number;
  pageSize: number;
  sort: 'code' | 'name';
  order: 'asc' | 'desc';
}

/**
 * Indicators belong to their plan and are seen with it; one attached to an action is seen only by those who may see
 * the action.
 */
export function visibleIndicators(db: Executor, actor: Actor) {
  return db
    .selectFrom('indicators')
    .innerJoin('plans', 'plans.id', 'indicators.plan_id')
    .leftJoin('plan_axes', 'plan_axes.id', 'indicators.axis_id')
    .where(visibleTo(actor, 'plans'))
    .where((eb) =>
      eb.or([
        eb('indicators.action_id', 'is', null),
        eb.exists(
          // SQLite, unlike PostgreSQL, needs a select list even inside EXISTS.
          eb
            .selectFrom('plan_actions')
            .select('plan_actions.id')
            .whereRef('plan_actions.id', '=', 'indicators.action_id')
            .where(visibleTo(actor, 'plan_actions')),
        ),
      ]),
    );
}

export function filteredIndicators(db: Executor, actor: Actor, filters: IndicatorFilters) {
  let query = visibleIndicators(db, actor);
  if (filters.planId) query = query.where('indicators.plan_id', '=', filters.planId);
  const axisId = filters.axisId;
  // An axis takes in its sub-items' indicators and its actions' (whose axis they carry).
  if (axisId) {
    query = query.where((eb) => eb.or([eb('indicators.axis_id', '=', axisId), eb('plan_axes.parent_id', '=', axisId)]));
  }
  if (filters.actionId) query = query.where('indicators.action_id', '=', filters.actionId);
  if (filters.q) {
    query = query.where(matchesText(['indicators.code', 'indicators.name_fr', 'indicators.name_en'], filters.q));
  }
  return query;
}

const sorts = { code: 'indicators.code', name: 'indicators.name_fr' } as const;

export async function listIndicators(db: Executor, actor: Actor, query: IndicatorListQuery) {
  const base = filteredIndicators(db, actor, query);
  const [rows, count] = await Promise.all([
    base
      .selectAll('indicators')
      .orderBy(sorts[query.sort], query.order)
      .orderBy('indicators.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleIndicator(db: Executor, actor: Actor, id: string) {
  return visibleIndicators(db, actor).selectAll('indicators').where('indicators.id', '=', id).executeTakeFirst();
}

export function findIndicator(db: Executor, id: string) {
  return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function findIndicatorByCode(db: Executor, planId: string, code: string) {
  return db
    .selectFrom('indicators')
    .select('id')
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function countReports(db: Executor, indicatorId: string): Promise<number> {
  const row = await db
    .selectFrom('indicator_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('indicator_id', '=', indicatorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertIndicator(db: Executor, row: IndicatorRow): Promise<void> {
  await db.insertInto('indicators').values(row).execute();
}

export async function updateIndicator(db: Executor, id: string, version: number, changes: Partial<IndicatorRow>) {
  const result = await db
    .updateTable('indicators')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteIndicator(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('indicators').where('id', '=', id).execute();
}
