import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, DeclarationTable } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

export interface DeclarationFilters {
  q?: string | undefined;
  /** An association's code: declarations it signed. */
  association?: string | undefined;
}

export interface DeclarationListQuery extends DeclarationFilters {
  page: number;
  pageSize: number;
  sort: 'adoptedOn' | 'title';
  order: 'asc' | 'desc';
}

const sortColumns = { adoptedOn: 'declarations.adopted_on', title: 'declarations.title_fr' } as const;

function filtered(db: Executor, actor: Actor, filters: DeclarationFilters) {
  let query = db.selectFrom('declarations').where(visibleTo(actor, 'declarations'));
  if (filters.q) query = query.where(matchesText(['declarations.title_fr', 'declarations.title_en'], filters.q));
  if (filters.association) {
    const code = filters.association;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('declaration_signatories')
          .innerJoin('associations', 'associations.id', 'declaration_signatories.association_id')
          // An exists subquery still needs a select list: SQLite rejects `select from`.
          .select('declaration_signatories.declaration_id')
          .whereRef('declaration_signatories.declaration_id', '=', 'declarations.id')
          .where('associations.code', '=', code),
      ),
    );
  }
  return query;
}

export async function listDeclarations(db: Executor, actor: Actor, query: DeclarationListQuery) {
  const base = filtered(db, actor, query);
  const column = sortColumns[query.sort];
  const [rows, count] = await Promise.all([
    base
      .selectAll('declarations')
      // Undated declarations come last either way, on both engines (they disagree on where nulls sort).
      .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
      .orderBy(column, query.order)
      .orderBy('declarations.title_fr')
      .orderBy('declarations.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleDeclaration(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('declarations')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(actor, 'declarations'))
    .executeTakeFirst();
}

export function findDeclaration(db: Executor, id: string) {
  return db.selectFrom('declarations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function signatoriesOf(db: Executor, declarationIds: string[]) {
  if (declarationIds.length === 0) return [];
  return db
    .selectFrom('declaration_signatories')
    .innerJoin('associations', 'associations.id', 'declaration_signatories.association_id')
    .select(['declaration_signatories.declaration_id', 'associations.id', 'associations.code'])
    .where('declaration_signatories.declaration_id', 'in', declarationIds)
    .orderBy('associations.code')
    .execute();
}

export async function existingAssociations(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('associations').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

export async function insertDeclaration(db: Executor, row: DeclarationTable): Promise<void> {
  await db.insertInto('declarations').values(row).execute();
}

/** Applies a change only if the row is still at `version`; returns false when someone else got there first. */
export async function updateDeclaration(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<DeclarationTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('declarations')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceSignatories(db: Executor, declarationId: string, associationIds: string[]) {
  await db.deleteFrom('declaration_signatories').where('declaration_id', '=', declarationId).execute();
  if (associationIds.length === 0) return;
  await db
    .insertInto('declaration_signatories')
    .values(associationIds.map((associationId) => ({ declaration_id: declarationId, association_id: associationId })))
    .execute();
}

/** Deletes the row (its signatories go with it) only if it is still at `version`. */
export async function deleteDeclaration(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('declarations')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
