import { type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, PlanActionTable } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';
import { pointsAtVisible } from '../owned-records.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;
export type ActionRow = Selectable<PlanActionTable>;

/** Today as a `YYYY-MM-DD` date in UTC: what "overdue" is measured against, on every engine alike. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export const finishedStatuses = ['done', 'cancelled'];
/** What the next plan carries over. */
export const unfinishedStatuses = ['planned', 'in_progress', 'postponed'];

// biome-ignore lint/suspicious/noExplicitAny: the conditions apply to any query that has `plan_actions` in scope.
type AnyEb = ExpressionBuilder<any, any>;

/** Past its planned end and neither done nor cancelled: the one definition, in SQL. */
export function isOverdue(eb: AnyEb, today: string): Expression<SqlBool> {
  return eb.and([eb('plan_actions.planned_end', '<', today), eb('plan_actions.status', 'not in', finishedStatuses)]);
}

/** The exact complement of `isOverdue` (a missing end date is not overdue: NULL must not drop the row). */
function isNotOverdue(eb: AnyEb, today: string): Expression<SqlBool> {
  return eb.or([
    eb('plan_actions.planned_end', 'is', null),
    eb('plan_actions.planned_end', '>=', today),
    eb('plan_actions.status', 'in', finishedStatuses),
  ]);
}

/** The action involves the institution: it leads it or takes part in it. */
export function involves(eb: AnyEb, institutionRef: Expression<string | null> | string): Expression<SqlBool> {
  const institution = typeof institutionRef === 'string' ? eb.val(institutionRef) : institutionRef;
  return eb.or([
    eb('plan_actions.lead_institution_id', '=', institution),
    eb.exists(
      // SQLite, unlike PostgreSQL, needs a select list even inside EXISTS.
      eb
        .selectFrom('plan_action_institutions')
        .select('plan_action_institutions.action_id')
        .whereRef('plan_action_institutions.action_id', '=', 'plan_actions.id')
        .where('plan_action_institutions.institution_id', '=', institution),
    ),
  ]);
}

/** Planned dates overlap [from, to]; an action with one date is a one-day action, one without dates never matches. */
export function overlaps(eb: AnyEb, from: string | undefined, to: string | undefined): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [
    eb.or([eb('plan_actions.planned_start', 'is not', null), eb('plan_actions.planned_end', 'is not', null)]),
  ];
  if (to) {
    conditions.push(eb(eb.fn.coalesce('plan_actions.planned_start', 'plan_actions.planned_end'), '<=', to));
  }
  if (from) {
    conditions.push(eb(eb.fn.coalesce('plan_actions.planned_end', 'plan_actions.planned_start'), '>=', from));
  }
  return eb.and(conditions);
}

export interface ActionFilters {
  planId?: string | undefined;
  axisId?: string | undefined;
  institutionId?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Involving an institution of this country. */
  country?: string | undefined;
}

export interface ActionListQuery extends ActionFilters {
  page: number;
  pageSize: number;
  sort: 'title' | 'plannedStart' | 'plannedEnd' | 'status' | 'updatedAt' | 'axis';
  order: 'asc' | 'desc';
}

/**
 * The actions the actor may see (the action's own visibility and its plan's), with the filters, in SQL: lists,
 * counts and the progress view all start here.
 */
export function filteredActions(db: Executor, actor: Actor, filters: ActionFilters, today: string) {
  return unrestrictedActions(db, filters, today)
    .where(visibleTo(actor, 'plan_actions'))
    .where(visibleTo(actor, 'plans'));
}

