import type { Kysely } from 'kysely';
import {
  cadenceMonths,
  meetingCadences,
  participantSexes,
  trainingAudiences,
} from '../../../shared/contract/activities.js';
import { awarenessSettings } from '../../../shared/contract/awareness.js';
import type { DashboardFilters, NetworkDashboard } from '../../../shared/contract/dashboard.js';
import { facilityKinds, recommendationStatuses } from '../../../shared/contract/monitoring.js';
import { actionStatuses } from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { daysBetween } from '../activities/activity-time.js';
import { computeReach } from '../awareness/reach.js';
import { figures, median } from './dashboard.present.js';
import * as repo from './dashboard.repo.js';

const zeroes = <const K extends readonly string[]>(keys: K) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K[number], number>;
const num = (value: number | string | bigint | null | undefined) => Number(value ?? 0);

/** Which sections an axis keeps (no axis: all of them). */
function shows(axis: number | undefined, section: 1 | 2 | 4 | 5): boolean {
  return axis === undefined || axis === section;
}

/**
 * The network dashboard: every figure counted in SQL over what the actor may see, with the filters, exactly as the
 * list behind it counts (each figure carries that list and its query). Reads only.
 */
export async function networkDashboard(
  db: Kysely<DB>,
  actor: Actor,
  filters: DashboardFilters,
): Promise<NetworkDashboard> {
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const scope: repo.Scope = {
    from: filters.from,
    to: filters.to,
    institutionIds: filters.institutionIds,
    country: filters.country,
  };
  const axis = filters.axis;
  const f = figures(scope);

  const [actions, dialogue, trainings, statements, awareness, visits, recommendations, map] = await Promise.all([
    actionsSection(db, actor, scope, axis, today, f),
    shows(axis, 1) ? dialogueSection(db, actor, scope, now, f) : null,
    shows(axis, 2) ? trainingsSection(db, actor, scope, now, f) : null,
    shows(axis, 2) ? statementsSection(db, actor, scope, now, f) : null,
    shows(axis, 4) ? awarenessSection(db, actor, scope, f) : null,
    shows(axis, 5) ? visitsSection(db, actor, scope, f) : null,
    shows(axis, 5) ? recommendationsSection(db, actor, scope, today, f) : null,
    mapSection(db, actor, scope, axis, f),
  ]);

  return {
    filters: {
      from: filters.from ?? null,
      to: filters.to ?? null,
      institutionIds: filters.institutionIds,
      axis: axis ?? null,
      country: filters.country ?? null,
    },
    today,
    actions,
    dialogue,
    trainings,
    statements,
    awareness,
    visits,
    recommendations,
    map,
  };
}

type Figures = ReturnType<typeof figures>;

async function actionsSection(
  db: Kysely<DB>,
  actor: Actor,
  scope: repo.Scope,
  axis: number | undefined,
  today: string,
  f: Figures,
): Promise<NetworkDashboard['actions']> {
  const rows = await repo.actionCounts(db, actor, scope, axis, today);
  const planIds = [...new Set(rows.map((r) => r.plan_id))];
  const axes = axis === undefined ? [] : await repo.axesNumbered(db, planIds, axis);
  return planIds.map((planId) => {
    const mine = rows.filter((r) => r.plan_id === planId);
    const axisId = axes.find((a) => a.plan_id === planId)?.id;
    const byStatus = zeroes(actionStatuses);
    let overdue = 0;
    for (const r of mine) {
      byStatus[r.status as keyof typeof byStatus] = r.count;
      overdue += r.overdue;
    }
    const total = mine.reduce((sum, r) => sum + r.count, 0);
    const first = mine[0];
    return {
      planId,
      title: first?.title_fr ?? '',
      titleEn: first?.title_en ?? null,
      total: f.action(total, planId, axisId),
      byStatus: Object.fromEntries(
        actionStatuses.map((status) => [status, f.action(byStatus[status], planId, axisId, { status })]),
      ) as NetworkDashboard['actions'][number]['byStatus'],
      overdue: f.action(overdue, planId, axisId, { overdue: true }),
    };
  });
}

const cadenceOf = (months: number | null) => meetingCadences.find((c) => cadenceMonths[c] === months) ?? null;

