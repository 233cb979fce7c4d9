import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { ContactPointTable, DB } from '../../db/schema.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

/** A membership, when the caller may see its institution (memberships themselves are public, as groups are). */
export function findVisibleMembership(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('group_memberships')
    .innerJoin('institutions', 'institutions.id', 'group_memberships.institution_id')
    .select(['group_memberships.id', 'group_memberships.institution_id'])
    .where('group_memberships.id', '=', id)
    .where(visibleTo(actor, 'institutions'))
    .executeTakeFirst();
}

function withInstitution(db: Executor) {
  return db
    .selectFrom('contact_points')
    .innerJoin('group_memberships', 'group_memberships.id', 'contact_points.membership_id')
    .selectAll('contact_points')
    .select('group_memberships.institution_id');
}

export type ContactPointRow = NonNullable<Awaited<ReturnType<typeof findContactPoint>>>;

/** The member's contact points the caller may see: the current one first, then the past ones, latest first. */
export function listContactPoints(db: Executor, actor: Actor, membershipId: string) {
  return withInstitution(db)
    .where('contact_points.membership_id', '=', membershipId)
    .where(visibleTo(actor, 'contact_points'))
    .orderBy(sql`case when contact_points.ends_on is null then 0 else 1 end`)
    .orderBy('contact_points.ends_on', 'desc')
    .orderBy('contact_points.starts_on', 'desc')
    .orderBy('contact_points.created_at', 'desc')
    .orderBy('contact_points.id')
    .execute();
}

export function findVisibleContactPoint(db: Executor, actor: Actor, id: string) {
  return withInstitution(db)
    .where('contact_points.id', '=', id)
    .where(visibleTo(actor, 'contact_points'))
    .executeTakeFirst();
}

export function findContactPoint(db: Executor, id: string) {
  return withInstitution(db).where('contact_points.id', '=', id).executeTakeFirst();
}

export function findCurrentContactPoint(db: Executor, membershipId: string) {
  return withInstitution(db)
    .where('contact_points.membership_id', '=', membershipId)
    .where('contact_points.ends_on', 'is', null)
    .executeTakeFirst();
}

/** Applies a change only if the row is still at `version`; returns false when someone else got there first. */
export async function updateContactPoint(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<ContactPointTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('contact_points')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends a contact point that is still current; false when it was ended in the meantime. */
export async function endContactPoint(db: Executor, id: string, endsOn: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('contact_points')
    .set({ ends_on: endsOn, updated_at: now, version: sql`version + 1` })
    .where('id', '=', id)
    .where('ends_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertContactPoint(db: Executor, row: ContactPointTable): Promise<void> {
  await db.insertInto('contact_points').values(row).execute();
}
