import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, IndicatorReportTable, ReportingPeriodTable } from '../../db/schema.js';
import { offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;
export type PeriodRow = Selectable<ReportingPeriodTable>;
export type ReportRow = Selectable<IndicatorReportTable>;

export function periodsOf(db: Executor, planId: string) {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('starts_on')
    .orderBy('label')
    .execute();
}

/** A period of a plan the actor may see. */
export function findVisiblePeriod(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('reporting_periods')
    .innerJoin('plans', 'plans.id', 'reporting_periods.plan_id')
    .selectAll('reporting_periods')
    .where('reporting_periods.id', '=', id)
    .where(visibleTo(actor, 'plans'))
    .executeTakeFirst();
}

/**
 * Inside a report write's transaction: takes the period's row (a no-op update, a portable lock on both engines)
 * if it is still open, so that closing the period waits for the write or the write sees it closed. False if closed.
 */
export async function lockOpenPeriod(trx: Executor, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('reporting_periods')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findPeriod(db: Executor, id: string) {
  return db.selectFrom('reporting_periods').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function findPeriodByLabel(db: Executor, planId: string, label: string) {
  return db
    .selectFrom('reporting_periods')
    .select('id')
    .where('plan_id', '=', planId)
    .where('label', '=', label)
    .executeTakeFirst();
}

export async function insertPeriod(db: Executor, row: PeriodRow): Promise<void> {
  await db.insertInto('reporting_periods').values(row).execute();
}

export async function updatePeriod(db: Executor, id: string, version: number, changes: Partial<PeriodRow>) {
  const result = await db
    .updateTable('reporting_periods')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ReportFilters {
  planId?: string | undefined;
  /** Reports of the axis's indicators, its sub-items' and its actions'. */
  axisId?: string | undefined;
  periodId?: string | undefined;
  indicatorId?: string | undefined;
  institutionId?: string | undefined;
  status?: string | undefined;
}

export interface ReportListQuery extends ReportFilters {
  page: number;
  pageSize: number;
  sort: 'indicator' | 'institution' | 'period' | 'status' | 'updatedAt';
  order: 'asc' | 'desc';
}

/**
 * The reports the actor may see, in SQL: the report's own visibility (owned by the reporting institution), its
 * plan's, and, for an indicator of an action, the action's.
 */
export function filteredReports(db: Executor, actor: Actor, filters: ReportFilters) {
  let query = db
    .selectFrom('indicator_reports')
    .innerJoin('indicators', 'indicators.id', 'indicator_reports.indicator_id')
    .innerJoin('plans', 'plans.id', 'indicators.plan_id')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'indicator_reports.period_id')
    .innerJoin('institutions', 'institutions.id', 'indicator_reports.institution_id')
    .leftJoin('plan_axes', 'plan_axes.id', 'indicators.axis_id')
    .where(visibleTo(actor, 'indicator_reports'))
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
  if (filters.planId) query = query.where('indicators.plan_id', '=', filters.planId);
  const axisId = filters.axisId;
  if (axisId) {
    query = query.where((eb) => eb.or([eb('indicators.axis_id', '=', axisId), eb('plan_axes.parent_id', '=', axisId)]));
  }
  if (filters.periodId) query = query.where('indicator_reports.period_id', '=', filters.periodId);
  if (filters.indicatorId) query = query.where('indicator_reports.indicator_id', '=', filters.indicatorId);
  if (filters.institutionId) query = query.where('indicator_reports.institution_id', '=', filters.institutionId);
  if (filters.status) query = query.where('indicator_reports.status', '=', filters.status);
  return query;
}

type ReportQuery = ReturnType<typeof filteredReports>;

function withColumns(query: ReportQuery) {
  return query
    .selectAll('indicator_reports')
    .select([
      'institutions.name_fr as institution_name',
      'reporting_periods.status as period_status',
      'indicators.dimensions as indicator_dimensions',
      'indicators.plan_id',
    ]);
}

export type ReportListRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

const reportSorts = {
  indicator: 'indicators.code',
  institution: 'institutions.name_fr',
  period: 'reporting_periods.starts_on',
  status: 'indicator_reports.status',
  updatedAt: 'indicator_reports.updated_at',
} as const;

export async function listReports(db: Executor, actor: Actor, query: ReportListQuery) {
  const base = filteredReports(db, actor, query);
  const [rows, count] = await Promise.all([
    withColumns(base)
      .orderBy(reportSorts[query.sort], query.order)
      .orderBy('indicators.code')
      .orderBy('reporting_periods.starts_on')
      .orderBy('institutions.name_fr')
      .orderBy('indicator_reports.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleReport(db: Executor, actor: Actor, id: string) {
  return withColumns(filteredReports(db, actor, {}))
    .where('indicator_reports.id', '=', id)
    .executeTakeFirst();
}

/** A report as just written, whatever its visibility now (the writer sees what they stored). */
export function findWrittenReport(db: Executor, id: string) {
  return db
    .selectFrom('indicator_reports')
    .innerJoin('indicators', 'indicators.id', 'indicator_reports.indicator_id')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'indicator_reports.period_id')
    .innerJoin('institutions', 'institutions.id', 'indicator_reports.institution_id')
    .selectAll('indicator_reports')
    .select([
      'institutions.name_fr as institution_name',
      'reporting_periods.status as period_status',
      'indicators.dimensions as indicator_dimensions',
      'indicators.plan_id',
    ])
    .where('indicator_reports.id', '=', id)
    .executeTakeFirstOrThrow();
}

export function findReportByKey(db: Executor, indicatorId: string, periodId: string, institutionId: string) {
  return db
    .selectFrom('indicator_reports')
    .select('id')
    .where('indicator_id', '=', indicatorId)
    .where('period_id', '=', periodId)
    .where('institution_id', '=', institutionId)
    .executeTakeFirst();
}

export async function insertReport(db: Executor, row: ReportRow): Promise<void> {
  await db.insertInto('indicator_reports').values(row).execute();
}

export async function updateReport(db: Executor, id: string, version: number, changes: Partial<ReportRow>) {
  const result = await db
    .updateTable('indicator_reports')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteReport(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('indicator_reports').where('id', '=', id).execute();
}
