import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { visibleTo } from '../auth/visibility.js';
import type { DB } from '../db/schema.js';

/**
 * Records owned by an institution (`owner_institution_id`, `visibility`) that other records point at by
 * (entity, id) rather than by a foreign key: plan action links and document attachments. Each module adds the
 * entities it owns, so that a pointer is only ever followed (or counted) as far as the actor may see its target.
 */
export const ownedRecordTables: Readonly<Record<string, keyof DB & string>> = {
  activity: 'activities',
  document: 'documents',
  awareness_session: 'awareness_sessions',
  material: 'materials',
  facility: 'facilities',
  visit: 'visits',
};

/** Is `entity` one whose records are owned and visibility-checked? */
export function isOwnedEntity(entity: string): boolean {
  return Object.hasOwn(ownedRecordTables, entity);
}

/**
 * A condition on a row pointing at `(entity, entity_id)` columns of `table`: true when the actor may see the record
 * pointed at. An entity with no owned table (none today) is never visible through a pointer.
 */
export function pointsAtVisible(actor: Actor, table: string) {
  // biome-ignore lint/suspicious/noExplicitAny: the condition applies to any pointer table, named at the call.
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const branches = Object.entries(ownedRecordTables).map(([entity, target]) =>
      eb.and([
        eb(eb.ref(`${table}.entity`), '=', entity),
        eb.exists(
          eb
            .selectFrom(target)
            .select(sql`1`.as('one'))
            .whereRef(`${target}.id`, '=', eb.ref(`${table}.entity_id`))
            .where(visibleTo(actor, target)),
        ),
      ]),
    );
    return branches.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(branches);
  };
}
