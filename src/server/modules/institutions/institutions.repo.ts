import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, InstitutionRow, NewInstitution } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

export interface InstitutionFilters {
  q?: string | undefined;
  country?: string | undefined;
  kind?: string | undefined;
  association?: string | undefined;
  associationStatus?: string | undefined;
  membershipStatus?: string | undefined;
  member?: boolean | undefined;
  dataStatus?: string | undefined;
}

export interface InstitutionListQuery extends InstitutionFilters {
  page: number;
  pageSize: number;
  sort: 'name' | 'country' | 'kind' | 'updatedAt';
  order: 'asc' | 'desc';
}

const sortColumns = {
  name: 'institutions.name_fr',
  country: 'institutions.country_code',
  kind: 'institutions.kind',
  updatedAt: 'institutions.updated_at',
} as const;

function filtered(db: Executor, actor: Actor, filters: InstitutionFilters) {
  let query = db.selectFrom('institutions').where(visibleTo(actor, 'institutions'));
  if (filters.q) {
    query = query.where(
      matchesText(
        ['institutions.name_fr', 'institutions.name_en', 'institutions.name_original', 'institutions.acronym'],
        filters.q,
      ),
    );
  }
  if (filters.country) query = query.where('institutions.country_code', '=', filters.country);
  if (filters.kind) query = query.where('institutions.kind', '=', filters.kind);
  if (filters.dataStatus) query = query.where('institutions.data_status', '=', filters.dataStatus);
  if (filters.association) {
    const code = filters.association;
    const status = filters.associationStatus ?? 'member';
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('institution_associations')
          .innerJoin('associations', 'associations.id', 'institution_associations.association_id')
          .select('institution_associations.institution_id')
          .whereRef('institution_associations.institution_id', '=', 'institutions.id')
          .where('associations.code', '=', code)
          .where('institution_associations.status', '=', status),
      ),
    );
  }
  if (filters.membershipStatus) {
    const status = filters.membershipStatus;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_memberships')
          .select('group_memberships.id')
          .whereRef('group_memberships.institution_id', '=', 'institutions.id')
          .where('group_memberships.status', '=', status),
      ),
    );
  }
  if (filters.member !== undefined) {
    const member = filters.member;
    query = query.where((eb) => {
      const exists = eb.exists(
        // SQLite, unlike PostgreSQL, needs a select list even inside EXISTS.
        eb
          .selectFrom('group_memberships')
          .select('group_memberships.id')
          .whereRef('group_memberships.institution_id', '=', 'institutions.id'),
      );
      return member ? exists : eb.not(exists);
    });
  }
  return query;
}

export async function listInstitutions(db: Executor, actor: Actor, query: InstitutionListQuery) {
  const base = filtered(db, actor, query);
  const [rows, count] = await Promise.all([
    base
      .selectAll('institutions')
      .orderBy(sortColumns[query.sort], query.order)
      .orderBy('institutions.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleInstitution(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('institutions')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(actor, 'institutions'))
    .executeTakeFirst();
}

export function findInstitution(db: Executor, id: string) {
  return db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function associationsOf(db: Executor, institutionIds: string[]) {
  if (institutionIds.length === 0) return [];
  return db
    .selectFrom('institution_associations')
    .innerJoin('associations', 'associations.id', 'institution_associations.association_id')
    .select([
      'institution_associations.institution_id',
      'institution_associations.association_id',
      'institution_associations.status',
      'institution_associations.note',
      'associations.code',
    ])
    .where('institution_associations.institution_id', 'in', institutionIds)
    .orderBy('associations.code')
    .execute();
}

export async function membershipsOf(db: Executor, institutionIds: string[]) {
  if (institutionIds.length === 0) return [];
  return db
    .selectFrom('group_memberships')
    .innerJoin('groups', 'groups.id', 'group_memberships.group_id')
    .select([
      'group_memberships.id',
      'group_memberships.institution_id',
      'group_memberships.group_id',
      'group_memberships.status',
      'group_memberships.position',
      'groups.name_fr',
      'groups.name_en',
    ])
    .where('group_memberships.institution_id', 'in', institutionIds)
    .execute();
}

export async function insertInstitution(db: Executor, row: NewInstitution): Promise<void> {
  await db.insertInto('institutions').values(row).execute();
}

/** Applies a change only if the row is still at `version`; returns false when someone else got there first. */
export async function updateInstitution(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<InstitutionRow>,
): Promise<boolean> {
  const result = await db
    .updateTable('institutions')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceAssociations(
  db: Executor,
  institutionId: string,
  associations: { associationId: string; status: string; note?: string | null | undefined }[],
): Promise<void> {
  await db.deleteFrom('institution_associations').where('institution_id', '=', institutionId).execute();
  if (associations.length === 0) return;
  await db
    .insertInto('institution_associations')
    .values(
      associations.map((a) => ({
        institution_id: institutionId,
        association_id: a.associationId,
        status: a.status,
        note: a.note ?? null,
      })),
    )
    .execute();
}

export async function countReferences(db: Executor, institutionId: string): Promise<number> {
  const [memberships, users, owned] = await Promise.all([
    db
      .selectFrom('group_memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('institution_id', '=', institutionId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('institution_id', '=', institutionId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('partners')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_institution_id', '=', institutionId)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(memberships.n) + Number(users.n) + Number(owned.n);
}

export async function deleteInstitution(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('institution_associations').where('institution_id', '=', id).execute();
  await db.deleteFrom('institutions').where('id', '=', id).execute();
}
