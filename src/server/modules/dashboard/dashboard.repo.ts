import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB } from '../../db/schema.js';
import {
  type ActivityFilters,
  involves as activityInvolves,
  filteredActivities,
  isOverdueBody,
  lastMeetingOf,
} from '../activities/activities.repo.js';
import { filteredSessions, type SessionFilters } from '../awareness/sessions.repo.js';
import { filteredRecommendations, isOverdue as isOverdueRecommendation } from '../monitoring/recommendations.repo.js';
import { filteredVisits, involvesInstitution } from '../monitoring/visits.repo.js';
import { involves as actionInvolves, filteredActions, isOverdue as isOverdueAction } from '../plan/actions.repo.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

/**
 * The dashboard's choice, shared by every section. Each count starts from the list's own filtered query (same
 * visibility, same filters), so a figure and the list behind it cannot disagree; several institutions are added on
 * top as "any of them", which no list can express.
 */
export interface Scope {
  from?: string | undefined;
  to?: string | undefined;
  institutionIds: string[];
  country?: string | undefined;
}

/** The one institution a list can filter on, when exactly one is chosen. */
export function singleInstitution(scope: Scope): string | undefined {
  return scope.institutionIds.length === 1 ? scope.institutionIds[0] : undefined;
}

function several(scope: Scope): string[] | undefined {
  return scope.institutionIds.length > 1 ? scope.institutionIds : undefined;
}

const n = (value: number | string | bigint | null | undefined) => Number(value ?? 0);

// ——— Plan actions ———

/** Actions per plan and status, with how many are overdue, optionally on one axis (its number, sub-items included). */
export async function actionCounts(db: Executor, actor: Actor, scope: Scope, axis: number | undefined, today: string) {
  const ids = several(scope);
  let query = filteredActions(
    db,
    actor,
    { institutionId: singleInstitution(scope), from: scope.from, to: scope.to, country: scope.country },
    today,
  );
  if (ids) query = query.where((eb) => eb.or(ids.map((id) => actionInvolves(eb, id))));
  if (axis !== undefined) {
    const number = String(axis);
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('plan_axes.parent_id', 'is', null), eb('plan_axes.number', '=', number)]),
        eb(
          'plan_axes.parent_id',
          'in',
          eb.selectFrom('plan_axes as top_axis').select('top_axis.id').where('top_axis.number', '=', number),
        ),
      ]),
    );
  }
  const rows = await query
    .select((eb) => [
      'plan_actions.plan_id as plan_id',
      'plans.title_fr as title_fr',
      'plans.title_en as title_en',
      'plan_actions.status as status',
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.sum<number | string>(eb.case().when(isOverdueAction(eb, today)).then(1).else(0).end()).as('overdue'),
    ])
    .groupBy(['plan_actions.plan_id', 'plans.title_fr', 'plans.title_en', 'plan_actions.status'])
    .execute();
  return rows.map((r) => ({ ...r, count: n(r.count), overdue: n(r.overdue) }));
}

/** The top-level axis of each plan with this number: what the actions list filters on. */
export function axesNumbered(db: Executor, planIds: string[], axis: number) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_axes')
    .select(['plan_axes.id', 'plan_axes.plan_id'])
    .where('plan_axes.plan_id', 'in', planIds)
    .where('plan_axes.parent_id', 'is', null)
    .where('plan_axes.number', '=', String(axis))
    .execute();
}

// ——— Activities (axes 1–2) ———

function activities(db: Executor, actor: Actor, scope: Scope, filters: ActivityFilters, now: Date) {
  const ids = several(scope);
  const query = filteredActivities(
    db,
    actor,
    { institutionId: singleInstitution(scope), country: scope.country, ...filters },
    now,
  );
  return ids ? query.where((eb) => eb.or(ids.map((id) => activityInvolves(eb, id)))) : query;
}

/** Dialogue bodies (whatever the period: on time or behind is about now), each with its last visible meeting. */
export function bodies(db: Executor, actor: Actor, scope: Scope, now: Date) {
  return activities(db, actor, scope, { kind: 'dialogue_body' }, now)
    .select((eb) => [
      'activities.id',
      'activities.title',
      'activities.cadence_months',
      lastMeetingOf(eb, actor, 'activities.id', now.toISOString()).as('last_meeting_at'),
      eb
        .case()
        .when(isOverdueBody(eb, actor, now))
        .then(1)
        .else(0)
        .end()
        .as('behind'),
    ])
    .orderBy('activities.title')
    .orderBy('activities.id')
    .execute();
}

