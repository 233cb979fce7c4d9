import { type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { AwarenessSessionTable, DB } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';
import { ownedRecordTables } from '../owned-records.js';
import { filteredActions, todayUtc } from '../plan/actions.repo.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

export const SESSION_ENTITY = 'awareness_session';

export interface SessionFilters {
  q?: string | undefined;
  setting?: string | undefined;
  channel?: string | undefined;
  institutionId?: string | undefined;
  /** Owned by any of these institutions (the dashboard's choice of several). */
  institutionIds?: string[] | undefined;
  country?: string | undefined;
  language?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Sessions linked to this action. */
  planActionId?: string | undefined;
  /** Sessions linked to an action (visible to the actor) of this plan, on this axis or its sub-items. */
  plan?: { planId: string; axisId: string } | undefined;
}

export interface SessionListQuery extends SessionFilters {
  page: number;
  pageSize: number;
  sort: 'startsOn' | 'title' | 'setting' | 'channel' | 'updatedAt';
  order: 'asc' | 'desc';
}

const sortColumns = {
  startsOn: 'awareness_sessions.starts_on',
  title: 'awareness_sessions.title',
  setting: 'awareness_sessions.setting',
  channel: 'awareness_sessions.channel',
  updatedAt: 'awareness_sessions.updated_at',
} as const;

/** A JSON array of tags holds `tag`: the tags are quoted in the text, so "ar" never matches "ary". */
export function jsonArrayHas(column: string, tag: string) {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${JSON.stringify(tag)}%`}`;
}

function linkedTo(db: Executor, actor: Actor, filters: SessionFilters) {
  return (eb: ExpressionBuilder<DB, 'awareness_sessions'>) =>
    eb.exists(
      filteredActions(db, actor, filters.plan ?? {}, todayUtc())
        .innerJoin('plan_action_links', 'plan_action_links.action_id', 'plan_actions.id')
        .where('plan_action_links.entity', '=', SESSION_ENTITY)
        .whereRef('plan_action_links.entity_id', '=', eb.ref('awareness_sessions.id'))
        .$if(filters.planActionId !== undefined, (q) => q.where('plan_actions.id', '=', filters.planActionId ?? ''))
        .select('plan_actions.id'),
    );
}

/** The sessions the actor may see, with the filters, in SQL: list, count and reach all start here. */
export function filteredSessions(db: Executor, actor: Actor, filters: SessionFilters) {
  let query = db.selectFrom('awareness_sessions').where(visibleTo(actor, 'awareness_sessions'));
  if (filters.q) {
    query = query.where(
      matchesText(['awareness_sessions.title', 'awareness_sessions.place', 'awareness_sessions.notes'], filters.q),
    );
  }
  if (filters.setting) query = query.where('awareness_sessions.setting', '=', filters.setting);
  if (filters.channel) query = query.where('awareness_sessions.channel', '=', filters.channel);
  if (filters.institutionId) query = query.where('awareness_sessions.owner_institution_id', '=', filters.institutionId);
  if (filters.institutionIds && filters.institutionIds.length > 0) {
    query = query.where('awareness_sessions.owner_institution_id', 'in', filters.institutionIds);
  }
  if (filters.country) query = query.where('awareness_sessions.country_code', '=', filters.country);
  if (filters.language) query = query.where(jsonArrayHas('awareness_sessions.languages', filters.language));
  // Dates overlap [from, to]; a session without an end date is a one-day session.
  if (filters.from) {
    const from = filters.from;
    query = query.where((eb) =>
      eb(eb.fn.coalesce('awareness_sessions.ends_on', 'awareness_sessions.starts_on'), '>=', from),
    );
  }
  if (filters.to) query = query.where('awareness_sessions.starts_on', '<=', filters.to);
  if (filters.planActionId || filters.plan) query = query.where(linkedTo(db, actor, filters));
  return query;
}

export async function listSessions(db: Executor, actor: Actor, query: SessionListQuery) {
  const base = filteredSessions(db, actor, query);
  const [rows, count] = await Promise.all([
    base
      .selectAll('awareness_sessions')
      .orderBy(sortColumns[query.sort], query.order)
      .orderBy('awareness_sessions.starts_on', 'desc')
      .orderBy('awareness_sessions.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleSession(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('awareness_sessions')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(actor, 'awareness_sessions'))
    .executeTakeFirst();
}

export function findSession(db: Executor, id: string) {
  return db.selectFrom('awareness_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(db: Executor, row: AwarenessSessionTable): Promise<void> {
  await db.insertInto('awareness_sessions').values(row).execute();
}

/** Applies a change only if the row is still at `version`; returns false when someone else got there first. */
export async function updateSession(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<AwarenessSessionTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('awareness_sessions')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteSession(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('awareness_sessions')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export interface Cell {
  sex: string;
  age_band: string;
  status: string;
  count: number;
}

/** Replaces the session's grid; only non-empty cells are stored. */
export async function replaceReach(db: Executor, sessionId: string, cells: Cell[]): Promise<void> {
  await db.deleteFrom('awareness_reach').where('session_id', '=', sessionId).execute();
  const rows = cells.filter((c) => c.count > 0).map((c) => ({ session_id: sessionId, ...c }));
  if (rows.length > 0) await db.insertInto('awareness_reach').values(rows).execute();
}

export async function replacePartners(db: Executor, sessionId: string, partnerIds: string[]): Promise<void> {
  await db.deleteFrom('awareness_session_partners').where('session_id', '=', sessionId).execute();
  if (partnerIds.length > 0) {
    await db
      .insertInto('awareness_session_partners')
      .values(partnerIds.map((partner_id) => ({ session_id: sessionId, partner_id })))
      .execute();
  }
}

export async function replaceMaterials(db: Executor, sessionId: string, materialIds: string[]): Promise<void> {
  await db.deleteFrom('awareness_session_materials').where('session_id', '=', sessionId).execute();
  if (materialIds.length > 0) {
    await db
      .insertInto('awareness_session_materials')
      .values(materialIds.map((material_id) => ({ session_id: sessionId, material_id })))
      .execute();
  }
}

export function reachOf(db: Executor, sessionIds: string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('awareness_reach').selectAll().where('session_id', 'in', sessionIds).execute();
}

/** The plan action each session serves (at most one), whether or not the actor may see it. */
export function actionLinksOf(db: Executor, sessionIds: string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_action_links')
    .select(['plan_action_links.entity_id', 'plan_action_links.action_id'])
    .where('plan_action_links.entity', '=', SESSION_ENTITY)
    .where('plan_action_links.entity_id', 'in', sessionIds)
    .execute();
}

/** Named references the actor may see, by id: what a session shows of its partners, materials, action… */
export async function visibleNames(db: Executor, actor: Actor, sessionIds: string[]) {
  if (sessionIds.length === 0) {
    return { partners: [], materials: [], actions: [], repeats: [] };
  }
  const [partners, materials, actions, repeats] = await Promise.all([
    db
      .selectFrom('awareness_session_partners')
      .innerJoin('partners', 'partners.id', 'awareness_session_partners.partner_id')
      .where(visibleTo(actor, 'partners'))
      .where('awareness_session_partners.session_id', 'in', sessionIds)
      .select(['awareness_session_partners.session_id', 'partners.id', 'partners.name_fr as name'])
      .orderBy('partners.name_fr')
      .execute(),
    db
      .selectFrom('awareness_session_materials')
      .innerJoin('materials', 'materials.id', 'awareness_session_materials.material_id')
      .where(visibleTo(actor, 'materials'))
      .where('awareness_session_materials.session_id', 'in', sessionIds)
      .select(['awareness_session_materials.session_id', 'materials.id', 'materials.title as name'])
      .orderBy('materials.title')
      .execute(),
    filteredActions(db, actor, {}, todayUtc())
      .innerJoin('plan_action_links', 'plan_action_links.action_id', 'plan_actions.id')
      .where('plan_action_links.entity', '=', SESSION_ENTITY)
      .where('plan_action_links.entity_id', 'in', sessionIds)
      .select([
        'plan_action_links.entity_id as session_id',
        'plan_actions.id',
        'plan_axes.number',
        'plan_actions.title',
      ])
      .execute(),
    // Repeats the actor may see, per first session.
    db
      .selectFrom('awareness_sessions')
      .where(visibleTo(actor, 'awareness_sessions'))
      .where('awareness_sessions.repeat_of_id', 'in', sessionIds)
      .select((eb) => ['awareness_sessions.repeat_of_id as session_id', eb.fn.countAll<number>().as('n')])
      .groupBy('awareness_sessions.repeat_of_id')
      .execute(),
  ]);
  return { partners, materials, actions, repeats };
}

export async function visiblePartnerNames(db: Executor, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('partners')
    .select(['id', 'name_fr as name'])
    .where('id', 'in', ids)
    .where(visibleTo(actor, 'partners'))
    .execute();
}

export async function visibleSessionTitles(db: Executor, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('awareness_sessions')
    .select(['id', 'title as name'])
    .where('id', 'in', ids)
    .where(visibleTo(actor, 'awareness_sessions'))
    .execute();
}

export async function institutionNames(db: Executor, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('institutions')
    .select(['id', 'name_fr as name'])
    .where('id', 'in', ids)
    .where(visibleTo(actor, 'institutions'))
    .execute();
}

export async function visibleMaterialIds(db: Executor, actor: Actor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('materials')
    .select('id')
    .where('id', 'in', ids)
    .where(visibleTo(actor, 'materials'))
    .execute();
  return rows.map((r) => r.id);
}

export async function visiblePartnerIds(db: Executor, actor: Actor, ids: string[]): Promise<string[]> {
  return (await visiblePartnerNames(db, actor, ids)).map((r) => r.id);
}

export async function actionIsVisible(db: Executor, actor: Actor, id: string): Promise<boolean> {
  const row = await filteredActions(db, actor, {}, todayUtc())
    .where('plan_actions.id', '=', id)
    .select('plan_actions.id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Facilities belong to the monitoring module, which registers them as owned records: a session names one only as
 * far as the actor may see it. Without that module there is no facility to name.
 */
export async function visibleFacilityNames(db: Executor, actor: Actor, ids: string[]) {
  const table = ownedRecordTables.facility;
  if (!table || ids.length === 0) return [];
  // biome-ignore lint/suspicious/noExplicitAny: the facility table is typed by its own module.
  const untyped = db as unknown as Kysely<any>;
  return (await untyped
    .selectFrom(table)
    .select([`${table}.id as id`, `${table}.name as name`])
    .where(`${table}.id`, 'in', ids)
    .where(visibleTo(actor, table))
    .execute()) as { id: string; name: string }[];
}

export async function countRepeats(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('awareness_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('repeat_of_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const series = sql<string>`coalesce(awareness_sessions.repeat_of_id, awareness_sessions.id)`;

/**
 * Children reached per cell, each series (a first session and its repeats with the same group) counted once: the
 * largest count the series gave for that cell. The same children met three times are one group of children; a
 * repeat that met more of them raises the figure to what was seen at most, never adds the group again. Summed over
 * series, in SQL, over the sessions the actor may see with the filters.
 */
export function reachCells(db: Executor, actor: Actor, filters: SessionFilters) {
  const perSeries = filteredSessions(db, actor, filters)
    .innerJoin('awareness_reach', 'awareness_reach.session_id', 'awareness_sessions.id')
    .select((eb) => [
      series.as('series'),
      'awareness_reach.sex',
      'awareness_reach.age_band',
      'awareness_reach.status',
      eb.fn.max('awareness_reach.count').as('n'),
    ])
    .groupBy([series, 'awareness_reach.sex', 'awareness_reach.age_band', 'awareness_reach.status']);
  return db
    .selectFrom(perSeries.as('s'))
    .select((eb) => ['s.sex', 's.age_band', 's.status', eb.fn.sum<number | string>('s.n').as('n')])
    .groupBy(['s.sex', 's.age_band', 's.status'])
    .execute();
}

/** Adults (people met) and media audiences (estimated), per series once, then summed; sessions and series counted. */
export function reachTotals(db: Executor, actor: Actor, filters: SessionFilters) {
  const perSeries = filteredSessions(db, actor, filters)
    .select((eb) => [
      series.as('series'),
      eb.fn.max('awareness_sessions.adults').as('adults'),
      eb.fn.max('awareness_sessions.estimated_audience').as('audience'),
      eb.fn.countAll().as('sessions'),
      eb.fn.max(eb.case().when('awareness_sessions.setting', '=', 'media_campaign').then(1).else(0).end()).as('media'),
    ])
    .groupBy(series);
  return db
    .selectFrom(perSeries.as('s'))
    .select((eb) => [
      eb.fn.sum<number | string | null>('s.adults').as('adults'),
      eb.fn.sum<number | string | null>('s.audience').as('audience'),
      eb.fn.sum<number | string | null>('s.sessions').as('sessions'),
      eb.fn.sum<number | string | null>('s.media').as('media'),
      eb.fn.countAll<number | string>().as('groups'),
    ])
    .executeTakeFirstOrThrow();
}
