import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { Engine } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { pointsAtVisible } from '../owned-records.js';
import { type ActionFilters, filteredActions, involves, isOverdue } from './actions.repo.js';
import { filteredIndicators } from './indicators.repo.js';
import { filteredReports, type ReportFilters } from './reports.repo.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

// Every figure of the progress view is counted or summed in SQL over what the actor may see (`visibleTo` inside
// `filteredActions`, `filteredIndicators`, `filteredReports`): nothing is filtered after the fact.

/** Actions by axis (or sub-item) and status, with how many are overdue. */
export function actionCounts(db: Executor, actor: Actor, filters: ActionFilters, today: string) {
  return filteredActions(db, actor, filters, today)
    .select((eb) => [
      'plan_axes.id as axis_id',
      'plan_axes.parent_id as axis_parent_id',
      'plan_actions.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when(isOverdue(eb, today)).then(1).else(0).end()).as('overdue'),
    ])
    .groupBy(['plan_axes.id', 'plan_axes.parent_id', 'plan_actions.status'])
    .execute();
}

/** Records (meetings, trainings, visits…) the actor may see, linked to the visible actions, by axis (or sub-item). */
export function linkCounts(db: Executor, actor: Actor, filters: ActionFilters, today: string) {
  return filteredActions(db, actor, filters, today)
    .innerJoin('plan_action_links', 'plan_action_links.action_id', 'plan_actions.id')
    .where(pointsAtVisible(actor, 'plan_action_links'))
    .select((eb) => [
      'plan_axes.id as axis_id',
      'plan_axes.parent_id as axis_parent_id',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['plan_axes.id', 'plan_axes.parent_id'])
    .execute();
}

/** Actions by member institution (leading or taking part) and status, with how many are overdue. */
export function institutionActionCounts(
  db: Executor,
  actor: Actor,
  groupId: string,
  filters: ActionFilters,
  today: string,
) {
  let query = filteredActions(db, actor, { ...filters, institutionId: undefined }, today)
    .innerJoin('group_memberships', (join) => join.on((eb) => involves(eb, eb.ref('group_memberships.institution_id'))))
    .where('group_memberships.group_id', '=', groupId)
    .where('group_memberships.status', '!=', 'withdrawn');
  if (filters.institutionId) query = query.where('group_memberships.institution_id', '=', filters.institutionId);
  return query
    .select((eb) => [
      'group_memberships.institution_id',
      'plan_actions.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when(isOverdue(eb, today)).then(1).else(0).end()).as('overdue'),
    ])
    .groupBy(['group_memberships.institution_id', 'plan_actions.status'])
    .execute();
}

export function indicatorsOf(db: Executor, actor: Actor, planId: string, axisId: string | undefined) {
  return filteredIndicators(db, actor, { planId, axisId })
    .selectAll('indicators')
    .select('plan_axes.parent_id as axis_parent_id')
    .orderBy('indicators.code')
    .execute();
}

/** Reports by indicator and status, with the sum of their totals. */
export function reportStatsByIndicator(db: Executor, actor: Actor, filters: ReportFilters) {
  return filteredReports(db, actor, filters)
    .select((eb) => [
      'indicator_reports.indicator_id',
      'indicator_reports.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('indicator_reports.total').as('sum_total'),
    ])
    .groupBy(['indicator_reports.indicator_id', 'indicator_reports.status'])
    .execute();
}

export function reportStatsByInstitution(db: Executor, actor: Actor, filters: ReportFilters) {
  return filteredReports(db, actor, filters)
    .select((eb) => ['indicator_reports.institution_id', 'indicator_reports.status', eb.fn.countAll<number>().as('n')])
    .groupBy(['indicator_reports.institution_id', 'indicator_reports.status'])
    .execute();
}

/**
 * Per indicator, dimension and value: the sum of the cells of the validated reports. The cells are JSON, which
 * each engine unnests its own way (SQLite's json_each, PostgreSQL's jsonb_array_elements and jsonb_each_text).
 */
export function validatedBreakdown(db: Executor, engine: Engine, actor: Actor, filters: ReportFilters) {
  const base = filteredReports(db, actor, { ...filters, status: 'validated' });
  const columns = [
    'indicator_reports.indicator_id',
    sql<string>`dim.key`.as('dimension'),
    sql<string>`dim.value`.as('dim_value'),
  ] as const;
  if (engine === 'postgres') {
    return base
      .crossJoinLateral(sql`jsonb_array_elements(indicator_reports.cells::jsonb)`.as('cell'))
      .crossJoinLateral(sql`jsonb_each_text(cell.value -> 'dims')`.as('dim'))
      .select([...columns, sql<number>`sum((cell.value ->> 'value')::float8)`.as('amount')])
      .groupBy(['indicator_reports.indicator_id', sql`dim.key`, sql`dim.value`])
      .execute();
  }
  return base
    .crossJoin(sql`json_each(indicator_reports.cells)`.as('cell'))
    .crossJoin(sql`json_each(cell.value, '$.dims')`.as('dim'))
    .select([...columns, sql<number>`sum(json_extract(cell.value, '$.value'))`.as('amount')])
    .groupBy(['indicator_reports.indicator_id', sql`dim.key`, sql`dim.value`])
    .execute();
}
