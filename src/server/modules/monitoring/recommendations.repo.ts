import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { openRecommendationStatuses } from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';
import { involvesInstitution } from './visits.repo.js';

type Executor = Kysely<DB>;
// biome-ignore lint/suspicious/noExplicitAny: conditions shared by queries of different shapes over the same tables.
type AnyEb = ExpressionBuilder<any, any>;

export interface RecommendationFilters {
  q?: string | undefined;
  country?: string | undefined;
  facilityKind?: string | undefined;
  facility?: string | undefined;
  theme?: string | undefined;
  addressee?: string | undefined;
  status?: string | undefined;
  priority?: string | undefined;
  overdue?: boolean | undefined;
  repeated?: boolean | undefined;
  institution?: string | undefined;
  visit?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface RecommendationListQuery extends RecommendationFilters {
  page: number;
  pageSize: number;
  sort: 'issuedOn' | 'dueOn' | 'status' | 'theme' | 'priority' | 'country' | 'facility';
  order: 'asc' | 'desc';
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Past its due date and still waiting on the authority. */
export function isOverdue(eb: AnyEb, today: string): Expression<SqlBool> {
  return eb.and([
    eb('recommendations.due_on', 'is not', null),
    eb('recommendations.due_on', '<', today),
    eb('recommendations.status', 'in', [...openRecommendationStatuses]),
  ]);
}

/** Recommendations of visits the actor may see: a recommendation follows its visit's visibility. */
function visibleRecommendations(db: Executor, actor: Actor) {
  return db
    .selectFrom('recommendations')
    .innerJoin('visits', 'visits.id', 'recommendations.visit_id')
    .innerJoin('facilities', 'facilities.id', 'visits.facility_id')
    .where(visibleTo(actor, 'visits'));
}

/** The recommendations the actor may see with the filters, visit and facility joined: list, count and dashboard. */
export function filteredRecommendations(db: Executor, actor: Actor, f: RecommendationFilters, today: string) {
  let query = visibleRecommendations(db, actor);
  if (f.q)
    query = query.where(matchesText(['recommendations.text', 'recommendations.addressee', 'facilities.name'], f.q));
  if (f.country) query = query.where('facilities.country_code', '=', f.country);
  if (f.facilityKind) query = query.where('facilities.kind', '=', f.facilityKind);
  if (f.facility) query = query.where('visits.facility_id', '=', f.facility);
  if (f.theme) query = query.where('recommendations.theme', '=', f.theme);
  if (f.addressee) query = query.where(matchesText(['recommendations.addressee'], f.addressee));
  if (f.status) query = query.where('recommendations.status', '=', f.status);
  if (f.priority) query = query.where('recommendations.priority', '=', f.priority);
  if (f.overdue !== undefined) {
    query = query.where((eb) => (f.overdue ? isOverdue(eb, today) : eb.not(isOverdue(eb, today))));
  }
  if (f.repeated !== undefined) {
    query = query.where('recommendations.repeats_id', f.repeated ? 'is not' : 'is', null);
  }
  if (f.institution) {
    const institution = f.institution;
    query = query.where((eb) => involvesInstitution(eb, institution));
  }
  if (f.visit) query = query.where('recommendations.visit_id', '=', f.visit);
  if (f.from) query = query.where('recommendations.issued_on', '>=', f.from);
  if (f.to) query = query.where('recommendations.issued_on', '<=', f.to);
  return query;
}

function withColumns<Q extends ReturnType<typeof visibleRecommendations>>(query: Q, today: string) {
  return query
    .selectAll('recommendations')
    .select((eb) => [
      'visits.starts_on as visit_starts_on',
      'visits.facility_id',
      'visits.owner_institution_id',
      'visits.visibility',
      'facilities.name as facility_name',
      'facilities.kind as facility_kind',
      'facilities.country_code as facility_country',
      'facilities.city as facility_city',
      eb.case().when(isOverdue(eb, today)).then(1).else(0).end().as('overdue'),
    ]);
}

export type RecommendationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof withColumns>['executeTakeFirst']>>>;

const priorityWeight = sql`case recommendations.priority when 'low' then 1 when 'medium' then 2 else 3 end`;

export async function listRecommendations(db: Executor, actor: Actor, query: RecommendationListQuery, today: string) {
  const column = {
    issuedOn: sql.ref('recommendations.issued_on'),
    dueOn: sql.ref('recommendations.due_on'),
    status: sql.ref('recommendations.status'),
    theme: sql.ref('recommendations.theme'),
    priority: priorityWeight,
    country: sql.ref('facilities.country_code'),
    facility: sql.ref('facilities.name'),
  }[query.sort];
  const [rows, count] = await Promise.all([
    withColumns(filteredRecommendations(db, actor, query, today), today)
      // Without a due date last either way, on both engines.
      .orderBy(sql`case when ${column} is null then 1 else 0 end`)
      .orderBy(sql`${column} ${sql.raw(query.order)}`)
      .orderBy('recommendations.issued_on', 'desc')
      .orderBy('recommendations.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    filteredRecommendations(db, actor, query, today)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleRecommendation(db: Executor, actor: Actor, id: string, today: string) {
  return withColumns(visibleRecommendations(db, actor), today).where('recommendations.id', '=', id).executeTakeFirst();
}

export function findRecommendation(db: Executor, id: string) {
  return db.selectFrom('recommendations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The earlier recommendations repeated by these, as far as the actor may see them. */
export async function repeatedOf(db: Executor, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return visibleRecommendations(db, actor)
    .select(['recommendations.id', 'recommendations.text', 'recommendations.issued_on', 'recommendations.visit_id'])
    .where('recommendations.id', 'in', ids)
    .execute();
}

export function followUpsOf(db: Executor, recommendationId: string) {
  return db
    .selectFrom('recommendation_follow_ups')
    .leftJoin('users', 'users.id', 'recommendation_follow_ups.created_by')
    .selectAll('recommendation_follow_ups')
    .select('users.name as created_by_name')
    .where('recommendation_follow_ups.recommendation_id', '=', recommendationId)
    .orderBy('recommendation_follow_ups.happened_on')
    .orderBy('recommendation_follow_ups.created_at')
    .orderBy('recommendation_follow_ups.id')
    .execute();
}

export async function lastFollowUpOn(db: Executor, recommendationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('recommendation_follow_ups')
    .select((eb) => eb.fn.max('happened_on').as('last'))
    .where('recommendation_id', '=', recommendationId)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

export async function firstFollowUpOn(db: Executor, recommendationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('recommendation_follow_ups')
    .select((eb) => eb.fn.min('happened_on').as('first'))
    .where('recommendation_id', '=', recommendationId)
    .executeTakeFirst();
  return (row?.first as string | null | undefined) ?? null;
}

/** Per theme and country, over the recommendations the actor may see (the tracker's filters, country aside). */
export async function themesByCountry(db: Executor, actor: Actor, f: RecommendationFilters, today: string) {
  const open = [...openRecommendationStatuses];
  return filteredRecommendations(db, actor, { ...f, country: undefined }, today)
    .select((eb) => [
      'recommendations.theme',
      'facilities.country_code',
      eb.fn.countAll<number>().as('recommendations'),
      eb.fn.sum<number>(eb.case().when('recommendations.status', 'in', open).then(1).else(0).end()).as('open'),
      eb.fn
        .sum<number>(eb.case().when('recommendations.status', '=', 'implemented').then(1).else(0).end())
        .as('implemented'),
      eb.fn
        .sum<number>(eb.case().when('recommendations.repeats_id', 'is not', null).then(1).else(0).end())
        .as('repeated'),
      eb.fn.count<number>('recommendations.visit_id').distinct().as('visits'),
    ])
    .groupBy(['recommendations.theme', 'facilities.country_code'])
    .orderBy('recommendations.theme')
    .orderBy('facilities.country_code')
    .execute();
}
