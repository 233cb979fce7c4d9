import type { Kysely } from 'kysely';
import type { ReportLanguage, ReportStep } from '../../../shared/contract/reports.js';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { Engine } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { networkDashboard } from '../dashboard/dashboard.service.js';
import { listActions } from '../plan/actions.service.js';
import { getPlan, listPlans } from '../plan/plans.service.js';
import { getPlanProgress } from '../plan/progress.service.js';
import { periodsOf } from '../plan/reports.repo.js';
import {
  activitiesOf,
  allListed,
  axisFigures,
  breathe,
  firstListed,
  institutionFigures,
  type Scope,
  visitsOf,
} from './figures.js';
import { type ConsolidatedLabels, consolidatedLabels } from './labels.js';

/** A report as neutral blocks, rendered alike to PDF and DOCX. */
export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'fields'; rows: [string, string][] }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] }
  | { kind: 'bars'; title: string; bars: { label: string; value: number }[] };

export interface ReportModel {
  title: string;
  subtitle: string;
  blocks: Block[];
}

export interface ReportRequest {
  language: ReportLanguage;
  scope: Scope;
  requesterName: string;
  generatedAt: string;
}

/** Called between steps; throws when the generation should stop (its report was deleted or taken over). */
export type StepReporter = (step: ReportStep, progress: number) => Promise<void>;

const HIGHLIGHTS = 15;
/** The latest visits among which the highlights pick those with the most recommendations. */
const RECENT_VISITS = 50;

type AxisNumber = 1 | 2 | 3 | 4 | 5;
const axisNumbers: AxisNumber[] = [1, 2, 3, 4, 5];