async function dialogueSection(
  db: Kysely<DB>,
  actor: Actor,
  scope: repo.Scope,
  now: Date,
  f: Figures,
): Promise<NonNullable<NetworkDashboard['dialogue']>> {
  const [bodies, meetings] = await Promise.all([
    repo.bodies(db, actor, scope, now),
    repo.meetingsPerBody(db, actor, scope, now),
  ]);
  const behind = bodies.filter((b) => num(b.behind) === 1).length;
  const meetingCount = new Map(meetings.map((m) => [m.body_id, num(m.count)]));
  return {
    bodies: f.body(bodies.length),
    onTime: f.body(bodies.length - behind, { cadenceMissed: false }),
    behind: f.body(behind, { cadenceMissed: true }),
    meetings: f.activity(
      meetings.reduce((sum, m) => sum + num(m.count), 0),
      'meeting',
    ),
    // Those behind first: the ones to act on.
    perBody: [...bodies]
      .sort((a, b) => num(b.behind) - num(a.behind))
      .map((b) => ({
        id: b.id,
        title: b.title,
        cadence: cadenceOf(b.cadence_months),
        meetings: f.activity(meetingCount.get(b.id) ?? 0, 'meeting', { bodyId: b.id }),
        lastMeetingAt: (b.last_meeting_at as string | null) ?? null,
        behind: num(b.behind) === 1,
      })),
  };
}

async function trainingsSection(
  db: Kysely<DB>,
  actor: Actor,
  scope: repo.Scope,
  now: Date,
  f: Figures,
): Promise<NonNullable<NetworkDashboard['trainings']>> {
  const { count, people } = await repo.trainings(db, actor, scope, now);
  const byAudience = Object.fromEntries(trainingAudiences.map((a) => [a, zeroes(participantSexes)])) as Record<
    string,
    Record<string, number>
  >;
  const bySex = zeroes(participantSexes) as Record<string, number>;
  let total = 0;
  for (const p of people) {
    const row = byAudience[p.audience];
    if (row && p.sex in row) row[p.sex] = (row[p.sex] ?? 0) + p.count;
    bySex[p.sex] = (bySex[p.sex] ?? 0) + p.count;
    total += p.count;
  }
  return {
    trainings: f.activity(count, 'training'),
    people: f.activity(total, 'training'),
    byAudience: byAudience as NonNullable<NetworkDashboard['trainings']>['byAudience'],
    bySex: bySex as NonNullable<NetworkDashboard['trainings']>['bySex'],
  };
}

async function statementsSection(
  db: Kysely<DB>,
  actor: Actor,
  scope: repo.Scope,
  now: Date,
  f: Figures,
): Promise<NonNullable<NetworkDashboard['statements']>> {
  const rows = await repo.statements(db, actor, scope, now);
  const days = rows.flatMap((r) =>
    r.first_on ? [daysBetween(r.starts_local.slice(0, 10), r.first_on as string)] : [],
  );
  return {
    statements: f.activity(rows.length, 'statement'),
    replied: f.activity(days.length, 'statement', { replied: true }),
    waiting: f.activity(rows.length - days.length, 'statement', { replied: false }),
    medianDaysToReply: median(days),
  };
}

async function awarenessSection(
  db: Kysely<DB>,
  actor: Actor,
  scope: repo.Scope,
  f: Figures,
): Promise<NonNullable<NetworkDashboard['awareness']>> {
  const [reach, perSetting, childrenPerSetting] = await Promise.all([
    computeReach(db, actor, repo.sessionFilters(scope)),
    repo.sessionsPerSetting(db, actor, scope),
    repo.childrenPerSetting(db, actor, scope),
  ]);
  const sessions = new Map(perSetting.map((s) => [s.setting, num(s.count)]));
  const children = new Map(childrenPerSetting.map((s) => [s.setting, num(s.count)]));
  return {
    sessions: f.sessions(reach.sessions),
    groups: reach.groups,
    children: f.reach(reach.childrenTotal),
    bySex: reach.bySex as NonNullable<NetworkDashboard['awareness']>['bySex'],
    byAgeBand: reach.byAgeBand as NonNullable<NetworkDashboard['awareness']>['byAgeBand'],
    byStatus: reach.byStatus as NonNullable<NetworkDashboard['awareness']>['byStatus'],
    bySetting: Object.fromEntries(
      awarenessSettings.map((setting) => [
        setting,
        {
          sessions: f.sessions(sessions.get(setting) ?? 0, { setting }),
          children: f.reach(children.get(setting) ?? 0, { setting }),
        },
      ]),
    ) as NonNullable<NetworkDashboard['awareness']>['bySetting'],
    adults: reach.adults,
    mediaAudience: reach.mediaAudience,
    mediaCampaigns: reach.mediaCampaigns,
  };
}

