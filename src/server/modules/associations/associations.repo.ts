import type { Kysely } from 'kysely';
import type { AssociationTable, DB } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

export interface AssociationListQuery {
  q?: string | undefined;
  page: number;
  pageSize: number;
  sort: 'code' | 'name';
  order: 'asc' | 'desc';
}

const sortColumns = { code: 'associations.code', name: 'associations.name_fr' } as const;

// Associations are the network's public reference data: no owner, no visibility, everyone may read them.
function filtered(db: Executor, filters: Pick<AssociationListQuery, 'q'>) {
  let query = db.selectFrom('associations');
  if (filters.q) {
    query = query.where(matchesText(['associations.code', 'associations.name_fr', 'associations.name_en'], filters.q));
  }
  return query;
}

export async function listAssociations(db: Executor, query: AssociationListQuery) {
  const base = filtered(db, query);
  const [rows, count] = await Promise.all([
    base
      .selectAll('associations')
      .orderBy(sortColumns[query.sort], query.order)
      .orderBy('associations.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findAssociation(db: Executor, id: string) {
  return db.selectFrom('associations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Applies a change only if the row is still at `version`; returns false when someone else got there first. */
export async function updateAssociation(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<AssociationTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('associations')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
