import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type {
  ContactPointTable,
  DB,
  GroupMembershipTable,
  GroupTable,
  MembershipStatusChangeTable,
} from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

export interface GroupListQuery {
  q?: string | undefined;
  page: number;
  pageSize: number;
  sort: 'name';
  order: 'asc' | 'desc';
}

export interface MemberListQuery {
  status?: string | undefined;
  page: number;
  pageSize: number;
  sort: 'position' | 'country' | 'name';
  order: 'asc' | 'desc';
}

// Groups and their memberships belong to the network and are public. A member is listed only when its institution
// is visible to the caller: an institution-only record must not leak through the group's member list.

function filteredGroups(db: Executor, filters: Pick<GroupListQuery, 'q'>) {
  let query = db.selectFrom('groups');
  if (filters.q) query = query.where(matchesText(['groups.name_fr', 'groups.name_en'], filters.q));
  return query;
}

export async function listGroups(db: Executor, query: GroupListQuery) {
  const base = filteredGroups(db, query);
  const [rows, count] = await Promise.all([
    base
      .selectAll('groups')
      .orderBy('groups.name_fr', query.order)
      .orderBy('groups.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findGroup(db: Executor, id: string) {
  return db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function associationsOfGroups(db: Executor, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('group_associations')
    .innerJoin('associations', 'associations.id', 'group_associations.association_id')
    .select(['group_associations.group_id', 'associations.id', 'associations.code'])
    .where('group_associations.group_id', 'in', groupIds)
    .orderBy('associations.code')
    .execute();
}

/** Members that have not withdrawn, among those the caller may see. */
export async function memberCounts(db: Executor, actor: Actor, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('group_memberships')
    .innerJoin('institutions', 'institutions.id', 'group_memberships.institution_id')
    .select(['group_memberships.group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('group_memberships.group_id', 'in', groupIds)
    .where('group_memberships.status', '!=', 'withdrawn')
    .where(visibleTo(actor, 'institutions'))
    .groupBy('group_memberships.group_id')
    .execute();
}

export async function updateGroup(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<GroupTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('groups')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const memberSorts = {
  position: 'group_memberships.position',
  country: 'institutions.country_code',
  name: 'institutions.name_fr',
} as const;

function visibleMemberships(db: Executor, actor: Actor) {
  return db
    .selectFrom('group_memberships')
    .innerJoin('institutions', 'institutions.id', 'group_memberships.institution_id')
    .where(visibleTo(actor, 'institutions'));
}

const memberColumns = [
  'group_memberships.id',
  'group_memberships.group_id',
  'group_memberships.institution_id',
  'group_memberships.position',
  'group_memberships.status',
  'group_memberships.status_since',
  'group_memberships.version',
  'institutions.country_code',
  'institutions.name_fr',
  'institutions.name_en',
  'institutions.name_original',
] as const;

export type MemberRow = NonNullable<Awaited<ReturnType<typeof findVisibleMembership>>>;

export async function listMembers(db: Executor, actor: Actor, groupId: string, query: MemberListQuery) {
  let base = visibleMemberships(db, actor).where('group_memberships.group_id', '=', groupId);
  if (query.status) base = base.where('group_memberships.status', '=', query.status);
  const [rows, count] = await Promise.all([
    base
      .select(memberColumns)
      .orderBy(memberSorts[query.sort], query.order)
      .orderBy('group_memberships.position')
      .orderBy('group_memberships.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleMembership(db: Executor, actor: Actor, id: string) {
  return visibleMemberships(db, actor).select(memberColumns).where('group_memberships.id', '=', id).executeTakeFirst();
}

export function findMembershipOf(db: Executor, groupId: string, institutionId: string) {
  return db
    .selectFrom('group_memberships')
    .select('id')
    .where('group_id', '=', groupId)
    .where('institution_id', '=', institutionId)
    .executeTakeFirst();
}

/** The current contact point of each membership, only where the caller may see it. */
export async function currentContactPoints(db: Executor, actor: Actor, membershipIds: string[]) {
  if (membershipIds.length === 0) return [];
  return db
    .selectFrom('contact_points')
    .select([
      'contact_points.id',
      'contact_points.membership_id',
      'contact_points.name',
      'contact_points.role_title',
      'contact_points.email',
    ])
    .where('contact_points.membership_id', 'in', membershipIds)
    .where('contact_points.ends_on', 'is', null)
    .where(visibleTo(actor, 'contact_points'))
    .execute();
}

export function findVisibleInstitution(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('institutions')
    .select(['id', 'owner_institution_id'])
    .where('id', '=', id)
    .where(visibleTo(actor, 'institutions'))
    .executeTakeFirst();
}

/**
 * Holds the group's row until the transaction ends, so that two admissions at once cannot both take the same
 * last position (a no-op update: a row lock on PostgreSQL, the write lock on SQLite; no FOR UPDATE needed).
 */
export async function lockGroup(db: Executor, groupId: string): Promise<void> {
  await db.updateTable('groups').set({ updated_at: sql`updated_at` }).where('id', '=', groupId).execute();
}

export async function nextPosition(db: Executor, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('group_memberships')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertMembership(db: Executor, row: GroupMembershipTable): Promise<void> {
  await db.insertInto('group_memberships').values(row).execute();
}

export async function insertContactPoint(db: Executor, row: ContactPointTable): Promise<void> {
  await db.insertInto('contact_points').values(row).execute();
}

export async function updateMembershipStatus(
  db: Executor,
  id: string,
  version: number,
  changes: Pick<GroupMembershipTable, 'status' | 'status_since' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('group_memberships')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a status change. Its `created_at` is kept strictly after the previous change of the same membership, so
 * that "newest first" is well defined even for two changes within the same millisecond.
 */
export async function insertStatusChange(db: Executor, row: MembershipStatusChangeTable): Promise<void> {
  const last = await db
    .selectFrom('membership_status_changes')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('membership_id', '=', row.membership_id)
    .executeTakeFirst();
  let createdAt = row.created_at;
  if (last?.at && last.at >= createdAt) createdAt = new Date(Date.parse(last.at) + 1).toISOString();
  await db
    .insertInto('membership_status_changes')
    .values({ ...row, created_at: createdAt })
    .execute();
}

export function statusHistory(db: Executor, membershipId: string) {
  return db
    .selectFrom('membership_status_changes')
    .selectAll()
    .where('membership_id', '=', membershipId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
