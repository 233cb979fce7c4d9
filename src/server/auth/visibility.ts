import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from './actor.js';

/**
 * The one place that says which owned records an actor may see, as a SQL condition for list, count and detail
 * queries alike (never filtered after the fact):
 * - administrator: everything;
 * - coordinator: everything but other institutions' institution-only records;
 * - contact point, staff: their institution's records, and whatever is shared with the group or wider;
 * - partner: what is shared with partners or public; anonymous: public only.
 * A record with no owner institution belongs to the network (the secretariat).
 */
export function visibleTo(actor: Actor, table: string) {
  // biome-ignore lint/suspicious/noExplicitAny: the condition applies to any owned table, named at the call.
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const visibility = eb.ref(`${table}.visibility`);
    const owner = eb.ref(`${table}.owner_institution_id`);
    if (actor.kind === 'anonymous') return eb(visibility, '=', 'public');
    const { role, institutionId } = actor.user;
    const own = institutionId ? [eb(owner, '=', institutionId)] : [];
    switch (role) {
      case 'administrator':
        return sql<SqlBool>`1 = 1`;
      case 'coordinator':
        return eb.or([eb(visibility, '!=', 'institution'), eb(owner, 'is', null), ...own]);
      case 'contact_point':
      case 'staff':
        return eb.or([eb(visibility, 'in', ['group', 'partners', 'public']), ...own]);
      case 'partner':
        return eb(visibility, 'in', ['partners', 'public']);
    }
  };
}
