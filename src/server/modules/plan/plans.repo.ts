import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, PlanAxisTable, PlanTable } from '../../db/schema.js';
import { offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;
export type PlanRow = Selectable<PlanTable>;
export type AxisRow = Selectable<PlanAxisTable>;

export interface PlanListQuery {
  status?: string | undefined;
  groupId?: string | undefined;
  page: number;
  pageSize: number;
  sort: 'startsOn' | 'title';
  order: 'asc' | 'desc';
}

const planSorts = { startsOn: 'plans.starts_on', title: 'plans.title_fr' } as const;

export async function listPlans(db: Executor, actor: Actor, query: PlanListQuery) {
  let base = db.selectFrom('plans').where(visibleTo(actor, 'plans'));
  if (query.status) base = base.where('plans.status', '=', query.status);
  if (query.groupId) base = base.where('plans.group_id', '=', query.groupId);
  const [rows, count] = await Promise.all([
    base
      .selectAll('plans')
      .orderBy(planSorts[query.sort], query.order)
      .orderBy('plans.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisiblePlan(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('plans.id', '=', id)
    .where(visibleTo(actor, 'plans'))
    .executeTakeFirst();
}

export function findPlan(db: Executor, id: string) {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function findGroup(db: Executor, id: string) {
  return db.selectFrom('groups').select('id').where('id', '=', id).executeTakeFirst();
}

export function successorOf(db: Executor, planId: string) {
  return db.selectFrom('plans').select('id').where('previous_plan_id', '=', planId).executeTakeFirst();
}

/** Which of these plans already have their next plan prepared. */
export async function plansWithSuccessor(db: Executor, planIds: string[]): Promise<Set<string>> {
  if (planIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('plans')
    .select('previous_plan_id')
    .where('previous_plan_id', 'in', planIds)
    .execute();
  return new Set(rows.map((r) => r.previous_plan_id as string));
}

export async function insertPlan(db: Executor, row: PlanRow): Promise<void> {
  await db.insertInto('plans').values(row).execute();
}

/** Applies a change only if the row is still at `version`; false when someone else got there first. */
export async function updatePlan(db: Executor, id: string, version: number, changes: Partial<PlanRow>) {
  const result = await db
    .updateTable('plans')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Axes then sub-items, each in their position order. */
export function axesOf(db: Executor, planId: string) {
  return db
    .selectFrom('plan_axes')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('number')
    .execute();
}

/** An axis or sub-item of a plan the actor may see, with what its checks need from the plan. */
export function findVisibleAxis(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('plan_axes')
    .innerJoin('plans', 'plans.id', 'plan_axes.plan_id')
    .selectAll('plan_axes')
    .select(['plans.group_id', 'plans.owner_institution_id as plan_owner_institution_id'])
    .where('plan_axes.id', '=', id)
    .where(visibleTo(actor, 'plans'))
    .executeTakeFirst();
}

export function findAxis(db: Executor, id: string) {
  return db.selectFrom('plan_axes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function findAxisByNumber(db: Executor, planId: string, number: string) {
  return db
    .selectFrom('plan_axes')
    .select('id')
    .where('plan_id', '=', planId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function nextAxisPosition(db: Executor, planId: string, parentId: string | null): Promise<number> {
  let query = db
    .selectFrom('plan_axes')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('plan_id', '=', planId);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  const row = await query.executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertAxis(db: Executor, row: AxisRow): Promise<void> {
  await db.insertInto('plan_axes').values(row).execute();
}

export async function updateAxis(db: Executor, id: string, version: number, changes: Partial<AxisRow>) {
  const result = await db
    .updateTable('plan_axes')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Partners named by the axes (funder, participant), among the partners the actor may see. */
export async function axisPartnersOf(db: Executor, actor: Actor, axisIds: string[]) {
  if (axisIds.length === 0) return [];
  return db
    .selectFrom('plan_axis_partners')
    .innerJoin('partners', 'partners.id', 'plan_axis_partners.partner_id')
    .select([
      'plan_axis_partners.axis_id',
      'plan_axis_partners.role',
      'partners.id as partner_id',
      'partners.name_fr',
      'partners.name_en',
      'partners.acronym_fr',
      'partners.acronym_en',
    ])
    .where('plan_axis_partners.axis_id', 'in', axisIds)
    .where(visibleTo(actor, 'partners'))
    .orderBy('plan_axis_partners.role')
    .orderBy('partners.acronym_en')
    .orderBy('partners.name_fr')
    .execute();
}

/** The group's members that have not withdrawn, in the group's order, among the institutions the actor may see. */
export function groupMembersOf(db: Executor, actor: Actor, groupId: string) {
  return db
    .selectFrom('group_memberships')
    .innerJoin('institutions', 'institutions.id', 'group_memberships.institution_id')
    .select([
      'group_memberships.institution_id',
      'group_memberships.status',
      'group_memberships.position',
      'institutions.country_code',
      'institutions.name_fr',
      'institutions.name_en',
    ])
    .where('group_memberships.group_id', '=', groupId)
    .where('group_memberships.status', '!=', 'withdrawn')
    .where(visibleTo(actor, 'institutions'))
    .orderBy('group_memberships.position')
    .execute();
}

export function isGroupMember(db: Executor, groupId: string, institutionId: string) {
  return db
    .selectFrom('group_memberships')
    .select(['institution_id', 'status'])
    .where('group_id', '=', groupId)
    .where('institution_id', '=', institutionId)
    .where('status', '!=', 'withdrawn')
    .executeTakeFirst();
}

export async function exceptionsOf(db: Executor, axisIds: string[]) {
  if (axisIds.length === 0) return [];
  return db.selectFrom('plan_axis_exceptions').selectAll().where('axis_id', 'in', axisIds).execute();
}

export async function upsertException(db: Executor, axisId: string, institutionId: string, note: string | null) {
  await db
    .insertInto('plan_axis_exceptions')
    .values({ axis_id: axisId, institution_id: institutionId, note, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['axis_id', 'institution_id']).doUpdateSet({ note }))
    .execute();
}

export async function deleteException(db: Executor, axisId: string, institutionId: string) {
  const result = await db
    .deleteFrom('plan_axis_exceptions')
    .where('axis_id', '=', axisId)
    .where('institution_id', '=', institutionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
