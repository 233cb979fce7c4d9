import type { Kysely } from 'kysely';
import { roleHas } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import type { DB, UserRow } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';
import type { UserWithNames } from './users.present.js';

export interface UserListQuery {
  page: number;
  pageSize: number;
  sort: 'name' | 'email' | 'role' | 'lastLoginAt' | 'createdAt';
  order: 'asc' | 'desc';
  q?: string | undefined;
  role?: string | undefined;
  status?: string | undefined;
  institutionId?: string | undefined;
}

const sortColumns = {
  name: 'users.name',
  email: 'users.email',
  role: 'users.role',
  lastLoginAt: 'users.last_login_at',
  createdAt: 'users.created_at',
} as const;

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .leftJoin('institutions', 'institutions.id', 'users.institution_id')
    .leftJoin('partners', 'partners.id', 'users.partner_id');
}

/** A contact point sees only the accounts of their own institution: the scope is part of the query. */
function scoped(db: Kysely<DB>, actor: Actor) {
  let query = withNames(db);
  if (actor.kind === 'user' && !roleHas(actor.user.role, 'manage:user:any')) {
    query = query.where('users.institution_id', '=', actor.user.institutionId ?? '');
  }
  return query;
}

const columns = [
  'users.id',
  'users.email',
  'users.name',
  'users.password_hash',
  'users.role',
  'users.institution_id',
  'users.partner_id',
  'users.language',
  'users.status',
  'users.last_login_at',
  'users.version',
  'users.created_at',
  'users.updated_at',
  'institutions.name_fr as institution_name',
  'partners.name_fr as partner_name',
] as const;

export async function listUsers(db: Kysely<DB>, actor: Actor, query: UserListQuery) {
  let base = scoped(db, actor);
  if (query.q) base = base.where(matchesText(['users.name', 'users.email'], query.q));
  if (query.role) base = base.where('users.role', '=', query.role);
  if (query.status) base = base.where('users.status', '=', query.status);
  if (query.institutionId) base = base.where('users.institution_id', '=', query.institutionId);
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy(sortColumns[query.sort], query.order)
      .orderBy('users.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as UserWithNames[], total: Number(count.total) };
}

export async function findUser(db: Kysely<DB>, id: string): Promise<UserWithNames | undefined> {
  return (await withNames(db).select(columns).where('users.id', '=', id).executeTakeFirst()) as
    | UserWithNames
    | undefined;
}

export async function findScopedUser(db: Kysely<DB>, actor: Actor, id: string): Promise<UserWithNames | undefined> {
  return (await scoped(db, actor).select(columns).where('users.id', '=', id).executeTakeFirst()) as
    | UserWithNames
    | undefined;
}

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function updateUser(db: Kysely<DB>, id: string, version: number, changes: Partial<UserRow>) {
  const result = await db
    .updateTable('users')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countActiveAdministrators(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