/** Meetings held in the period, per body (null: a meeting of no body). */
export function meetingsPerBody(db: Executor, actor: Actor, scope: Scope, now: Date) {
  return activities(db, actor, scope, { kind: 'meeting', from: scope.from, to: scope.to }, now)
    .select((eb) => ['activities.body_id', eb.fn.countAll<number | string>().as('count')])
    .groupBy('activities.body_id')
    .execute();
}

export async function trainings(db: Executor, actor: Actor, scope: Scope, now: Date) {
  const base = activities(db, actor, scope, { kind: 'training', from: scope.from, to: scope.to }, now);
  const [count, people] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow(),
    base
      .innerJoin('training_participants', 'training_participants.activity_id', 'activities.id')
      .select((eb) => [
        'training_participants.audience',
        'training_participants.sex',
        eb.fn.sum<number | string>('training_participants.count').as('count'),
      ])
      .groupBy(['training_participants.audience', 'training_participants.sex'])
      .execute(),
  ]);
  return { count: n(count.count), people: people.map((p) => ({ ...p, count: n(p.count) })) };
}

/** Statements of the period with the date of their first reply (null while waiting). */
export function statements(db: Executor, actor: Actor, scope: Scope, now: Date) {
  const firstReplies = db
    .selectFrom('statement_responses')
    .select((eb) => ['statement_responses.activity_id', eb.fn.min('statement_responses.received_on').as('first_on')])
    .groupBy('statement_responses.activity_id');
  return activities(db, actor, scope, { kind: 'statement', from: scope.from, to: scope.to }, now)
    .leftJoin(firstReplies.as('first_reply'), 'first_reply.activity_id', 'activities.id')
    .select(['activities.starts_local', 'first_reply.first_on'])
    .execute();
}

// ——— Awareness (axis 4) ———

/** The scope as the awareness lists and the reach take it (several institutions: owned by any of them). */
export function sessionFilters(scope: Scope): SessionFilters {
  return {
    from: scope.from,
    to: scope.to,
    country: scope.country,
    institutionId: singleInstitution(scope),
    institutionIds: several(scope),
  };
}

/** Sessions per setting. */
export function sessionsPerSetting(db: Executor, actor: Actor, scope: Scope) {
  return filteredSessions(db, actor, sessionFilters(scope))
    .select((eb) => ['awareness_sessions.setting', eb.fn.countAll<number | string>().as('count')])
    .groupBy('awareness_sessions.setting')
    .execute();
}

const series = sql<string>`coalesce(awareness_sessions.repeat_of_id, awareness_sessions.id)`;

/**
 * Children reached per setting, as `/awareness-sessions/reach?setting=…` counts them: per setting, per series and
 * cell the largest count, summed.
 */
export function childrenPerSetting(db: Executor, actor: Actor, scope: Scope) {
  const perSeries = filteredSessions(db, actor, sessionFilters(scope))
    .innerJoin('awareness_reach', 'awareness_reach.session_id', 'awareness_sessions.id')
    .select((eb) => ['awareness_sessions.setting as setting', eb.fn.max('awareness_reach.count').as('n')])
    .groupBy([
      'awareness_sessions.setting',
      series,
      'awareness_reach.sex',
      'awareness_reach.age_band',
      'awareness_reach.status',
    ]);
  return db
    .selectFrom(perSeries.as('s'))
    .select((eb) => ['s.setting', eb.fn.sum<number | string>('s.n').as('count')])
    .groupBy('s.setting')
    .execute();
}

// ——— Monitoring (axis 5) ———

function visits(db: Executor, actor: Actor, scope: Scope) {
  const ids = several(scope);
  const query = filteredVisits(db, actor, {
    from: scope.from,
    to: scope.to,
    country: scope.country,
    institution: singleInstitution(scope),
  });
  return ids ? query.where((eb) => eb.or(ids.map((id) => involvesInstitution(eb, id)))) : query;
}