function formatNumber(language: ReportLanguage, value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

/** Indicator values over several progress reads (periods × institutions), combined as each indicator aggregates. */
interface Combined {
  code: string;
  name: string;
  axisId: string;
  aggregation: 'sum' | 'average';
  baseline: number | null;
  target: number | null;
  sum: number;
  reports: number;
}

/**
 * Gathers the report's content as its requester sees the data now: the plans covering the period with their axes,
 * actions and indicators against targets, the per-axis figures, a table per institution and the highlights.
 */
export async function buildConsolidatedReport(
  db: Kysely<DB>,
  engine: Engine,
  actor: Actor,
  request: ReportRequest,
  step: StepReporter,
): Promise<ReportModel> {
  const { language, scope } = request;
  const l = consolidatedLabels[language];
  const name = (i: { nameFr: string; nameEn: string | null }) =>
    language === 'en' ? (i.nameEn ?? i.nameFr) : i.nameFr;
  const n = (value: number | null) => formatNumber(language, value);
  const blocks: Block[] = [];
  const ids = scope.institutionIds;

  await step('plan', 5);
  const institutions = await scopeInstitutions(db, actor, ids);
  const plans = (await listPlans(db, actor, { page: 1, pageSize: 100, sort: 'startsOn', order: 'asc' })).items.filter(
    (p) => p.startsOn <= scope.to && p.endsOn >= scope.from,
  );

  blocks.push({ kind: 'heading', level: 1, text: l.cover });
  blocks.push({
    kind: 'fields',
    rows: [
      [l.period, `${scope.from} – ${scope.to}`],
      [l.generatedAt, request.generatedAt.replace('T', ' ').slice(0, 16).concat(' UTC')],
      [l.generatedBy, request.requesterName],
      [l.language, l.languageName],
      [
        l.scope,
        ids.length === 0 ? l.scopeAll(request.requesterName) : l.scopeInstitutions(institutions.map(name).join(', ')),
      ],
    ],
  });
  blocks.push({ kind: 'paragraph', text: l.scopeNote });

  await step('axes', 15);
  const figures = await axisFigures(db, actor, scope);
  const axisTitles = new Map<AxisNumber, string>(axisNumbers.map((a) => [a, l.genericAxes[a]]));
  const firstPlan = plans[0];
  if (firstPlan) {
    const plan = await getPlan(db, actor, firstPlan.id);
    for (const axis of plan.axes) {
      const number = Number(axis.number) as AxisNumber;
      if (axisNumbers.includes(number))
        axisTitles.set(number, language === 'en' ? (axis.titleEn ?? axis.titleFr) : axis.titleFr);
    }
  }
  const axisLabel = (a: AxisNumber) => l.axisTitle(String(a), axisTitles.get(a) ?? l.genericAxes[a]);

  blocks.push({ kind: 'heading', level: 1, text: l.summary });
  blocks.push({ kind: 'paragraph', text: l.summaryIntro });
  blocks.push({
    kind: 'table',
    header: [l.axis, l.records],
    rows: axisNumbers.map((a) => [axisLabel(a), n(figures.totals[a])]),
    widths: [80, 20],
  });
  blocks.push({
    kind: 'bars',
    title: l.recordsChart,
    bars: axisNumbers.map((a) => ({ label: `${l.axis} ${a}`, value: figures.totals[a] })),
  });

  // Per axis, the network dashboard's figures for the same period and institutions, as the requester sees them;
  // axis 3 (study visits, courses) has no dashboard section: its counts come from the activities list.
  const dashboard = await networkDashboard(db, actor, { from: scope.from, to: scope.to, institutionIds: ids });
  const d = l.dashboard;
  const row = (label: string, value: number | null): [string, string] => [label, n(value)];
  const percent = (ratio: number | null) =>
    ratio === null
      ? l.none
      : new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' }).format(ratio);
  const axisFiguresRows: Record<AxisNumber, [string, string][]> = {
    1: dashboard.dialogue
      ? [
          row(d.bodies, dashboard.dialogue.bodies.value),
          row(d.bodiesOnTime, dashboard.dialogue.onTime.value),
          row(d.bodiesBehind, dashboard.dialogue.behind.value),
          row(d.meetings, dashboard.dialogue.meetings.value),
        ]
      : [],
    2: [
      ...(dashboard.trainings
        ? [
            row(d.trainings, dashboard.trainings.trainings.value),
            row(d.peopleTrained, dashboard.trainings.people.value),
          ]
        : []),
      ...(dashboard.statements
        ? [
            row(d.statements, dashboard.statements.statements.value),
            row(d.statementsReplied, dashboard.statements.replied.value),
            row(d.statementsWaiting, dashboard.statements.waiting.value),
            row(d.medianDaysToReply, dashboard.statements.medianDaysToReply),
          ]
        : []),
    ],
    3: [row(l.activitiesOfKind.study_visit, figures.studyVisits), row(l.activitiesOfKind.course, figures.courses)],
    4: dashboard.awareness
      ? [
          row(l.awarenessSessions, dashboard.awareness.sessions.value),
          row(d.groups, dashboard.awareness.groups),
          // Reach counts each group once across its repeats: it does not add up over a selection of institutions.
          ...(ids.length > 1 ? [] : [row(l.childrenReached, dashboard.awareness.children.value)]),
          row(l.adultsReached, dashboard.awareness.adults),
          row(d.mediaAudience, dashboard.awareness.mediaAudience),
        ]
      : [],
    5: [
      ...(dashboard.visits
        ? [
            row(l.visits, dashboard.visits.total.value),
            row(d.announced, dashboard.visits.announced.value),
            row(d.unannounced, dashboard.visits.unannounced.value),
            row(d.joint, dashboard.visits.joint.value),
          ]
        : []),
      ...(dashboard.recommendations
        ? [
            row(l.recommendations, dashboard.recommendations.total.value),
            row(d.recommendationsOverdue, dashboard.recommendations.overdue.value),
            [d.implementationRate, percent(dashboard.recommendations.implementationRate)] as [string, string],
          ]
        : []),
    ],
  };

  // Plans: actions of the period and indicators against targets, per axis.
  const indicatorsByAxis = new Map<AxisNumber, Combined[]>();
  const actionsByAxis = new Map<AxisNumber, string[][]>();
  const reportsValidated = new Map<string, number>();
  const actionsPerInstitution = new Map<string, number>();
  for (const plan of plans) {
    const periods = (await periodsOf(db, plan.id)).filter((p) => p.starts_on <= scope.to && p.ends_on >= scope.from);
    const combined = new Map<string, Combined>();
    const topNumber = new Map<string, AxisNumber>();
    for (const institutionId of ids.length > 0 ? ids : [undefined]) {
      for (const period of periods) {
        await breathe();
        const progress = await getPlanProgress(db, engine, actor, plan.id, { periodId: period.id, institutionId });
        for (const axis of progress.axes) {
          topNumber.set(axis.axisId, Number(axis.number) as AxisNumber);
          for (const indicator of axis.indicators) {
            const entry = combined.get(indicator.indicatorId) ?? {
              code: indicator.code,
              name: name({ nameFr: indicator.nameFr, nameEn: indicator.nameEn }),
              axisId: axis.axisId,
              aggregation: indicator.aggregation,
              baseline: indicator.baseline,
              target: indicator.target,
              sum: 0,
              reports: 0,
            };
            if (indicator.value !== null) {
              // An average's value is the mean of its reports: weighted back by their number to combine.
              entry.sum +=
                indicator.aggregation === 'average' ? indicator.value * indicator.validatedReports : indicator.value;
              entry.reports += indicator.validatedReports;
            }
            combined.set(indicator.indicatorId, entry);
          }
        }
        for (const row of progress.institutions) {
          reportsValidated.set(
            row.institutionId,
            (reportsValidated.get(row.institutionId) ?? 0) + row.reportsValidated,
          );
        }
      }
    }
    for (const entry of combined.values()) {
      const axis = topNumber.get(entry.axisId);
      if (!axis) continue;
      indicatorsByAxis.set(axis, [...(indicatorsByAxis.get(axis) ?? []), entry]);
    }
    const actions = await allListed(ids, (institutionId, page, pageSize) =>
      listActions(db, actor, {
        planId: plan.id,
        from: scope.from,
        to: scope.to,
        institutionId,
        page,
        pageSize,
        sort: 'axis',
        order: 'asc',
      }),
    );
    for (const action of actions) {
      const axis = Number(action.axisNumber.split('.')[0]) as AxisNumber;
      const row = [
        `${action.axisNumber} ${action.title}`,
        action.leadInstitutionName ?? l.none,
        l.statuses[action.status],
        action.plannedEnd ?? l.none,
      ];
      actionsByAxis.set(axis, [...(actionsByAxis.get(axis) ?? []), row]);
      const involved = new Set([
        ...(action.leadInstitutionId ? [action.leadInstitutionId] : []),
        ...action.participantInstitutionIds,
      ]);
      for (const institutionId of involved)
        actionsPerInstitution.set(institutionId, (actionsPerInstitution.get(institutionId) ?? 0) + 1);
    }
  }

  if (plans.length === 0) blocks.push({ kind: 'paragraph', text: l.noPlan });
  for (const plan of plans) {
    blocks.push({
      kind: 'paragraph',
      bold: true,
      text: l.plan(language === 'en' ? (plan.titleEn ?? plan.titleFr) : plan.titleFr, plan.startsOn, plan.endsOn),
    });
  }
  for (const a of axisNumbers) {
    blocks.push({ kind: 'heading', level: 1, text: axisLabel(a) });
    blocks.push({ kind: 'heading', level: 2, text: l.figures });
    blocks.push({ kind: 'table', header: [l.figure, l.value], rows: axisFiguresRows[a], widths: [75, 25] });
    if (plans.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: l.actions });
    const actions = actionsByAxis.get(a) ?? [];
    if (actions.length === 0) blocks.push({ kind: 'paragraph', text: l.noActions });
    else {
      blocks.push({
        kind: 'table',
        header: [l.action, l.lead, l.status, l.plannedEnd],
        rows: actions,
        widths: [50, 22, 13, 15],
      });
    }
    blocks.push({ kind: 'heading', level: 2, text: l.indicators });
    const indicators = indicatorsByAxis.get(a) ?? [];
    if (indicators.length === 0) blocks.push({ kind: 'paragraph', text: l.noIndicators });
    else {
      blocks.push({
        kind: 'table',
        header: [l.code, l.indicator, l.baseline, l.target, l.periodValue, l.achieved],
        rows: indicators.map((i) => {
          const value = i.reports === 0 ? null : i.aggregation === 'average' ? i.sum / i.reports : i.sum;
          const achieved = value !== null && i.target ? `${Math.round((value / i.target) * 100)} %` : l.none;
          return [i.code, i.name, n(i.baseline), n(i.target), n(value), achieved];
        }),
        widths: [8, 38, 14, 10, 16, 14],
      });
    }
  }

  await step('institutions', 45);
  const perInstitution: { label: string; cells: number[] }[] = [];
  for (const institution of institutions) {
    const f = await institutionFigures(db, actor, scope, institution.id);
    perInstitution.push({
      label: name(institution),
      cells: [
        f.activities,
        f.sessions,
        f.visits,
        actionsPerInstitution.get(institution.id) ?? 0,
        reportsValidated.get(institution.id) ?? 0,
      ],
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: l.institutions });
  blocks.push({
    kind: 'table',
    header: [
      l.institution,
      l.columns.activities,
      l.columns.sessions,
      l.columns.visits,
      l.columns.actions,
      l.columns.reports,
    ],
    rows: perInstitution.map((r) => [r.label, ...r.cells.map((c) => n(c))]),
    widths: [32, 13, 15, 11, 12, 17],
  });
  blocks.push({
    kind: 'bars',
    title: l.institutionsChart,
    bars: perInstitution.map((r) => ({
      label: r.label,
      value: (r.cells[0] ?? 0) + (r.cells[1] ?? 0) + (r.cells[2] ?? 0),
    })),
  });

  await step('highlights', 65);
  blocks.push({ kind: 'heading', level: 1, text: l.highlights });
  const byStart = (a: { startsAt: string }) => a.startsAt;
  const chronological = <T extends { startsAt: string }>(items: T[]) =>
    [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const statements = await firstListed(
    ids,
    activitiesOf(db, actor, scope, { kind: 'statement' }, 'desc'),
    HIGHLIGHTS,
    byStart,
  );
  blocks.push({ kind: 'heading', level: 2, text: l.statementsHighlights });
  blocks.push(
    highlightTable(
      l,
      chronological(statements).map((s) => [s.startsAt.slice(0, 10), s.title]),
    ),
  );
  const trainings = await firstListed(
    ids,
    activitiesOf(db, actor, scope, { kind: 'training' }, 'desc'),
    HIGHLIGHTS,
    byStart,
  );
  blocks.push({ kind: 'heading', level: 2, text: l.trainingsHighlights });
  blocks.push(
    highlightTable(
      l,
      chronological(trainings).map((s) => [s.startsAt.slice(0, 10), s.title]),
    ),
  );
  const visits = await firstListed(ids, visitsOf(db, actor, scope, 'desc'), RECENT_VISITS, (v) => v.startsOn);
  blocks.push({ kind: 'heading', level: 2, text: l.visitsHighlights });
  const notable = [...visits]
    .sort((a, b) => b.counts.recommendations - a.counts.recommendations || a.startsOn.localeCompare(b.startsOn))
    .slice(0, HIGHLIGHTS)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  blocks.push(
    notable.length === 0
      ? { kind: 'paragraph', text: l.none }
      : {
          kind: 'table',
          header: [l.date, l.facility, l.institution, l.recommendations],
          rows: notable.map((v) => [
            v.startsOn,
            v.facility.name,
            v.leadInstitution ? name(v.leadInstitution) : l.none,
            n(v.counts.recommendations),
          ]),
          widths: [14, 40, 30, 16],
        },
  );

  return { title: l.title, subtitle: l.subtitle(scope.from, scope.to), blocks };
}

function highlightTable(l: ConsolidatedLabels, rows: string[][]): Block {
  if (rows.length === 0) return { kind: 'paragraph', text: l.none };
  return { kind: 'table', header: [l.date, l.titleColumn], rows, widths: [18, 82] };
}

/** The institutions the report is about: those asked for, else every member institution the reader sees. */
async function scopeInstitutions(db: Kysely<DB>, actor: Actor, ids: string[]) {
  let query = db
    .selectFrom('institutions')
    .select(['institutions.id', 'institutions.name_fr', 'institutions.name_en'])
    .where(visibleTo(actor, 'institutions'))
    .orderBy('institutions.name_fr')
    .orderBy('institutions.id');
  query =
    ids.length > 0
      ? query.where('institutions.id', 'in', ids)
      : query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('group_memberships')
              .select('group_memberships.institution_id')
              .whereRef('group_memberships.institution_id', '=', 'institutions.id'),
          ),
        );
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, nameFr: r.name_fr, nameEn: r.name_en }));
}
