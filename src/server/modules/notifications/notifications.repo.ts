import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { NotificationKind } from '../../../shared/contract/notifications.js';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB } from '../../db/schema.js';
import { offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

/** The owned tables reminders point at (`record_table`); a notification about anything else is never shown. */
export const reminderTables = [
  'plan_actions',
  'plans',
  'activities',
  'visits',
] as const satisfies readonly (keyof DB)[];

/** The person may still see the record a notification is about (and it still exists). */
function recordVisible(actor: Actor) {
  // biome-ignore lint/suspicious/noExplicitAny: the condition joins any of the owned tables.
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or(
      reminderTables.map((table) =>
        eb.and([
          eb('notifications.record_table', '=', table),
          eb.exists(
            eb
              .selectFrom(table)
              .select(sql`1`.as('one'))
              .whereRef(`${table}.id`, '=', 'notifications.record_id')
              .where(visibleTo(actor, table)),
          ),
        ]),
      ),
    );
}

/** The actor's own notifications whose record they may see: the base of list, count, detail and marks. */
export function mine(db: Executor, actor: Actor, userId: string) {
  return db.selectFrom('notifications').where('notifications.user_id', '=', userId).where(recordVisible(actor));
}

export interface NotificationListQuery {
  page: number;
  pageSize: number;
  sort: 'createdAt' | 'kind';
  order: 'asc' | 'desc';
  unread?: boolean | undefined;
  kind?: NotificationKind | undefined;
}

export async function listMine(db: Executor, actor: Actor, userId: string, query: NotificationListQuery) {
  let base = mine(db, actor, userId);
  if (query.unread !== undefined) {
    base = base.where('notifications.read_at', query.unread ? 'is' : 'is not', null);
  }
  if (query.kind) base = base.where('notifications.kind', '=', query.kind);
  const column = query.sort === 'kind' ? 'notifications.kind' : 'notifications.created_at';
  const [rows, count] = await Promise.all([
    base
      .selectAll('notifications')
      .orderBy(column, query.order)
      .orderBy('notifications.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countUnread(db: Executor, actor: Actor, userId: string): Promise<number> {
  const row = await mine(db, actor, userId)
    .where('notifications.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findMine(db: Executor, actor: Actor, userId: string, id: string) {
  return mine(db, actor, userId).selectAll('notifications').where('notifications.id', '=', id).executeTakeFirst();
}