/** Visits per facility kind × announced × joint (at most 36 groups). */
export function visitGroups(db: Executor, actor: Actor, scope: Scope) {
  const rows = visits(db, actor, scope).select((eb) => [
    'facilities.kind as kind',
    'visits.announced as announced',
    eb
      .case()
      .when(
        eb.exists(
          eb
            .selectFrom('visit_institutions')
            .select('visit_institutions.visit_id')
            .whereRef('visit_institutions.visit_id', '=', 'visits.id'),
        ),
      )
      .then(1)
      .else(0)
      .end()
      .as('joint'),
  ]);
  return db
    .selectFrom(rows.as('v'))
    .select((eb) => ['v.kind', 'v.announced', 'v.joint', eb.fn.countAll<number | string>().as('count')])
    .groupBy(['v.kind', 'v.announced', 'v.joint'])
    .execute();
}

export function visitsPerCountry(db: Executor, actor: Actor, scope: Scope) {
  return visits(db, actor, scope)
    .select((eb) => ['facilities.country_code as country', eb.fn.countAll<number | string>().as('count')])
    .groupBy('facilities.country_code')
    .execute();
}

/** Visited facilities that have coordinates, with their visits in the scope. */
export function visitedFacilities(db: Executor, actor: Actor, scope: Scope) {
  return visits(db, actor, scope)
    .where('facilities.latitude', 'is not', null)
    .where('facilities.longitude', 'is not', null)
    .select((eb) => [
      'facilities.id',
      'facilities.name',
      'facilities.kind',
      'facilities.country_code',
      'facilities.latitude',
      'facilities.longitude',
      eb.fn.countAll<number | string>().as('count'),
    ])
    .groupBy([
      'facilities.id',
      'facilities.name',
      'facilities.kind',
      'facilities.country_code',
      'facilities.latitude',
      'facilities.longitude',
    ])
    .orderBy('facilities.name')
    .limit(2000)
    .execute();
}

/** Recommendations per status × overdue × repeated (at most 32 groups). */
export function recommendationGroups(db: Executor, actor: Actor, scope: Scope, today: string) {
  const ids = several(scope);
  let query = filteredRecommendations(
    db,
    actor,
    { from: scope.from, to: scope.to, country: scope.country, institution: singleInstitution(scope) },
    today,
  );
  if (ids) query = query.where((eb) => eb.or(ids.map((id) => involvesInstitution(eb, id))));
  const rows = query.select((eb) => [
    'recommendations.status as status',
    eb.case().when(isOverdueRecommendation(eb, today)).then(1).else(0).end().as('overdue'),
    eb.case().when('recommendations.repeats_id', 'is not', null).then(1).else(0).end().as('repeated'),
  ]);
  return (
    db
      .selectFrom(rows.as('r'))
      .select((eb) => ['r.status', 'r.overdue', 'r.repeated', eb.fn.countAll<number | string>().as('count')])
      // Computed keys first: grouping by status first makes SQLite walk the status index and fetch every row out of
      // order (three times slower on 67,000 recommendations than one pass over the table).
      .groupBy(['r.overdue', 'r.repeated', 'r.status'])
      .execute()
  );
}

// ——— Map ———

export function sessionsPerCountry(db: Executor, actor: Actor, scope: Scope) {
  return filteredSessions(db, actor, sessionFilters(scope))
    .where('awareness_sessions.country_code', 'is not', null)
    .select((eb) => ['awareness_sessions.country_code as country', eb.fn.countAll<number | string>().as('count')])
    .groupBy('awareness_sessions.country_code')
    .execute();
}

/** Member institutions (active in a group) per country, among those the actor may see. */
export function memberInstitutionsPerCountry(db: Executor, actor: Actor) {
  return db
    .selectFrom('institutions')
    .where(visibleTo(actor, 'institutions'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_memberships')
          .select('group_memberships.id')
          .whereRef('group_memberships.institution_id', '=', 'institutions.id')
          .where('group_memberships.status', '=', 'active'),
      ),
    )
    .select((eb) => ['institutions.country_code as country', eb.fn.countAll<number | string>().as('count')])
    .groupBy('institutions.country_code')
    .orderBy('institutions.country_code')
    .execute();
}
