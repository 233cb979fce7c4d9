import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, VisitTable } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';

type Executor = Kysely<DB>;

export interface VisitFilters {
  q?: string | undefined;
  facility?: string | undefined;
  kind?: string | undefined;
  country?: string | undefined;
  status?: string | undefined;
  type?: string | undefined;
  announced?: boolean | undefined;
  joint?: boolean | undefined;
  institution?: string | undefined;
  actionId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface VisitListQuery extends VisitFilters {
  page: number;
  pageSize: number;
  sort: 'startsOn' | 'facility' | 'country' | 'status' | 'type' | 'updatedAt';
  order: 'asc' | 'desc';
}

const sortColumns = {
  startsOn: 'visits.starts_on',
  facility: 'facilities.name',
  country: 'facilities.country_code',
  status: 'visits.status',
  type: 'visits.type',
  updatedAt: 'visits.updated_at',
} as const;

/** Visits the actor may see, with their facility (whose visibility is never narrower than its visits'). */
function visibleVisits(db: Executor, actor: Actor) {
  return db
    .selectFrom('visits')
    .innerJoin('facilities', 'facilities.id', 'visits.facility_id')
    .where(visibleTo(actor, 'visits'));
}

type VisitsEb = ExpressionBuilder<DB & { visits: VisitTable }, 'visits'>;

/** Led by the institution, or joined by it. */
export function involvesInstitution(eb: VisitsEb, institutionId: string) {
  return eb.or([
    eb('visits.owner_institution_id', '=', institutionId),
    eb.exists(
      eb
        .selectFrom('visit_institutions')
        .select('visit_institutions.visit_id')
        .whereRef('visit_institutions.visit_id', '=', 'visits.id')
        .where('visit_institutions.institution_id', '=', institutionId),
    ),
  ]);
}

/** The visits the actor may see with the filters, facility joined: list, count and dashboard start here. */
export function filteredVisits(db: Executor, actor: Actor, filters: VisitFilters) {
  let query = visibleVisits(db, actor);
  if (filters.q) {
    query = query.where(
      matchesText(['facilities.name', 'facilities.city', 'visits.objectives', 'visits.summary'], filters.q),
    );
  }
  if (filters.facility) query = query.where('visits.facility_id', '=', filters.facility);
  if (filters.kind) query = query.where('facilities.kind', '=', filters.kind);
  if (filters.country) query = query.where('facilities.country_code', '=', filters.country);
  if (filters.status) query = query.where('visits.status', '=', filters.status);
  if (filters.type) query = query.where('visits.type', '=', filters.type);
  if (filters.announced !== undefined) query = query.where('visits.announced', '=', filters.announced ? 1 : 0);
  if (filters.joint !== undefined) {
    const joint = (eb: VisitsEb) =>
      eb.exists(
        eb
          .selectFrom('visit_institutions')
          .select('visit_institutions.visit_id')
          .whereRef('visit_institutions.visit_id', '=', 'visits.id'),
      );
    query = query.where((eb) => (filters.joint ? joint(eb) : eb.not(joint(eb))));
  }
  if (filters.institution) {
    const institution = filters.institution;
    query = query.where((eb) => involvesInstitution(eb, institution));
  }
  if (filters.actionId) {
    const actionId = filters.actionId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('plan_action_links')
          .select('plan_action_links.action_id')
          .where('plan_action_links.action_id', '=', actionId)
          .where('plan_action_links.entity', '=', 'visit')
          .whereRef('plan_action_links.entity_id', '=', 'visits.id'),
      ),
    );
  }
  // A visit overlapping the period: it ends on or after `from` and starts on or before `to`.
  if (filters.from) query = query.where('visits.ends_on', '>=', filters.from);
  if (filters.to) query = query.where('visits.starts_on', '<=', filters.to);
  return query;
}

function withColumns<Q extends ReturnType<typeof visibleVisits>>(query: Q) {
  return query
    .leftJoin('institutions as lead', 'lead.id', 'visits.owner_institution_id')
    .selectAll('visits')
    .select([
      'facilities.name as facility_name',
      'facilities.kind as facility_kind',
      'facilities.country_code as facility_country',
      'facilities.city as facility_city',
      'lead.country_code as lead_country',
      'lead.name_fr as lead_name_fr',
      'lead.name_en as lead_name_en',
    ])
    .select((eb) => [
      eb
        .selectFrom('visit_checklist_answers')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('visit_checklist_answers.visit_id', '=', 'visits.id')
        .as('question_count'),
      eb
        .selectFrom('visit_checklist_answers')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('visit_checklist_answers.visit_id', '=', 'visits.id')
        .where('visit_checklist_answers.answer', 'is not', null)
        .as('answered_count'),
      eb
        .selectFrom('findings')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('findings.visit_id', '=', 'visits.id')
        .as('finding_count'),
      eb
        .selectFrom('recommendations')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('recommendations.visit_id', '=', 'visits.id')
        .as('recommendation_count'),
      eb
        .selectFrom('urgent_situations')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('urgent_situations.visit_id', '=', 'visits.id')
        .as('urgent_count'),
    ]);
}

export type VisitRow = NonNullable<Awaited<ReturnType<ReturnType<typeof withColumns>['executeTakeFirst']>>>;

