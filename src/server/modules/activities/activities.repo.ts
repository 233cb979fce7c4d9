import { type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type {
  ActivityFollowUpTable,
  ActivityTable,
  DB,
  StatementResponseTable,
  TrainingParticipantTable,
} from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';
import { nextDay } from './activity-time.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;
export type ActivityRow = Selectable<ActivityTable>;
export type FollowUpRow = Selectable<ActivityFollowUpTable>;
export type ResponseRow = Selectable<StatementResponseTable>;

export interface ActivityFilters {
  kind?: string | undefined;
  axis?: number | undefined;
  institutionId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  actionId?: string | undefined;
  bodyId?: string | undefined;
  cadenceMissed?: boolean | undefined;
  country?: string | undefined;
  replied?: boolean | undefined;
}

export interface ActivityListQuery extends ActivityFilters {
  page: number;
  pageSize: number;
  sort: 'startsAt' | 'title' | 'kind' | 'updatedAt';
  order: 'asc' | 'desc';
}

const sortColumns = {
  startsAt: 'activities.starts_utc',
  title: 'activities.title',
  kind: 'activities.kind',
  updatedAt: 'activities.updated_at',
} as const;

// biome-ignore lint/suspicious/noExplicitAny: conditions apply to `activities` under any alias.
type AnyEb = ExpressionBuilder<any, any>;

/** The instant `months` months before `now` (ISO), for each cadence a body may have. */
function monthsBefore(now: Date, months: number): string {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString();
}

/** The start of the latest past meeting of the body at `bodyRef` that the actor may see. */
export function lastMeetingOf(eb: AnyEb, actor: Actor, bodyRef: string, now: string) {
  return eb
    .selectFrom('activities as meeting')
    .select((inner) => inner.fn.max('meeting.starts_utc').as('last'))
    .whereRef('meeting.body_id', '=', eb.ref(bodyRef))
    .where('meeting.kind', '=', 'meeting')
    .where('meeting.starts_utc', '<=', now)
    .where(visibleTo(actor, 'meeting'));
}

/**
 * A dialogue body overdue for a meeting: its last meeting (or, before any, its set-up date) is older than its
 * cadence. One branch per cadence keeps the date arithmetic out of SQL, alike on both engines.
 */
export function isOverdueBody(eb: AnyEb, actor: Actor, now: Date): Expression<SqlBool> {
  const nowIso = now.toISOString();
  const since = eb.fn.coalesce(lastMeetingOf(eb, actor, 'activities.id', nowIso), eb.ref('activities.starts_utc'));
  return eb.and([
    eb('activities.kind', '=', 'dialogue_body'),
    eb.or(
      [1, 3, 6, 12].map((months) =>
        eb.and([eb('activities.cadence_months', '=', months), eb(since, '<', monthsBefore(now, months))]),
      ),
    ),
  ]);
}

/** Activities in which an institution takes part in any role, or which it owns. */
export function involves(eb: AnyEb, institutionId: string): Expression<SqlBool> {
  return eb.or([
    eb('activities.owner_institution_id', '=', institutionId),
    eb.exists(
      eb
        .selectFrom('activity_institutions')
        .select(sql`1`.as('one'))
        .whereRef('activity_institutions.activity_id', '=', 'activities.id')
        .where('activity_institutions.institution_id', '=', institutionId),
    ),
  ]);
}

export function filteredActivities(db: Executor, actor: Actor, filters: ActivityFilters, now: Date) {
  let query = db.selectFrom('activities').where(visibleTo(actor, 'activities'));
  if (filters.kind) query = query.where('activities.kind', '=', filters.kind);
  if (filters.axis !== undefined) query = query.where('activities.axis', '=', filters.axis);
  if (filters.institutionId) {
    const institution = filters.institutionId;
    query = query.where((eb) => involves(eb, institution));
  }
  // Overlapping [from, to], whole UTC days.
  if (filters.from) query = query.where('activities.ends_utc', '>', `${filters.from}T00:00:00.000Z`);
  if (filters.to) query = query.where('activities.starts_utc', '<', `${nextDay(filters.to)}T00:00:00.000Z`);
  if (filters.q) {
    query = query.where(matchesText(['activities.title', 'activities.city', 'activities.notes'], filters.q));
  }
  if (filters.actionId) {
    const actionId = filters.actionId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('plan_action_links')
          .select(sql`1`.as('one'))
          .where('plan_action_links.action_id', '=', actionId)
          .where('plan_action_links.entity', '=', 'activity')
          .whereRef('plan_action_links.entity_id', '=', 'activities.id'),
      ),
    );
  }
  if (filters.bodyId) query = query.where('activities.body_id', '=', filters.bodyId);
  if (filters.cadenceMissed !== undefined) {
    const missed = filters.cadenceMissed;
    query = query.where((eb) => (missed ? isOverdueBody(eb, actor, now) : eb.not(isOverdueBody(eb, actor, now))));
  }
  if (filters.country) query = query.where('activities.country_code', '=', filters.country);
  if (filters.replied !== undefined) {
    const replied = filters.replied;
    query = query.where((eb) => {
      const hasReply = eb.exists(
        eb
          .selectFrom('statement_responses')
          .select(sql`1`.as('one'))
          .whereRef('statement_responses.activity_id', '=', 'activities.id'),
      );
      return eb.and([eb('activities.kind', '=', 'statement'), replied ? hasReply : eb.not(hasReply)]);
    });
  }
  return query;
}