/** The same without the actor's visibility: only to show a writer what they have just stored. */
function unrestrictedActions(db: Executor, filters: ActionFilters, today: string) {
  let query = db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .innerJoin('plan_axes', 'plan_axes.id', 'plan_actions.axis_id');
  if (filters.planId) query = query.where('plan_actions.plan_id', '=', filters.planId);
  const axisId = filters.axisId;
  // An axis takes in its sub-items' actions (two levels: an axis and its numbered sub-items).
  if (axisId) {
    query = query.where((eb) =>
      eb.or([eb('plan_actions.axis_id', '=', axisId), eb('plan_axes.parent_id', '=', axisId)]),
    );
  }
  const institutionId = filters.institutionId;
  if (institutionId) query = query.where((eb) => involves(eb, institutionId));
  if (filters.status) query = query.where('plan_actions.status', '=', filters.status);
  if (filters.overdue !== undefined) {
    const overdue = filters.overdue;
    query = query.where((eb) => (overdue ? isOverdue(eb, today) : isNotOverdue(eb, today)));
  }
  if (filters.q) query = query.where(matchesText(['plan_actions.title', 'plan_actions.description'], filters.q));
  const { from, to } = filters;
  if (from || to) query = query.where((eb) => overlaps(eb, from, to));
  const country = filters.country;
  if (country) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('institutions as country_institution')
          .select('country_institution.id')
          .where('country_institution.country_code', '=', country)
          .where((inner) => involves(inner, inner.ref('country_institution.id'))),
      ),
    );
  }
  return query;
}

type ActionQuery = ReturnType<typeof filteredActions>;

function withColumns(query: ActionQuery, actor: Actor, today: string) {
  return query
    .leftJoin('institutions as lead_institution', (join) =>
      join
        .onRef('lead_institution.id', '=', 'plan_actions.lead_institution_id')
        .on(visibleTo(actor, 'lead_institution')),
    )
    .selectAll('plan_actions')
    .select((eb) => [
      'plan_axes.number as axis_number',
      'lead_institution.name_fr as lead_institution_name',
      eb.case().when(isOverdue(eb, today)).then(1).else(0).end().as('overdue'),
    ]);
}

export type ActionListRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

const statusOrder = sql<number>`case plan_actions.status when 'in_progress' then 1 when 'planned' then 2 when 'postponed' then 3 when 'done' then 4 else 5 end`;