async function visitsSection(
  db: Kysely<DB>,
  actor: Actor,
  scope: repo.Scope,
  f: Figures,
): Promise<NonNullable<NetworkDashboard['visits']>> {
  const groups = await repo.visitGroups(db, actor, scope);
  const byKind = zeroes(facilityKinds) as Record<string, number>;
  let total = 0;
  let announced = 0;
  let joint = 0;
  for (const g of groups) {
    const count = num(g.count);
    byKind[g.kind] = (byKind[g.kind] ?? 0) + count;
    total += count;
    if (num(g.announced) === 1) announced += count;
    if (num(g.joint) === 1) joint += count;
  }
  return {
    total: f.visits(total),
    byFacilityKind: Object.fromEntries(
      facilityKinds.map((kind) => [kind, f.visits(byKind[kind] ?? 0, { kind })]),
    ) as NonNullable<NetworkDashboard['visits']>['byFacilityKind'],
    announced: f.visits(announced, { announced: true }),
    unannounced: f.visits(total - announced, { announced: false }),
    joint: f.visits(joint, { joint: true }),
  };
}

async function recommendationsSection(
  db: Kysely<DB>,
  actor: Actor,
  scope: repo.Scope,
  today: string,
  f: Figures,
): Promise<NonNullable<NetworkDashboard['recommendations']>> {
  const groups = await repo.recommendationGroups(db, actor, scope, today);
  const byStatus = zeroes(recommendationStatuses) as Record<string, number>;
  let total = 0;
  let overdue = 0;
  let repeated = 0;
  for (const g of groups) {
    const count = num(g.count);
    byStatus[g.status] = (byStatus[g.status] ?? 0) + count;
    total += count;
    if (num(g.overdue) === 1) overdue += count;
    if (num(g.repeated) === 1) repeated += count;
  }
  return {
    total: f.recommendations(total),
    byStatus: Object.fromEntries(
      recommendationStatuses.map((status) => [status, f.recommendations(byStatus[status] ?? 0, { status })]),
    ) as NonNullable<NetworkDashboard['recommendations']>['byStatus'],
    implementationRate: total === 0 ? null : (byStatus.implemented ?? 0) / total,
    overdue: f.recommendations(overdue, { overdue: true }),
    repeated: f.recommendations(repeated, { repeated: true }),
  };
}

async function mapSection(
  db: Kysely<DB>,
  actor: Actor,
  scope: repo.Scope,
  axis: number | undefined,
  f: Figures,
): Promise<NetworkDashboard['map']> {
  const [members, visits, sessions, facilities] = await Promise.all([
    repo.memberInstitutionsPerCountry(db, actor),
    shows(axis, 5) ? repo.visitsPerCountry(db, actor, scope) : [],
    shows(axis, 4) ? repo.sessionsPerCountry(db, actor, scope) : [],
    shows(axis, 5) ? repo.visitedFacilities(db, actor, scope) : [],
  ]);
  const institutions = new Map(members.map((m) => [m.country, num(m.count)]));
  const visitCount = new Map(visits.map((v) => [v.country, num(v.count)]));
  const sessionCount = new Map(sessions.map((s) => [s.country as string, num(s.count)]));
  const countries = [...new Set([...institutions.keys(), ...visitCount.keys(), ...sessionCount.keys()])]
    .filter((country) => !scope.country || country === scope.country)
    .sort();
  return {
    memberCountries: [...institutions.keys()],
    countries: countries.map((country) => ({
      country,
      institutions: institutions.get(country) ?? 0,
      visits: shows(axis, 5) ? f.visits(visitCount.get(country) ?? 0, { country }) : null,
      sessions: shows(axis, 4) ? f.sessions(sessionCount.get(country) ?? 0, { country }) : null,
    })),
    facilities: facilities.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind as NetworkDashboard['map']['facilities'][number]['kind'],
      country: row.country_code,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      visits: f.visits(num(row.count), { facility: row.id }),
    })),
  };
}
