import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { actionStatuses, type planProgress } from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import type { Engine } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { computeReach } from '../awareness/reach.js';
import { type ActionFilters, todayUtc, visibleInstitutions } from './actions.repo.js';
import { unknownReference } from './plan-errors.js';
import { axesOf, findVisiblePlan, groupMembersOf } from './plans.repo.js';
import * as repo from './progress.repo.js';
import { type Breakdown, emptyBreakdown, parseDimensions, tidy } from './report-cells.js';
import { periodsOf, type ReportFilters } from './reports.repo.js';

type Progress = z.input<typeof planProgress>;
type StatusCounts = Progress['totals']['actions'];

export interface ProgressQuery {
  periodId?: string | undefined;
  institutionId?: string | undefined;
  axisId?: string | undefined;
}

const noActions = (): StatusCounts => Object.fromEntries(actionStatuses.map((s) => [s, 0])) as unknown as StatusCounts;

function addTo(counts: StatusCounts, status: string, n: number) {
  if (status in counts) counts[status as keyof StatusCounts] += n;
}

/**
 * The plan's progress, per axis and per member institution: actions by status, overdue, linked records, and the
 * indicators' values from validated reports. The filters (period, institution, axis) apply to every figure.
 */
export async function getPlanProgress(
  db: Kysely<DB>,
  engine: Engine,
  actor: Actor,
  planId: string,
  query: ProgressQuery,
) {
  const plan = await findVisiblePlan(db, actor, planId);
  if (!plan) throw notFound();
  const [axes, periods] = await Promise.all([axesOf(db, planId), periodsOf(db, planId)]);
  const period = query.periodId ? periods.find((p) => p.id === query.periodId) : undefined;
  if (query.periodId && !period) throw unknownReference('query.periodId');
  const filterAxis = query.axisId ? axes.find((a) => a.id === query.axisId) : undefined;
  if (query.axisId && !filterAxis) throw unknownReference('query.axisId');
  if (query.institutionId && (await visibleInstitutions(db, actor, [query.institutionId])).length === 0) {
    throw unknownReference('query.institutionId');
  }

  const today = todayUtc();
  // A period selects the actions planned within it (dates overlapping) and the reports made for it.
  const actionFilters: ActionFilters = {
    planId,
    axisId: query.axisId,
    institutionId: query.institutionId,
    from: period?.starts_on,
    to: period?.ends_on,
  };
  const reportFilters: ReportFilters = {
    planId,
    axisId: query.axisId,
    periodId: query.periodId,
    institutionId: query.institutionId,
  };
  const [actionRows, linkRows, memberActionRows, indicators, indicatorStats, breakdownRows, memberReportRows, members] =
    await Promise.all([
      repo.actionCounts(db, actor, actionFilters, today),
      repo.linkCounts(db, actor, actionFilters, today),
      repo.institutionActionCounts(db, actor, plan.group_id, actionFilters, today),
      repo.indicatorsOf(db, actor, planId, query.axisId),
      repo.reportStatsByIndicator(db, actor, reportFilters),
      repo.validatedBreakdown(db, engine, actor, reportFilters),
      repo.reportStatsByInstitution(db, actor, reportFilters),
      groupMembersOf(db, actor, plan.group_id),
    ]);

  // Sub-items count in their axis.
  const topOf = (row: { axis_id: string | null; axis_parent_id: string | null }) => row.axis_parent_id ?? row.axis_id;
  const topAxes = axes.filter(
    (a) => a.parent_id === null && (!filterAxis || a.id === (filterAxis.parent_id ?? filterAxis.id)),
  );

  // Awareness reach per axis, from the sessions linked to its actions (in practice axis 4), with the same filters.
  const reaches = await Promise.all(
    topAxes.map((axis) =>
      computeReach(db, actor, {
        plan: { planId, axisId: query.axisId ?? axis.id },
        institutionId: query.institutionId,
        from: period?.starts_on,
        to: period?.ends_on,
      }),
    ),
  );

  const progressAxes: Progress['axes'] = topAxes.map((axis, index) => {
    const reach = reaches[index];
    const actions = noActions();
    let overdue = 0;
    for (const row of actionRows.filter((r) => topOf(r) === axis.id)) {
      addTo(actions, row.status, Number(row.n));
      overdue += Number(row.overdue ?? 0);
    }
    const linkedRecords = linkRows.filter((r) => topOf(r) === axis.id).reduce((sum, r) => sum + Number(r.n), 0);
    const axisIndicators = indicators
      .filter((i) => topOf(i) === axis.id)
      .map((indicator) => {
        const stats = indicatorStats.filter((s) => s.indicator_id === indicator.id);
        const validated = stats.find((s) => s.status === 'validated');
        const validatedReports = Number(validated?.n ?? 0);
        const pendingReports = stats.filter((s) => s.status === 'submitted').reduce((n, s) => n + Number(s.n), 0);
        const sum = Number(validated?.sum_total ?? 0);
        const dimensions = parseDimensions(indicator.dimensions);
        // An average (a score, a delay) is the mean of the reports' totals; its breakdown is averaged likewise, so
        // that each dimension's values still add up to the value.
        const divisor = indicator.aggregation === 'average' ? validatedReports : 1;
        let breakdown: Breakdown = {};
        if (validatedReports > 0) {
          breakdown = emptyBreakdown(dimensions);
          for (const row of breakdownRows.filter((r) => r.indicator_id === indicator.id)) {
            const values = breakdown[row.dimension];
            if (values && row.dim_value in values) values[row.dim_value] = tidy(Number(row.amount) / divisor);
          }
        }
        return {
          indicatorId: indicator.id,
          code: indicator.code,
          nameFr: indicator.name_fr,
          nameEn: indicator.name_en,
          unit: indicator.unit,
          aggregation: indicator.aggregation as 'sum' | 'average',
          baseline: indicator.baseline === null ? null : Number(indicator.baseline),
          target: indicator.target === null ? null : Number(indicator.target),
          value: validatedReports > 0 ? tidy(sum / divisor) : null,
          validatedReports,
          pendingReports,
          breakdown,
        };
      });
    return {
      axisId: axis.id,
      number: axis.number,
      titleFr: axis.title_fr,
      titleEn: axis.title_en,
      actions,
      overdue,
      linkedRecords,
      indicators: axisIndicators,
      reach: reach && reach.sessions > 0 ? reach : null,
    };
  });

  const totals = { actions: noActions(), overdue: 0, linkedRecords: 0 };
  for (const axis of progressAxes) {
    for (const status of actionStatuses) totals.actions[status] += axis.actions[status];
    totals.overdue += axis.overdue;
    totals.linkedRecords += axis.linkedRecords;
  }

  const institutions: Progress['institutions'] = members
    .filter((m) => !query.institutionId || m.institution_id === query.institutionId)
    .map((member) => {
      const actions = noActions();
      let overdue = 0;
      for (const row of memberActionRows.filter((r) => r.institution_id === member.institution_id)) {
        addTo(actions, row.status, Number(row.n));
        overdue += Number(row.overdue ?? 0);
      }
      const reports = memberReportRows.filter((r) => r.institution_id === member.institution_id);
      const count = (status: string) => reports.filter((r) => r.status === status).reduce((n, r) => n + Number(r.n), 0);
      return {
        institutionId: member.institution_id,
        countryCode: member.country_code,
        nameFr: member.name_fr,
        nameEn: member.name_en,
        membershipStatus: member.status as Progress['institutions'][number]['membershipStatus'],
        actions,
        overdue,
        reportsValidated: count('validated'),
        reportsPending: count('submitted'),
      };
    });

  return {
    planId,
    filters: {
      periodId: query.periodId ?? null,
      institutionId: query.institutionId ?? null,
      axisId: query.axisId ?? null,
    },
    today,
    totals,
    axes: progressAxes,
    institutions,
  } satisfies Progress;
}