export async function listActions(db: Executor, actor: Actor, query: ActionListQuery, today: string) {
  const base = filteredActions(db, actor, query, today);
  let rows = withColumns(base, actor, today);
  const order = query.order;
  switch (query.sort) {
    case 'title':
      rows = rows.orderBy('plan_actions.title', order);
      break;
    case 'plannedStart':
      rows = rows.orderBy('plan_actions.planned_start', (ob) => (order === 'asc' ? ob.asc() : ob.desc()).nullsLast());
      break;
    case 'plannedEnd':
      rows = rows.orderBy('plan_actions.planned_end', (ob) => (order === 'asc' ? ob.asc() : ob.desc()).nullsLast());
      break;
    case 'status':
      rows = rows.orderBy(statusOrder, order);
      break;
    case 'updatedAt':
      rows = rows.orderBy('plan_actions.updated_at', order);
      break;
    case 'axis':
      // In the plan's order: axis 3, then 3.1, 3.2, then axis 4…
      rows = rows
        .leftJoin('plan_axes as parent_axis', 'parent_axis.id', 'plan_axes.parent_id')
        .orderBy((eb) => eb.fn.coalesce('parent_axis.position', 'plan_axes.position'), order)
        .orderBy(
          (eb) => eb.case().when('parent_axis.id', 'is', null).then(0).else(eb.ref('plan_axes.position')).end(),
          order,
        )
        .orderBy('plan_actions.title');
      break;
  }
  const [items, count] = await Promise.all([
    rows.orderBy('plan_actions.id').limit(query.pageSize).offset(offsetOf(query)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(count.total) };
}

export function findVisibleAction(db: Executor, actor: Actor, id: string, today: string) {
  return withColumns(filteredActions(db, actor, {}, today), actor, today)
    .where('plan_actions.id', '=', id)
    .executeTakeFirst();
}

/** An action as just written by the actor, even if the edit took it out of their sight (another lead, narrower). */
export function findWrittenAction(db: Executor, actor: Actor, id: string, today: string) {
  return withColumns(unrestrictedActions(db, {}, today), actor, today)
    .where('plan_actions.id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function participantsOf(db: Executor, actionIds: string[]) {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('plan_action_institutions')
    .selectAll()
    .where('action_id', 'in', actionIds)
    .orderBy('institution_id')
    .execute();
}

export async function partnersOf(db: Executor, actionIds: string[]) {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('plan_action_partners')
    .selectAll()
    .where('action_id', 'in', actionIds)
    .orderBy('partner_id')
    .execute();
}

/** How many records of each kind (meetings, trainings, visits…) that the actor may see serve each action. */
export async function linkCountsOf(db: Executor, actor: Actor, actionIds: string[]) {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('plan_action_links')
    .select(['action_id', 'entity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('action_id', 'in', actionIds)
    .where(pointsAtVisible(actor, 'plan_action_links'))
    .groupBy(['action_id', 'entity'])
    .orderBy('entity')
    .execute();
}

/** Which of these institutions exist and are visible to the actor. */
export async function visibleInstitutions(db: Executor, actor: Actor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('institutions')
    .select('institutions.id')
    .where('institutions.id', 'in', ids)
    .where(visibleTo(actor, 'institutions'))
    .execute();
  return rows.map((r) => r.id);
}

/** Which of these partners exist and are visible to the actor. */
export async function visiblePartners(db: Executor, actor: Actor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('partners')
    .select('partners.id')
    .where('partners.id', 'in', ids)
    .where(visibleTo(actor, 'partners'))
    .execute();
  return rows.map((r) => r.id);
}

export async function insertAction(db: Executor, row: ActionRow): Promise<void> {
  await db.insertInto('plan_actions').values(row).execute();
}

export async function updateAction(db: Executor, id: string, version: number, changes: Partial<ActionRow>) {
  const result = await db
    .updateTable('plan_actions')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceParticipants(db: Executor, actionId: string, institutionIds: string[]) {
  await db.deleteFrom('plan_action_institutions').where('action_id', '=', actionId).execute();
  if (institutionIds.length === 0) return;
  await db
    .insertInto('plan_action_institutions')
    .values(institutionIds.map((institution_id) => ({ action_id: actionId, institution_id })))
    .execute();
}

export async function replacePartners(db: Executor, actionId: string, partnerIds: string[]) {
  await db.deleteFrom('plan_action_partners').where('action_id', '=', actionId).execute();
  if (partnerIds.length === 0) return;
  await db
    .insertInto('plan_action_partners')
    .values(partnerIds.map((partner_id) => ({ action_id: actionId, partner_id })))
    .execute();
}

/** An action's indicators follow it when it moves to another axis. */
export async function moveIndicatorsOf(db: Executor, actionId: string, axisId: string) {
  await db.updateTable('indicators').set({ axis_id: axisId }).where('action_id', '=', actionId).execute();
}

/** Records that still point at the action: its indicators, linked records, and actions carried over from it. */
export async function countReferences(db: Executor, actionId: string): Promise<number> {
  const [indicators, links, carried] = await Promise.all([
    db
      .selectFrom('indicators')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action_id', '=', actionId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('plan_action_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action_id', '=', actionId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('plan_actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('carried_from_id', '=', actionId)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(indicators.n) + Number(links.n) + Number(carried.n);
}

export async function deleteAction(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('plan_actions').where('id', '=', id).execute();
}

/**
 * For the modules whose records serve an action (meetings, trainings, visits, awareness sessions): link one record
 * to an action, within the caller's transaction. Idempotent. The caller checks that both exist and may be linked,
 * and audits its own write.
 */
export async function linkRecord(trx: Executor, actionId: string, entity: string, entityId: string): Promise<void> {
  await trx
    .insertInto('plan_action_links')
    .values({ action_id: actionId, entity, entity_id: entityId, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['action_id', 'entity', 'entity_id']).doNothing())
    .execute();
}

/** Removes a link made by `linkRecord`; returns whether there was one. */
export async function unlinkRecord(trx: Executor, actionId: string, entity: string, entityId: string) {
  const result = await trx
    .deleteFrom('plan_action_links')
    .where('action_id', '=', actionId)
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Drops every link of a record that is being deleted (e.g. a meeting), whatever actions it served. */
export async function unlinkEverywhere(trx: Executor, entity: string, entityId: string): Promise<void> {
  await trx.deleteFrom('plan_action_links').where('entity', '=', entity).where('entity_id', '=', entityId).execute();
}