export async function listVisits(db: Executor, actor: Actor, query: VisitListQuery) {
  const column = sortColumns[query.sort];
  const [rows, count] = await Promise.all([
    withColumns(filteredVisits(db, actor, query))
      .orderBy(column, query.order)
      .orderBy('visits.starts_on', 'desc')
      .orderBy('visits.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    filteredVisits(db, actor, query)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleVisit(db: Executor, actor: Actor, id: string) {
  return withColumns(visibleVisits(db, actor)).where('visits.id', '=', id).executeTakeFirst();
}

export function findVisit(db: Executor, id: string) {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function institutionsOf(db: Executor, visitIds: string[]) {
  if (visitIds.length === 0) return [];
  return db
    .selectFrom('visit_institutions')
    .innerJoin('institutions', 'institutions.id', 'visit_institutions.institution_id')
    .select([
      'visit_institutions.visit_id',
      'institutions.id',
      'institutions.country_code',
      'institutions.name_fr',
      'institutions.name_en',
    ])
    .where('visit_institutions.visit_id', 'in', visitIds)
    .orderBy('institutions.country_code')
    .execute();
}

/** Accompanying partners, as far as the actor may see them. */
export async function partnersOf(db: Executor, actor: Actor, visitIds: string[]) {
  if (visitIds.length === 0) return [];
  return db
    .selectFrom('visit_partners')
    .innerJoin('partners', 'partners.id', 'visit_partners.partner_id')
    .select([
      'visit_partners.visit_id',
      'partners.id',
      'partners.name_fr',
      'partners.name_en',
      'partners.acronym_fr',
      'partners.acronym_en',
    ])
    .where('visit_partners.visit_id', 'in', visitIds)
    .where(visibleTo(actor, 'partners'))
    .orderBy('partners.name_fr')
    .execute();
}

export function teamOf(db: Executor, visitId: string) {
  return db.selectFrom('visit_team').selectAll().where('visit_id', '=', visitId).orderBy('position').execute();
}

/** The plan actions the visit serves, as far as the actor may see them. */
export async function actionIdsOf(db: Executor, actor: Actor, visitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_action_links')
    .innerJoin('plan_actions', 'plan_actions.id', 'plan_action_links.action_id')
    .select('plan_actions.id')
    .where('plan_action_links.entity', '=', 'visit')
    .where('plan_action_links.entity_id', '=', visitId)
    .where(visibleTo(actor, 'plan_actions'))
    .orderBy('plan_actions.id')
    .execute();
  return rows.map((r) => r.id);
}

export function statusHistoryOf(db: Executor, visitId: string) {
  return db
    .selectFrom('visit_status_changes')
    .leftJoin('users', 'users.id', 'visit_status_changes.changed_by')
    .select([
      'visit_status_changes.from_status',
      'visit_status_changes.to_status',
      'visit_status_changes.note',
      'visit_status_changes.changed_at',
      'visit_status_changes.changed_by',
      'users.name as changed_by_name',
    ])
    .where('visit_status_changes.visit_id', '=', visitId)
    .orderBy('visit_status_changes.changed_at')
    .orderBy('visit_status_changes.id')
    .execute();
}

export async function userName(db: Executor, userId: string | null): Promise<string | null> {
  if (userId === null) return null;
  const row = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? null;
}

export async function insertVisit(db: Executor, row: VisitTable): Promise<void> {
  await db.insertInto('visits').values(row).execute();
}

export async function updateVisit(db: Executor, id: string, version: number, changes: Partial<VisitTable>) {
  const result = await db
    .updateTable('visits')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves the version on for a change made to the visit's parts (checklist answers): a stale editor gets 409. */
export async function bumpVisit(db: Executor, id: string, version: number, now: string) {
  return updateVisit(db, id, version, { updated_at: now });
}

export async function deleteVisit(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db.deleteFrom('visits').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function insertStatusChange(
  db: Executor,
  change: { visitId: string; from: string | null; to: string; note: string | null; at: string; by: string | null },
) {
  await db
    .insertInto('visit_status_changes')
    .values({
      id: randomUUID(),
      visit_id: change.visitId,
      from_status: change.from,
      to_status: change.to,
      note: change.note,
      changed_at: change.at,
      changed_by: change.by,
    })
    .execute();
}

export async function replaceInstitutions(db: Executor, visitId: string, ids: string[]) {
  await db.deleteFrom('visit_institutions').where('visit_id', '=', visitId).execute();
  if (ids.length > 0) {
    await db
      .insertInto('visit_institutions')
      .values(ids.map((institution_id) => ({ visit_id: visitId, institution_id })))
      .execute();
  }
}

export async function replacePartners(db: Executor, visitId: string, ids: string[]) {
  await db.deleteFrom('visit_partners').where('visit_id', '=', visitId).execute();
  if (ids.length > 0) {
    await db
      .insertInto('visit_partners')
      .values(ids.map((partner_id) => ({ visit_id: visitId, partner_id })))
      .execute();
  }
}

export async function replaceTeam(
  db: Executor,
  visitId: string,
  team: { name: string; role: string | null; institutionId: string | null }[],
) {
  await db.deleteFrom('visit_team').where('visit_id', '=', visitId).execute();
  if (team.length > 0) {
    await db
      .insertInto('visit_team')
      .values(
        team.map((m, index) => ({
          id: randomUUID(),
          visit_id: visitId,
          position: index + 1,
          name: m.name,
          role: m.role,
          institution_id: m.institutionId,
        })),
      )
      .execute();
  }
}

/** Plan actions the actor may see among `ids`. */
export async function visibleActions(db: Executor, actor: Actor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('plan_actions')
    .select('plan_actions.id')
    .where('plan_actions.id', 'in', ids)
    .where(visibleTo(actor, 'plan_actions'))
    .execute();
  return rows.map((r) => r.id);
}

export async function countRecommendations(db: Executor, visitId: string): Promise<number> {
  const row = await db
    .selectFrom('recommendations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('visit_id', '=', visitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