function withColumns(query: ReturnType<typeof filteredActivities>, actor: Actor, now: Date) {
  return query.selectAll('activities').select((eb) => [
    lastMeetingOf(eb, actor, 'activities.id', now.toISOString()).as('last_meeting_at'),
    eb
      .case()
      .when(isOverdueBody(eb, actor, now))
      .then(1)
      .else(0)
      .end()
      .as('overdue'),
  ]);
}

export type ActivityListRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

export async function listActivities(db: Executor, actor: Actor, query: ActivityListQuery, now: Date) {
  const base = filteredActivities(db, actor, query, now);
  const column = sortColumns[query.sort];
  const [rows, count] = await Promise.all([
    withColumns(base, actor, now)
      .orderBy(column, query.order)
      .orderBy('activities.starts_utc', 'desc')
      .orderBy('activities.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleActivity(db: Executor, actor: Actor, id: string, now: Date) {
  return withColumns(filteredActivities(db, actor, {}, now), actor, now)
    .where('activities.id', '=', id)
    .executeTakeFirst();
}

export function findActivity(db: Executor, id: string) {
  return db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
}

// Related rows, loaded for a page of activities at once.

export async function institutionsOf(db: Executor, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('activity_institutions')
    .innerJoin('institutions', 'institutions.id', 'activity_institutions.institution_id')
    .select([
      'activity_institutions.activity_id',
      'activity_institutions.institution_id',
      'activity_institutions.role',
      'institutions.country_code',
      'institutions.name_fr',
      'institutions.name_en',
    ])
    .where('activity_institutions.activity_id', 'in', ids)
    .where(visibleTo(actor, 'institutions'))
    .orderBy('activity_institutions.role')
    .orderBy('institutions.name_fr')
    .execute();
}

export async function partnersOf(db: Executor, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('activity_partners')
    .innerJoin('partners', 'partners.id', 'activity_partners.partner_id')
    .select([
      'activity_partners.activity_id',
      'activity_partners.partner_id',
      'activity_partners.role',
      'partners.name_fr',
      'partners.name_en',
      'partners.acronym_fr',
      'partners.acronym_en',
    ])
    .where('activity_partners.activity_id', 'in', ids)
    .where(visibleTo(actor, 'partners'))
    .orderBy('partners.name_fr')
    .orderBy('activity_partners.role')
    .execute();
}

export async function themesOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('activity_themes').selectAll().where('activity_id', 'in', ids).orderBy('theme').execute();
}

export async function traineesOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('training_participants')
    .selectAll()
    .where('activity_id', 'in', ids)
    .orderBy('audience')
    .orderBy('sex')
    .execute();
}

/** The plan actions each activity serves, as far as the actor may see them. */
export async function actionsOf(db: Executor, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('plan_action_links')
    .innerJoin('plan_actions', 'plan_actions.id', 'plan_action_links.action_id')
    .select(['plan_action_links.entity_id as activity_id', 'plan_actions.id', 'plan_actions.title'])
    .where('plan_action_links.entity', '=', 'activity')
    .where('plan_action_links.entity_id', 'in', ids)
    .where(visibleTo(actor, 'plan_actions'))
    .orderBy('plan_actions.title')
    .execute();
}

export async function followUpsOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('activity_follow_ups')
    .selectAll()
    .where('activity_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function responsesOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('statement_responses')
    .selectAll()
    .where('activity_id', 'in', ids)
    .orderBy('received_on')
    .orderBy('created_at')
    .execute();
}

/** Titles of the dialogue bodies of these meetings that the actor may see. */
export async function bodiesOf(db: Executor, actor: Actor, bodyIds: string[]) {
  if (bodyIds.length === 0) return [];
  return db
    .selectFrom('activities')
    .select(['activities.id', 'activities.title'])
    .where('activities.id', 'in', bodyIds)
    .where(visibleTo(actor, 'activities'))
    .execute();
}

// Checks of what an activity may point at.

export async function visibleIds(
  db: Executor,
  actor: Actor,
  table: 'institutions' | 'partners' | 'plan_actions',
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select(`${table}.id as id`)
    .where(`${table}.id`, 'in', ids)
    .where(visibleTo(actor, table))
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function isVisibleBody(db: Executor, actor: Actor, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('activities')
    .select('activities.id')
    .where('activities.id', '=', id)
    .where('activities.kind', '=', 'dialogue_body')
    .where(visibleTo(actor, 'activities'))
    .executeTakeFirst();
  return row !== undefined;
}

export async function countMeetingsOf(db: Executor, bodyId: string): Promise<number> {
  const row = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('body_id', '=', bodyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Writes.

export async function insertActivity(db: Executor, row: ActivityRow): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export async function updateActivity(db: Executor, id: string, version: number, changes: Partial<ActivityRow>) {
  const result = await db
    .updateTable('activities')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteActivity(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('activities')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function replaceInstitutions(
  db: Executor,
  activityId: string,
  links: { institutionId: string; role: string }[],
) {
  await db.deleteFrom('activity_institutions').where('activity_id', '=', activityId).execute();
  if (links.length === 0) return;
  await db
    .insertInto('activity_institutions')
    .values(links.map((l) => ({ activity_id: activityId, institution_id: l.institutionId, role: l.role })))
    .execute();
}

export async function replacePartners(db: Executor, activityId: string, links: { partnerId: string; role: string }[]) {
  await db.deleteFrom('activity_partners').where('activity_id', '=', activityId).execute();
  if (links.length === 0) return;
  await db
    .insertInto('activity_partners')
    .values(links.map((l) => ({ activity_id: activityId, partner_id: l.partnerId, role: l.role })))
    .execute();
}

export async function replaceThemes(db: Executor, activityId: string, themes: string[]) {
  await db.deleteFrom('activity_themes').where('activity_id', '=', activityId).execute();
  if (themes.length === 0) return;
  await db
    .insertInto('activity_themes')
    .values(themes.map((theme) => ({ activity_id: activityId, theme })))
    .execute();
}

export async function replaceTrainees(
  db: Executor,
  activityId: string,
  counts: Omit<TrainingParticipantTable, 'activity_id'>[],
) {
  await db.deleteFrom('training_participants').where('activity_id', '=', activityId).execute();
  if (counts.length === 0) return;
  await db
    .insertInto('training_participants')
    .values(counts.map((c) => ({ activity_id: activityId, ...c })))
    .execute();
}

/** The actions an activity serves, unfiltered (to replace the set). */
export async function linkedActionIds(db: Executor, activityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_action_links')
    .select('action_id')
    .where('entity', '=', 'activity')
    .where('entity_id', '=', activityId)
    .execute();
  return rows.map((r) => r.action_id);
}

// Follow-up items and statement responses.

export function findFollowUp(db: Executor, activityId: string, id: string) {
  return db
    .selectFrom('activity_follow_ups')
    .selectAll()
    .where('id', '=', id)
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
}

export async function insertFollowUp(db: Executor, row: FollowUpRow): Promise<void> {
  await db.insertInto('activity_follow_ups').values(row).execute();
}

export async function updateFollowUp(db: Executor, id: string, version: number, changes: Partial<FollowUpRow>) {
  const result = await db
    .updateTable('activity_follow_ups')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteFollowUp(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('activity_follow_ups')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export function findResponse(db: Executor, activityId: string, id: string) {
  return db
    .selectFrom('statement_responses')
    .selectAll()
    .where('id', '=', id)
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
}

export async function insertResponse(db: Executor, row: ResponseRow): Promise<void> {
  await db.insertInto('statement_responses').values(row).execute();
}

export async function updateResponse(db: Executor, id: string, version: number, changes: Partial<ResponseRow>) {
  const result = await db
    .updateTable('statement_responses')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteResponse(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('statement_responses')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
